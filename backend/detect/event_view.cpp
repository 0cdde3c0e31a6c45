// EventView (event_view.h): field values of one event through one mapping entry. Runs on the
// detection thread that owns the view.
#include "detect/event_view.h"

#include "detect/name_hash.h"

#include <charconv>

namespace vigie::detect {

namespace {

enum NumberBuffer : std::size_t { kPid, kSeverity, kFacility, kSourcePort, kDestPort };

std::optional<std::string_view> text(const std::string& value)
{
    return std::string_view(value);
}

// Empty optional columns are NULL in the table: absent, as they are for a Sigma rule.
std::optional<std::string_view> optionalText(const std::string& value)
{
    if (value.empty())
        return std::nullopt;
    return std::string_view(value);
}

} // namespace

void EventView::reset(const Event& event, const MappingEntry& entry)
{
    event_ = &event;
    entry_ = &entry;
    decoded_ = false;
    std::size_t capacity = slots_.empty() ? 64 : slots_.size();
    while (capacity < event.fields.size() * 2)
        capacity *= 2;
    if (capacity != slots_.size() || ++generation_ == 0) {
        slots_.assign(capacity, Slot{});
        generation_ = 1;
    }
    const std::size_t mask = slots_.size() - 1;
    for (const auto& [key, value] : event.fields) {
        const std::size_t hash = nameHash(key);
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& slot = slots_[i];
            if (slot.generation != generation_) {
                slot = Slot{key, value, hash, generation_};
                break;
            }
            if (slot.hash == hash && slot.key == key)
                break; // a repeated key: the first one wins, as in Event::field
        }
    }
}

std::optional<std::string_view> EventView::fieldsValue(std::string_view key) const
{
    const std::size_t hash = nameHash(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.generation != generation_)
            return std::nullopt;
        if (slot.hash == hash && slot.key == key)
            return slot.value;
    }
}

std::optional<std::string_view> EventView::decodedValue(std::string_view key) const
{
    const Decode dialect = entry_->decode;
    if (dialect == Decode::None)
        return std::nullopt;
    if (!decoded_ || decoded_as_ != dialect) {
        decoder_.decode(event_->message, dialect);
        decoded_ = true;
        decoded_as_ = dialect;
    }
    return decoder_.value(key);
}

std::optional<std::string_view> EventView::number(std::size_t buffer,
                                                  const std::optional<std::int32_t>& value) const
{
    if (!value)
        return std::nullopt;
    auto& chars = numbers_[buffer];
    const auto result = std::to_chars(chars.data(), chars.data() + chars.size(), *value);
    number_sizes_[buffer] = static_cast<std::uint8_t>(result.ptr - chars.data());
    return std::string_view(chars.data(), number_sizes_[buffer]);
}

std::optional<std::string_view> EventView::target(const FieldTarget& target) const
{
    switch (target.kind) {
    case FieldTarget::Kind::Fields:
        return fieldsValue(target.key);
    case FieldTarget::Kind::Decoded:
        return decodedValue(target.key);
    case FieldTarget::Kind::Column:
        break;
    }
    const Event& e = *event_;
    switch (target.column) {
    case Column::Host:
        return optionalText(e.host);
    case Column::App:
        return optionalText(e.app);
    case Column::Pid:
        return number(kPid, e.pid);
    case Column::Severity:
        return number(kSeverity, e.severity ? std::optional<std::int32_t>(*e.severity) : std::nullopt);
    case Column::Facility:
        return number(kFacility, e.facility ? std::optional<std::int32_t>(*e.facility) : std::nullopt);
    case Column::Category:
        return optionalText(e.category);
    case Column::Action:
        return optionalText(e.action);
    case Column::Outcome:
        return optionalText(e.outcome);
    case Column::UserName:
        return optionalText(e.user_name);
    case Column::SourceIp:
        return optionalText(e.source_ip);
    case Column::SourcePort:
        return number(kSourcePort, e.source_port);
    case Column::DestIp:
        return optionalText(e.dest_ip);
    case Column::DestPort:
        return number(kDestPort, e.dest_port);
    case Column::Process:
        return optionalText(e.process);
    case Column::Format:
        return text(e.format);
    case Column::Message:
        return text(e.message);
    case Column::Raw:
        return text(e.raw);
    }
    return std::nullopt;
}

std::optional<std::string_view> EventView::firstPresent(const std::vector<FieldTarget>& targets) const
{
    for (const FieldTarget& t : targets)
        if (auto found = target(t))
            return found;
    return std::nullopt;
}

std::optional<std::string_view> EventView::value(std::string_view sigma_field) const
{
    if (!entry_->fields.empty())
        if (const auto mapped = entry_->fields.find(sigma_field); mapped != entry_->fields.end())
            return firstPresent(mapped->second);
    // Unmapped: the event keeps the name (Windows EventData, Sysmon, Zeek), else the message
    // decodes to it (auditd, FortiGate).
    if (auto found = fieldsValue(sigma_field))
        return found;
    return decodedValue(sigma_field);
}

std::optional<std::string_view> EventView::keywordText(std::size_t index) const
{
    if (index >= entry_->keywords.size())
        return std::nullopt;
    return target(entry_->keywords[index]).value_or(std::string_view{});
}

} // namespace vigie::detect
