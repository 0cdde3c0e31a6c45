// loadBuiltinRules: the embedded rule files through the ordinary loader.
#include "detect/builtin_rules.h"

#include "detect/sigma_loader.h"
#include "embedded_builtin_rules.h"

#include <string>

namespace vigie::detect {

void loadBuiltinRules(LoadResult& into)
{
    for (const auto& file : resources::builtinSigmaRules())
        loadSigmaText(file.text, "builtin:" + std::string(file.name), into);
}

} // namespace vigie::detect
