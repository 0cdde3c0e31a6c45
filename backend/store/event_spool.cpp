#include "store/event_spool.h"

#include <zlib.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace vigie::store {
namespace {

constexpr std::uint32_t kMagic = 0x56475342; // "VGSB"
constexpr std::size_t kHeaderSize = 12;      // magic, payload length, crc32

// A compact binary form of an Event: fixed-width integers in host order (the spool never
// leaves the machine), strings and fields length-prefixed.
class Encoder {
public:
    explicit Encoder(std::string& out) : out_(out) {}
    template <typename T> void pod(T value) { out_.append(reinterpret_cast<const char*>(&value), sizeof value); }
    void text(const std::string& s)
    {
        pod(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    template <typename T> void optional(const std::optional<T>& value)
    {
        pod(static_cast<std::uint8_t>(value.has_value()));
        if (value)
            pod(*value);
    }

private:
    std::string& out_;
};

class Decoder {
public:
    explicit Decoder(std::string_view in) : in_(in) {}
    template <typename T> T pod()
    {
        need(sizeof(T));
        T value;
        std::memcpy(&value, in_.data() + at_, sizeof value);
        at_ += sizeof value;
        return value;
    }
    std::string text()
    {
        const auto size = pod<std::uint32_t>();
        need(size);
        std::string s(in_.substr(at_, size));
        at_ += size;
        return s;
    }
    template <typename T> std::optional<T> optional()
    {
        if (pod<std::uint8_t>() == 0)
            return std::nullopt;
        return pod<T>();
    }

private:
    void need(std::size_t n) const
    {
        if (at_ + n > in_.size())
            throw std::runtime_error("spool batch is truncated");
    }
    std::string_view in_;
    std::size_t at_ = 0;
};

void encodeEvent(Encoder& e, const Event& event)
{
    e.pod(event.ts.time_since_epoch().count());
    e.pod(event.received_at.time_since_epoch().count());
    for (const std::string* s : {&event.host, &event.app, &event.category, &event.action, &event.outcome,
                                 &event.user_name, &event.source_ip, &event.dest_ip, &event.process, &event.format,
                                 &event.message, &event.raw})
        e.text(*s);
    e.optional(event.pid);
    e.optional(event.severity);
    e.optional(event.facility);
    e.optional(event.source_port);
    e.optional(event.dest_port);
    e.pod(static_cast<std::uint32_t>(event.fields.size()));
    for (const auto& [key, value] : event.fields) {
        e.text(key);
        e.text(value);
    }
    e.pod(static_cast<std::uint8_t>(event.parse_error));
}

Event decodeEvent(Decoder& d)
{
    Event event;
    event.ts = Timestamp(std::chrono::microseconds(d.pod<std::int64_t>()));
    event.received_at = Timestamp(std::chrono::microseconds(d.pod<std::int64_t>()));
    for (std::string* s : {&event.host, &event.app, &event.category, &event.action, &event.outcome,
                           &event.user_name, &event.source_ip, &event.dest_ip, &event.process, &event.format,
                           &event.message, &event.raw})
        *s = d.text();
    event.pid = d.optional<std::int32_t>();
    event.severity = d.optional<std::int16_t>();
    event.facility = d.optional<std::int16_t>();
    event.source_port = d.optional<std::int32_t>();
    event.dest_port = d.optional<std::int32_t>();
    const auto fields = d.pod<std::uint32_t>();
    for (std::uint32_t i = 0; i < fields; ++i) {
        std::string key = d.text();
        event.fields.emplace_back(std::move(key), d.text());
    }
    event.parse_error = d.pod<std::uint8_t>() != 0;
    return event;
}

std::uint32_t checksum(std::string_view payload)
{
    return static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(payload.data()), static_cast<uInt>(payload.size())));
}

[[noreturn]] void failIo(const std::string& what, const std::filesystem::path& path)
{
    throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

bool readExactly(int fd, std::uint64_t offset, std::size_t size, std::string& out)
{
    out.resize(size);
    std::size_t done = 0;
    while (done < size) {
        const auto n = pread(fd, out.data() + done, size - done, static_cast<off_t>(offset + done));
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

EventSpool::EventSpool(std::filesystem::path directory, std::uint64_t cap_bytes)
    : data_path_(directory / "spool.dat"), offset_path_(directory / "spool.offset"), cap_bytes_(cap_bytes)
{
    std::filesystem::create_directories(directory);
    fd_ = open(data_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0)
        failIo("cannot open the spool", data_path_);
    std::ifstream offset(offset_path_);
    offset >> read_offset_;
    scan();
}

EventSpool::~EventSpool()
{
    if (fd_ >= 0)
        close(fd_);
}

void EventSpool::scan()
{
    struct stat st {};
    fstat(fd_, &st);
    const auto size = static_cast<std::uint64_t>(st.st_size);
    std::uint64_t at = 0;
    std::string header, payload;
    pending_events_ = 0;
    while (at + kHeaderSize <= size && readExactly(fd_, at, kHeaderSize, header)) {
        std::uint32_t magic, length, crc;
        std::memcpy(&magic, header.data(), 4);
        std::memcpy(&length, header.data() + 4, 4);
        std::memcpy(&crc, header.data() + 8, 4);
        if (magic != kMagic || at + kHeaderSize + length > size ||
            !readExactly(fd_, at + kHeaderSize, length, payload) || checksum(payload) != crc)
            break; // a torn or damaged tail: everything before it is good
        if (at >= read_offset_) {
            Decoder d(payload);
            d.text(); // batch id
            pending_events_ += d.pod<std::uint32_t>();
        }
        at += kHeaderSize + length;
    }
    if (at < size && ftruncate(fd_, static_cast<off_t>(at)) != 0)
        failIo("cannot repair the spool", data_path_);
    file_size_ = at;
    if (read_offset_ > file_size_)
        read_offset_ = file_size_;
}

bool EventSpool::append(const std::string& batch_id, const std::vector<Event>& events)
{
    std::string frame(kHeaderSize, '\0');
    Encoder e(frame);
    e.text(batch_id);
    e.pod(static_cast<std::uint32_t>(events.size()));
    for (const auto& event : events)
        encodeEvent(e, event);
    const std::string_view payload = std::string_view(frame).substr(kHeaderSize);
    if (file_size_ + frame.size() > cap_bytes_)
        return false;
    const std::uint32_t length = static_cast<std::uint32_t>(payload.size());
    const std::uint32_t crc = checksum(payload);
    std::memcpy(frame.data(), &kMagic, 4);
    std::memcpy(frame.data() + 4, &length, 4);
    std::memcpy(frame.data() + 8, &crc, 4);
    std::size_t done = 0;
    while (done < frame.size()) {
        const auto n = pwrite(fd_, frame.data() + done, frame.size() - done, static_cast<off_t>(file_size_ + done));
        if (n <= 0) {
            // Leave no partial batch behind: the file ends where it ended before.
            [[maybe_unused]] const int ignored = ftruncate(fd_, static_cast<off_t>(file_size_));
            failIo("cannot write to the spool", data_path_);
        }
        done += static_cast<std::size_t>(n);
    }
    if (fdatasync(fd_) != 0)
        failIo("cannot sync the spool", data_path_);
    file_size_ += frame.size();
    pending_events_ += events.size();
    return true;
}

std::optional<SpooledBatch> EventSpool::front()
{
    if (empty())
        return std::nullopt;
    std::string header, payload;
    if (!readExactly(fd_, read_offset_, kHeaderSize, header))
        failIo("cannot read the spool", data_path_);
    std::uint32_t length;
    std::memcpy(&length, header.data() + 4, 4);
    if (!readExactly(fd_, read_offset_ + kHeaderSize, length, payload))
        failIo("cannot read the spool", data_path_);
    Decoder d(payload);
    SpooledBatch batch;
    batch.batch_id = d.text();
    const auto count = d.pod<std::uint32_t>();
    batch.events.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i)
        batch.events.push_back(decodeEvent(d));
    front_size_ = kHeaderSize + length;
    front_events_ = count;
    return batch;
}

void EventSpool::popFront()
{
    read_offset_ += front_size_;
    pending_events_ -= std::min(pending_events_, front_events_);
    front_size_ = front_events_ = 0;
    if (empty()) {
        // All replayed: start afresh so the file does not grow forever.
        if (ftruncate(fd_, 0) != 0)
            failIo("cannot empty the spool", data_path_);
        file_size_ = read_offset_ = 0;
    }
    saveOffset();
}

void EventSpool::saveOffset()
{
    // Written aside and renamed, so a crash leaves the old or the new offset, never half.
    const auto temporary = offset_path_.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << read_offset_;
        if (!out.flush())
            failIo("cannot record spool progress in", temporary);
    }
    std::filesystem::rename(temporary, offset_path_);
}

} // namespace vigie::store
