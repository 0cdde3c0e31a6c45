// Explanation text and details JSON of a finding (see the header). Pure, any thread.
#include "anomaly/explanation.h"

#include "event/json_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace vigie::anomaly {
namespace {

constexpr std::array<std::string_view, 7> kLongDays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                    "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 7> kShortDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// Counts read as whole numbers; a baseline below 1 keeps one decimal so "0.3" is not "0".
std::string roughNumber(double value)
{
    char buf[32];
    if (std::fabs(value) < 1 && value != 0)
        std::snprintf(buf, sizeof buf, "%.1f", value);
    else
        std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
}

// JSON numbers: one decimal, without a trailing ".0".
std::string jsonNumber(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(value * 10) / 10);
    std::string text = buf;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    if (text == "-0")
        text = "0";
    return text;
}

std::string minutesText(UnixSeconds seconds)
{
    return std::to_string(std::max<UnixSeconds>(1, (seconds + 59) / 60)) + " min";
}

class DetailsWriter {
public:
    explicit DetailsWriter(FindingTemplate kind)
    {
        out_ = "{";
        text("template", templateId(kind));
    }
    void text(std::string_view key, std::string_view value)
    {
        comma(key);
        appendJsonString(out_, value);
    }
    void number(std::string_view key, double value)
    {
        comma(key);
        out_ += jsonNumber(value);
    }
    std::string finish() { return out_ + "}"; }

private:
    void comma(std::string_view key)
    {
        if (out_.size() > 1)
            out_ += ',';
        appendJsonString(out_, key);
        out_ += ':';
    }
    std::string out_;
};

} // namespace

std::string slotName(int slot, bool long_day)
{
    slot = std::clamp(slot, 0, 167);
    char hour[8];
    std::snprintf(hour, sizeof hour, "%02d:00", slot % 24);
    const auto day = static_cast<std::size_t>(slot / 24);
    return std::string(long_day ? kLongDays[day] : kShortDays[day]) + ' ' + hour;
}

Explanation explain(const AnomalyFinding& f, const ExplanationContext& context)
{
    DetailsWriter details(f.kind);
    // The GUI builds its translated sentence from these two and the numbers below.
    details.text("what", context.what);
    details.text("entity", f.entity);
    std::string text;
    const std::string window = minutesText(f.window_seconds);
    switch (f.kind) {
    case FindingTemplate::RateSpike:
    case FindingTemplate::RateShift: {
        const std::string usual =
            "usual for " + slotName(f.slot, true) + " is " + roughNumber(f.mean) + " ± " + roughNumber(f.sd);
        const std::string observed =
            std::to_string(f.observed) + ' ' + context.what + " on " + f.entity + " in " + window;
        text = f.kind == FindingTemplate::RateSpike ? observed + "; " + usual
                                                    : "Sustained rise: " + observed + "; " + usual;
        details.number("observed", static_cast<double>(f.observed));
        details.number("window_min", static_cast<double>(f.window_seconds) / 60);
        details.number("mean", f.mean);
        details.number("sd", f.sd);
        details.text("slot", slotName(f.slot, false));
        details.number("z", f.z);
        details.number("k", context.k);
        break;
    }
    case FindingTemplate::RateNewEntity:
        text = std::to_string(f.observed) + ' ' + context.what + " on " + f.entity + " in " + window +
               "; no baseline yet for " + f.entity;
        details.number("observed", static_cast<double>(f.observed));
        details.number("window_min", static_cast<double>(f.window_seconds) / 60);
        break;
    case FindingTemplate::FirstSeen:
        text = "First seen: " + f.key1 + " on " + f.key2;
        details.text("key1", f.key1);
        details.text("key2", f.key2);
        break;
    case FindingTemplate::FirstSeenNewHost:
        text = "New host " + f.key2 + ": " + std::to_string(f.count) + " first " + context.what;
        details.text("key2", f.key2);
        details.number("count", static_cast<double>(f.count));
        break;
    case FindingTemplate::BruteForce:
        text = std::to_string(f.count) + ' ' + context.what + " from " + f.key1 + " in " +
               minutesText(f.last_failure - f.first_failure) + ", then a successful login" +
               (f.user.empty() ? std::string() : " as " + f.user) +
               (f.host.empty() ? std::string() : " on " + f.host);
        details.number("failures", static_cast<double>(f.count));
        details.number("minutes", static_cast<double>(std::max<UnixSeconds>(
                                      1, (f.last_failure - f.first_failure + 59) / 60)));
        details.text("key", f.key1);
        details.text("user", f.user);
        details.text("host", f.host);
        break;
    case FindingTemplate::RareValue:
        text = "Rare: " + f.key1 + (f.key2.empty() ? "" : " on " + f.key2) + ", seen " +
               std::to_string(f.previous_count) + (f.previous_count == 1 ? " time" : " times") + " before";
        details.text("value", f.key1);
        details.text("per", f.key2);
        details.number("previous_count", static_cast<double>(f.previous_count));
        break;
    case FindingTemplate::RareNew:
        text = "Never seen before: " + f.key1 + (f.key2.empty() ? "" : " on " + f.key2);
        details.text("value", f.key1);
        details.text("per", f.key2);
        break;
    }
    return {std::move(text), details.finish()};
}

} // namespace vigie::anomaly
