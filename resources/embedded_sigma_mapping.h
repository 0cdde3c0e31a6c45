#pragma once
// The built-in Sigma field mapping (resources/detect/sigma_mapping.yml), embedded at build time
// so that detection never reads the source tree at run time. Any thread.
#include <string_view>

namespace vigie::resources {

std::string_view sigmaMapping();

} // namespace vigie::resources
