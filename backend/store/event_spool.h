#pragma once
// EventSpool: where batches wait on disk while PostgreSQL is unreachable (DESIGN §2), so that
// an outage or a restart loses nothing. An append-only file of framed, checksummed batches and
// a small file holding how far replay has got; a batch is only marked replayed after its
// transaction committed, and each carries its batch id, so replaying one twice (a crash
// between commit and mark) is caught by the ingest_batches table, never stored twice.
// A torn last batch (a crash while appending) is detected by its checksum and cut off.
// Writer thread only.
#include "event/event.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vigie::store {

struct SpooledBatch {
    std::string batch_id;
    std::vector<Event> events;
};

class EventSpool {
public:
    // Opens (creating if needed) the spool in `directory`; `cap_bytes` bounds the file.
    EventSpool(std::filesystem::path directory, std::uint64_t cap_bytes);
    ~EventSpool();
    EventSpool(const EventSpool&) = delete;
    EventSpool& operator=(const EventSpool&) = delete;

    // Appends and syncs one batch. False when the cap would be exceeded (the caller counts the
    // events as dropped). Throws std::runtime_error when the disk refuses the write.
    bool append(const std::string& batch_id, const std::vector<Event>& events);

    // The oldest batch not yet replayed, if any (read from disk).
    std::optional<SpooledBatch> front();
    // Marks the front batch replayed; empties the files once everything is.
    void popFront();

    bool empty() const { return read_offset_ >= file_size_; }
    std::uint64_t pendingEvents() const { return pending_events_; }
    std::uint64_t sizeBytes() const { return file_size_; }

private:
    void scan(); // finds the valid end of the file and counts pending events
    void saveOffset();
    std::filesystem::path data_path_;
    std::filesystem::path offset_path_;
    std::uint64_t cap_bytes_;
    int fd_ = -1;
    std::uint64_t file_size_ = 0;   // valid bytes in the data file
    std::uint64_t read_offset_ = 0; // first byte not yet replayed
    std::uint64_t front_size_ = 0;  // framed size of the batch front() returned
    std::uint64_t front_events_ = 0;
    std::uint64_t pending_events_ = 0;
};

} // namespace vigie::store
