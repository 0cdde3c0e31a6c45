#include "event/event.h"

namespace vigie {

Timestamp nowTimestamp()
{
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

const std::string* Event::field(std::string_view key) const
{
    for (const auto& [k, v] : fields)
        if (k == key)
            return &v;
    return nullptr;
}

} // namespace vigie
