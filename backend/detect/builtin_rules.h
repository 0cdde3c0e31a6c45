#pragma once
// The Sigma rules Vigie ships (resources/detect/rules, embedded in the binary): SSH brute force
// followed by a success, sudo to root by a non-administrator, a new local user. Pure, any
// thread.
#include "detect/sigma_rule.h"

namespace vigie::detect {

// Appends every built-in document to `into` (files labelled "builtin:<file name>"); the caller
// runs resolveCorrelations() once everything is loaded.
void loadBuiltinRules(LoadResult& into);

} // namespace vigie::detect
