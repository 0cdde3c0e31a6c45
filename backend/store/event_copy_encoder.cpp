#include "store/event_copy_encoder.h"

#include "event/json_text.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <bit>
#include <cstring>

namespace vigie::store {
namespace {

constexpr std::string_view kColumns =
    "ts, received_at, host, app, pid, severity, facility, category, action, outcome, user_name, "
    "source_ip, source_port, dest_ip, dest_port, process, format, message, fields, raw, parse_error";
constexpr int16_t kColumnCount = 21;

// PostgreSQL timestamps count microseconds from 2000-01-01 00:00:00 UTC.
constexpr int64_t kPostgresEpochOffsetUs = 946'684'800'000'000LL;

// Values of PGSQL_AF_INET / PGSQL_AF_INET6 in PostgreSQL's inet wire format.
constexpr char kPgAfInet = 2;
constexpr char kPgAfInet6 = 3;

template <typename T> T toBigEndian(T value)
{
    if constexpr (std::endian::native == std::endian::little) {
        auto bytes = std::bit_cast<std::array<unsigned char, sizeof(T)>>(value);
        std::reverse(bytes.begin(), bytes.end());
        return std::bit_cast<T>(bytes);
    } else {
        return value;
    }
}

} // namespace

std::string_view EventCopyEncoder::copyStatement()
{
    static const std::string statement = copyStatementFor("events");
    return statement;
}

std::string EventCopyEncoder::copyStatementFor(std::string_view table)
{
    return "COPY " + std::string(table) + " (" + std::string(kColumns) + ") FROM STDIN (FORMAT binary)";
}

void EventCopyEncoder::begin()
{
    buffer_.clear();
    buffer_.append("PGCOPY\n\377\r\n\0", 11);
    putInt32(0); // flags
    putInt32(0); // header extension length
}

void EventCopyEncoder::finish()
{
    putInt16(-1);
}

void EventCopyEncoder::append(const Event& e)
{
    putInt16(kColumnCount);
    putTimestamp(e.ts);
    putTimestamp(e.received_at);
    putText(e.host);
    putText(e.app);
    putOptional(e.pid);
    putOptional(e.severity);
    putOptional(e.facility);
    putText(e.category);
    putText(e.action);
    putText(e.outcome);
    putText(e.user_name);
    putInet(e.source_ip);
    putOptional(e.source_port);
    putInet(e.dest_ip);
    putOptional(e.dest_port);
    putText(e.process);
    putRequiredText(e.format);
    putText(e.message);
    // jsonb's binary form is a version byte followed by the JSON text.
    scratch_.assign(1, '\1');
    appendJsonObject(scratch_, e.fields);
    putRequiredText(scratch_);
    putRequiredText(e.raw);
    putInt32(1);
    buffer_.push_back(e.parse_error ? '\1' : '\0');
}

void EventCopyEncoder::putInt16(int16_t value)
{
    const auto be = toBigEndian(value);
    buffer_.append(reinterpret_cast<const char*>(&be), sizeof be);
}

void EventCopyEncoder::putInt32(int32_t value)
{
    const auto be = toBigEndian(value);
    buffer_.append(reinterpret_cast<const char*>(&be), sizeof be);
}

void EventCopyEncoder::putInt64(int64_t value)
{
    const auto be = toBigEndian(value);
    buffer_.append(reinterpret_cast<const char*>(&be), sizeof be);
}

template <typename Integer> void EventCopyEncoder::putOptional(const std::optional<Integer>& value)
{
    if (!value) {
        putNull();
        return;
    }
    putInt32(sizeof(Integer));
    if constexpr (sizeof(Integer) == 2)
        putInt16(*value);
    else
        putInt32(*value);
}

void EventCopyEncoder::putNull()
{
    putInt32(-1);
}

void EventCopyEncoder::putText(std::string_view text)
{
    if (text.empty())
        putNull();
    else
        putRequiredText(text);
}

void EventCopyEncoder::putRequiredText(std::string_view text)
{
    putInt32(static_cast<int32_t>(text.size()));
    buffer_.append(text);
}

void EventCopyEncoder::putTimestamp(Timestamp ts)
{
    putInt32(8);
    putInt64(ts.time_since_epoch().count() - kPostgresEpochOffsetUs);
}

void EventCopyEncoder::putInet(const std::string& address)
{
    unsigned char bytes[16];
    if (!address.empty() && inet_pton(AF_INET, address.c_str(), bytes) == 1) {
        putInt32(8);
        buffer_.append({kPgAfInet, 32, 0, 4});
        buffer_.append(reinterpret_cast<const char*>(bytes), 4);
    } else if (!address.empty() && inet_pton(AF_INET6, address.c_str(), bytes) == 1) {
        putInt32(20);
        buffer_.append({kPgAfInet6, static_cast<char>(128), 0, 16});
        buffer_.append(reinterpret_cast<const char*>(bytes), 16);
    } else {
        putNull();
    }
}

} // namespace vigie::store
