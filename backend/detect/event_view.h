#pragma once
// EventView: the FieldLookup of one Event for one mapping entry (design §3.5). reset() makes a
// single pass over event.fields into an open-addressing table (reused, generation-stamped:
// nothing to clear between events); columns are read directly, integer columns formatted on
// demand into per-column buffers, decoded values (auditd, key=value) computed lazily once per
// event. One per detection thread, reused for every event; the Event and the FieldMapping must
// outlive the views it returns, which stay valid until the next reset().
#include "detect/field_lookup.h"
#include "detect/field_mapping.h"
#include "detect/kv_decoder.h"
#include "event/event.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace vigie::detect {

class EventView final : public FieldLookup {
public:
    EventView() = default;
    EventView(const Event& event, const MappingEntry& entry) { reset(event, entry); }

    // Points the view at `event`, reading names through `entry`.
    void reset(const Event& event, const MappingEntry& entry);
    // Another entry for the same event (an event may belong to several): no new pass.
    void select(const MappingEntry& entry) { entry_ = &entry; }

    std::optional<std::string_view> value(std::string_view sigma_field) const override;
    // The entry's keyword targets in order (message by default); an absent target reads as
    // empty text, nullopt only past the last one.
    std::optional<std::string_view> keywordText(std::size_t index) const override;

    // The value at one target; the first present of a list.
    std::optional<std::string_view> target(const FieldTarget& target) const;
    std::optional<std::string_view> firstPresent(const std::vector<FieldTarget>& targets) const;

    const Event* event() const { return event_; }
    const MappingEntry* entry() const { return entry_; }

private:
    struct Slot {
        std::string_view key;
        std::string_view value;
        std::uint64_t hash = 0; // nameHash(key)
        std::uint32_t generation = 0;
    };
    std::optional<std::string_view> fieldsValue(std::string_view key) const;
    std::optional<std::string_view> decodedValue(std::string_view key) const;
    std::optional<std::string_view> number(std::size_t buffer,
                                           const std::optional<std::int32_t>& value) const;

    const Event* event_ = nullptr;
    const MappingEntry* entry_ = nullptr;
    std::vector<Slot> slots_; // size a power of two, at least twice the fields of the event
    std::uint32_t generation_ = 0;
    mutable KvDecoder decoder_;
    mutable Decode decoded_as_ = Decode::None; // which dialect decoder_ holds for this event
    mutable bool decoded_ = false;
    mutable std::array<std::array<char, 12>, 5> numbers_{}; // pid, severity, facility, ports
    mutable std::array<std::uint8_t, 5> number_sizes_{};
};

} // namespace vigie::detect
