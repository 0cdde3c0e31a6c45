#pragma once
// One JSON object read strictly (simdjson On Demand) and flattened into leaves: nested objects
// become dotted keys ("alert.signature"), scalars keep their text (strings unescaped, numbers
// as written, booleans "true"/"false"), null is dropped, and an array is one leaf holding its
// compact JSON text (`["a","b"]`): field names stay stable whatever the array length, and a
// reader can still decode the list. The first step of every JSON kind (json_parser.h).
//
// Thread: a FlatJson owns a parser and buffers reused from one record to the next, so it is
// used by one thread at a time; threadFlatJson() gives each worker thread its own. The leaves'
// string_views point into those buffers and stay valid until the next parse().
#include "parse/syslog_common.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::parse::detail {

enum class JsonType : std::uint8_t { String, Number, Bool, Array };

struct JsonLeaf {
    std::string_view key;   // dotted path from the root
    std::string_view value; // see the header comment for the text of each type
    JsonType type = JsonType::String;
    bool taken = false; // moved into an Event column, so not copied into fields
};

class FlatJson {
public:
    FlatJson();
    ~FlatJson();
    FlatJson(const FlatJson&) = delete;
    FlatJson& operator=(const FlatJson&) = delete;

    // Reads `text` as exactly one JSON object. On failure `failure.column` is the offset of the
    // fault in `text` plus `column_base` (the record's own offset).
    bool parse(std::string_view text, std::size_t column_base, ParseFailure& failure);

    std::vector<JsonLeaf>& leaves() { return leaves_; }
    const std::vector<JsonLeaf>& leaves() const { return leaves_; }

    // Keeps `text` alive until the next parse(), for keys and values a normaliser composes.
    std::string_view keep(std::string text);

    // Appends every leaf not taken to event.fields, in document order.
    void appendFields(Event& event) const;

private:
    friend class FlatJsonWalker; // the simdjson side, kept out of this header
    struct Engine;
    struct Deferred {
        std::uint32_t leaf;
        std::uint32_t offset;
        std::uint32_t length;
    };

    std::unique_ptr<Engine> engine_;
    std::vector<JsonLeaf> leaves_;
    std::string path_;   // "a.b." while inside a.b
    std::string keys_;   // nested keys, made views once parsing is over (the buffer may move)
    std::string arrays_; // compact array texts, likewise
    std::vector<Deferred> deferred_keys_;
    std::vector<Deferred> deferred_arrays_;
    std::deque<std::string> kept_;
};

// This thread's FlatJson.
FlatJson& threadFlatJson();

} // namespace vigie::parse::detail
