#include "parse/json_parser.h"

namespace vigie::parse::detail {

bool parseJson(std::string_view, std::size_t pos, Event&, ParseFailure& failure)
{
    failure = {pos, "JSON is not supported yet"};
    return false;
}

} // namespace vigie::parse::detail
