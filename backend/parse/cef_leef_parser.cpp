#include "parse/cef_leef_parser.h"

namespace vigie::parse::detail {

bool parseCef(std::string_view, std::size_t pos, Event&, ParseFailure& failure)
{
    failure = {pos, "CEF is not supported yet"};
    return false;
}

bool parseLeef(std::string_view, std::size_t pos, Event&, ParseFailure& failure)
{
    failure = {pos, "LEEF is not supported yet"};
    return false;
}

} // namespace vigie::parse::detail
