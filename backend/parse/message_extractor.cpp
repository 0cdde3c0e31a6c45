#include "parse/message_extractor.h"

namespace vigie::parse::detail {

void extractFromMessage(Event&) {}

} // namespace vigie::parse::detail
