#pragma once
// EventCopyEncoder: turns Events into PostgreSQL's binary COPY format for the `events` table
// (header, one tuple per event, trailer). Binary COPY skips the server's text parsing of
// timestamps, integers and inet, which is where text COPY spends its time.
// Not thread-safe; the writer thread owns one.
#include "event/event.h"

#include <optional>
#include <string>
#include <string_view>

namespace vigie::store {

class EventCopyEncoder {
public:
    // The COPY statement whose column order matches append().
    static std::string_view copyStatement();
    // The same columns into another table (raw COPY baselines in benchmarks).
    static std::string copyStatementFor(std::string_view table);

    void begin();                    // clears the buffer and writes the header
    void append(const Event& event); // one tuple
    void finish();                   // the trailer
    const std::string& data() const { return buffer_; }

private:
    void putInt16(int16_t value);
    void putInt32(int32_t value);
    void putInt64(int64_t value);
    void putNull();
    // int2 or int4 by the type's size; NULL when absent.
    template <typename Integer> void putOptional(const std::optional<Integer>& value);
    void putText(std::string_view text); // NULL when empty
    void putRequiredText(std::string_view text);
    void putTimestamp(Timestamp ts);
    void putInet(const std::string& address); // NULL when empty or not an address
    std::string buffer_;
    std::string scratch_;
};

} // namespace vigie::store
