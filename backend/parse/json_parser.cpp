// Reads the record with this thread's FlatJson (json_flatten.h), decides which kind of source
// wrote it from its top-level keys, and hands it to that kind's normaliser (json_suricata.cpp,
// json_zeek.cpp, json_windows.cpp, json_generic.cpp). Any thread.
#include "parse/json_parser.h"

#include "parse/json_flatten.h"
#include "parse/json_normalise.h"

namespace vigie::parse::detail {

namespace {

enum class Kind { Generic, Suricata, Zeek, Windows };

enum Marker : std::size_t {
    kEventType,
    kTimestamp,
    kEventId,
    kChannel,
    kProviderName,
    kSourceName,
    kComputer,
    kEvtxEventId,
    kEvtxEventIdText,
    kPath,
    kStream,
    kTs,
    kUid,
    kOrigH,
    kOrigHFlat,
    kFuid,
    kCertVersion,
    kMachine,
    kFilter,
    kMarkerCount
};

constexpr KeyTable<kMarkerCount> kMarkers({
    "event_type",
    "timestamp",
    "EventID",
    "Channel",
    "Provider_Name",
    "SourceName",
    "Computer",
    "Event.System.EventID",
    "Event.System.EventID.#text",
    "_path",
    "@stream",
    "ts",
    "uid",
    "id.orig_h",
    "id_orig_h",
    "fuid",
    "certificate.version",
    "machine",
    "filter",
});

// Every kind is recognised by keys its writer always emits; anything else is generic JSON, which
// loses nothing (all leaves are kept), only the columns a kind would have filled.
Kind classify(std::vector<JsonLeaf>& leaves)
{
    const auto m = kMarkers.lookup(leaves);
    const auto isString = [&](Marker k) { return m[k] && m[k]->type == JsonType::String; };
    if (m[kEvtxEventId] || m[kEvtxEventIdText] ||
        (m[kEventId] && (m[kChannel] || m[kProviderName] || m[kSourceName] || m[kComputer])))
        return Kind::Windows;
    if (isString(kEventType) && isString(kTimestamp))
        return Kind::Suricata;
    if (isString(kPath) || isString(kStream))
        return Kind::Zeek;
    if (m[kTs] && (m[kUid] || m[kOrigH] || m[kOrigHFlat] || m[kFuid]))
        return Kind::Zeek;
    // Logs without a connection (x509, pe, packet_filter): Zeek writes ts as seconds with a
    // fraction, which an ordinary integer "ts" does not have.
    if (m[kTs] && m[kTs]->type == JsonType::Number && m[kTs]->value.find('.') != std::string_view::npos &&
        (m[kCertVersion] || m[kMachine] || m[kFilter]))
        return Kind::Zeek;
    return Kind::Generic;
}

} // namespace

bool parseJson(std::string_view s, std::size_t pos, Event& event, ParseFailure& failure)
{
    FlatJson& json = threadFlatJson();
    if (!json.parse(s.substr(pos), pos, failure))
        return false;
    switch (classify(json.leaves())) {
    case Kind::Suricata:
        normaliseSuricata(json, event);
        break;
    case Kind::Zeek:
        normaliseZeek(json, event);
        break;
    case Kind::Windows:
        normaliseWindows(json, event);
        break;
    case Kind::Generic:
        normaliseGenericJson(json, event);
        break;
    }
    return true;
}

} // namespace vigie::parse::detail
