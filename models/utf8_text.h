#pragma once
// The backend's UTF-8 std::strings as Qt strings: one spelling for every model and widget.
// Any thread.
#include <QString>
#include <string_view>

namespace vigie::models {

inline QString qstr(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace vigie::models
