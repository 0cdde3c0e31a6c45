#include "store/storage_policy.h"

#include "event/event_json.h"

#include <arpa/inet.h>

namespace vigie::store {
namespace {

bool isAddress(const std::string& text)
{
    unsigned char bytes[16];
    return inet_pton(AF_INET, text.c_str(), bytes) == 1 || inet_pton(AF_INET6, text.c_str(), bytes) == 1;
}

void moveInvalidAddress(Event& event, std::string& address, const char* key)
{
    if (!address.empty() && !isAddress(address)) {
        event.fields.emplace_back(key, std::move(address));
        address.clear();
    }
}

} // namespace

void prepareForStorage(Event& event)
{
    if (event.ts < event.received_at - kMaxEventAge || event.ts > event.received_at + kMaxEventLead) {
        event.fields.emplace_back("original_ts", formatTimestamp(event.ts));
        event.ts = event.received_at;
    }
    moveInvalidAddress(event, event.source_ip, "source_ip_text");
    moveInvalidAddress(event, event.dest_ip, "dest_ip_text");
}

} // namespace vigie::store
