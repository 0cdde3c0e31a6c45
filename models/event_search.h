#pragma once
// EventSearch: what the events table shows — a query in the analysts' language (empty: every
// event) over a time range given in microseconds since the epoch (a relative range such as
// "last hour" is turned into an absolute one when the search starts). A plain value copied to
// the loader's thread; `toRequest` and `checkSyntax` are pure and safe from any thread.
#include "query/query.h"

#include <QString>

#include <algorithm>
#include <optional>

namespace vigie::models {

struct EventSearch {
    QString query;
    std::optional<qint64> fromUs; // inclusive
    std::optional<qint64> toUs;   // exclusive

    bool operator==(const EventSearch&) const = default;

    query::SearchRequest toRequest(int limit) const
    {
        query::SearchRequest request;
        request.query = query.toStdString();
        if (fromUs)
            request.range.from = Timestamp(std::chrono::microseconds(*fromUs));
        if (toUs)
            request.range.to = Timestamp(std::chrono::microseconds(*toUs));
        request.limit = static_cast<std::size_t>(std::max(limit, 1));
        return request;
    }
};

// Why a query does not parse: the parser's message and the character offset it points at.
struct SearchSyntaxError {
    QString message;
    int position = 0; // in QString characters (UTF-16), for selecting in a line edit
};

// Parses `text` on the calling thread; nullopt when it compiles.
inline std::optional<SearchSyntaxError> checkSyntax(const QString& text)
{
    const std::string utf8 = text.toStdString();
    try {
        query::compileFilter(utf8, query::Placeholders::Question);
    } catch (const query::SyntaxError& error) {
        // The parser counts bytes of UTF-8; the line edit counts UTF-16 units.
        const auto bytes = std::min(error.position(), utf8.size());
        const int position =
            static_cast<int>(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(bytes)).size());
        const std::string& why = error.expected().empty() ? std::string(error.what()) : error.expected();
        return SearchSyntaxError{QString::fromStdString(why), position};
    }
    return std::nullopt;
}

} // namespace vigie::models
