#pragma once
// Splits a TCP byte stream into syslog records (RFC 6587): octet counting ("<len> <msg>")
// and newline (LF, CR LF or NUL) framing, detected frame by frame so both can share a port.
// A count is trusted only when "<digits> " is followed by '<' (every syslog message starts with
// its PRI), so a line-framed "42 errors" or "1 2020-05-22T..." is not misread as a frame.
// One framer per connection; not thread-safe.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace vigie::ingest {

class StreamFramer {
public:
    using Sink = std::function<void(std::string_view record)>;

    // Records longer than max_record are cut to max_record bytes, emitted, and counted.
    explicit StreamFramer(std::size_t max_record = 64 * 1024);

    // Consumes `bytes`, calling sink once per complete record (empty records are skipped).
    void feed(std::string_view bytes, const Sink& sink);
    // End of stream: emits whatever partial record remains.
    void finish(const Sink& sink);

    std::uint64_t oversizeRecords() const { return oversize_; }

private:
    // Where the framer stands inside the current frame; kept across feed() calls so input may
    // be split at any byte.
    enum class Mode {
        Start,      // at a frame boundary
        Count,      // reading the digits of a possible octet count (kept in pending_)
        CountSpace, // read "<digits> ", waiting to see '<' before trusting the count
        Octet,      // collecting count_ bytes of an octet-counted frame
        SkipOctet,  // dropping the tail of an oversize octet-counted frame
        Line,       // collecting a record up to LF or NUL
        SkipLine,   // dropping the tail of an oversize line
    };

    void emit(std::string_view record, const Sink& sink);
    void feedLine(std::string_view bytes, std::size_t& i, const Sink& sink);

    std::size_t max_record_;
    std::string pending_;
    std::uint64_t oversize_ = 0;
    Mode mode_ = Mode::Start;
    std::size_t count_ = 0; // MSG-LEN of the octet-counted frame being read
    std::size_t count_digits_ = 0;
    std::size_t skip_ = 0; // bytes still to drop in SkipOctet
};

} // namespace vigie::ingest
