#include "ingest/stream_framer.h"

#include <algorithm>

namespace vigie::ingest {

namespace {

// A count longer than this is not a MSG-LEN (9 digits is already far beyond any max_record).
constexpr std::size_t kMaxCountDigits = 9;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string_view withoutCr(std::string_view record)
{
    if (!record.empty() && record.back() == '\r')
        record.remove_suffix(1);
    return record;
}

} // namespace

StreamFramer::StreamFramer(std::size_t max_record) : max_record_(max_record == 0 ? 1 : max_record) {}

void StreamFramer::emit(std::string_view record, const Sink& sink)
{
    if (record.size() > max_record_) {
        record = record.substr(0, max_record_);
        ++oversize_;
    }
    if (!record.empty())
        sink(record);
}

void StreamFramer::feedLine(std::string_view bytes, std::size_t& i, const Sink& sink)
{
    const std::size_t n = bytes.size();
    std::size_t trailer = i;
    while (trailer < n && bytes[trailer] != '\n' && bytes[trailer] != '\0')
        ++trailer;
    const std::string_view chunk = bytes.substr(i, trailer - i);
    if (trailer < n) {
        if (pending_.empty()) {
            emit(withoutCr(chunk), sink); // the common case: no copy
        } else {
            pending_.append(chunk);
            emit(withoutCr(pending_), sink);
            pending_.clear();
        }
        i = trailer + 1;
        mode_ = Mode::Start;
        return;
    }
    // No trailer yet: buffer, but never more than max_record_ + 1 bytes (the extra one may be
    // the CR of a CR LF that has not arrived).
    const std::size_t room = max_record_ + 1 - std::min(pending_.size(), max_record_ + 1);
    if (chunk.size() <= room) {
        pending_.append(chunk);
        i = n;
        if (pending_.size() == max_record_ + 1 && pending_.back() != '\r') {
            emit(pending_, sink); // cut to max_record_ and counted
            pending_.clear();
            mode_ = Mode::SkipLine;
        }
        return;
    }
    pending_.append(chunk.substr(0, room));
    i += room;
    // More than max_record_ + 1 bytes without a trailer: certainly oversize.
    emit(pending_, sink);
    pending_.clear();
    mode_ = Mode::SkipLine;
}

void StreamFramer::feed(std::string_view bytes, const Sink& sink)
{
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        switch (mode_) {
        case Mode::Start:
            count_ = 0;
            count_digits_ = 0;
            // RFC 6587: a frame starting with a non-zero digit is octet-counted ("123 <...");
            // anything else is a line.
            mode_ = (bytes[i] >= '1' && bytes[i] <= '9') ? Mode::Count : Mode::Line;
            break;
        case Mode::Count: {
            const char c = bytes[i];
            if (isDigit(c) && count_digits_ < kMaxCountDigits) {
                count_ = count_ * 10 + static_cast<std::size_t>(c - '0');
                ++count_digits_;
                pending_.push_back(c);
                ++i;
            } else if (c == ' ') {
                pending_.push_back(c);
                ++i;
                mode_ = Mode::CountSpace;
            } else {
                mode_ = Mode::Line; // "123abc": a line that happens to start with digits
            }
            break;
        }
        case Mode::CountSpace:
            // A syslog message starts with '<'; "42 errors" on a line-framed stream is text.
            if (bytes[i] == '<') {
                pending_.clear();
                mode_ = Mode::Octet;
            } else {
                mode_ = Mode::Line;
            }
            break;
        case Mode::Octet: {
            const std::size_t target = std::min(count_, max_record_);
            const std::size_t take = std::min(target - pending_.size(), n - i);
            if (pending_.empty() && take == target) {
                emit(bytes.substr(i, take), sink);
            } else {
                pending_.append(bytes.substr(i, take));
                if (pending_.size() == target) {
                    emit(pending_, sink);
                    pending_.clear();
                }
            }
            i += take;
            if (pending_.empty()) {
                if (count_ > max_record_) {
                    ++oversize_;
                    skip_ = count_ - max_record_;
                    mode_ = Mode::SkipOctet;
                } else {
                    mode_ = Mode::Start;
                }
            }
            break;
        }
        case Mode::SkipOctet: {
            const std::size_t take = std::min(skip_, n - i);
            skip_ -= take;
            i += take;
            if (skip_ == 0)
                mode_ = Mode::Start;
            break;
        }
        case Mode::Line:
            feedLine(bytes, i, sink);
            break;
        case Mode::SkipLine:
            while (i < n && bytes[i] != '\n' && bytes[i] != '\0')
                ++i;
            if (i < n) {
                ++i;
                mode_ = Mode::Start;
            }
            break;
        }
    }
}

void StreamFramer::finish(const Sink& sink)
{
    switch (mode_) {
    case Mode::Count:
    case Mode::CountSpace:
    case Mode::Line:
        emit(withoutCr(pending_), sink);
        break;
    case Mode::Octet:
        emit(pending_, sink); // truncated by the end of the stream: keep what arrived
        break;
    case Mode::Start:
    case Mode::SkipOctet:
    case Mode::SkipLine:
        break;
    }
    pending_.clear();
    mode_ = Mode::Start;
    count_ = 0;
    count_digits_ = 0;
    skip_ = 0;
}

} // namespace vigie::ingest
