#pragma once
// The network listeners (DESIGN §4): they run on the engine's io threads and only frame bytes
// into RawRecords for the parse workers, counting into their source's SourceState.
//  - TCP and TLS (RFC 5425): one StreamFramer per connection; when the queue is full the
//    delivery blocks and the connection is not read (the kernel window fills and the sender
//    slows down) — back-pressure, not loss.
//  - UDP: one datagram is one record; over the memory cap the datagram is dropped and counted,
//    since UDP senders cannot be slowed.
#include "ingest/asio.h"
#include "ingest/listen_spec.h"
#include "ingest/raw_record.h"
#include "ingest/source_state.h"

#include <functional>
#include <memory>

namespace vigie::ingest {

// Blocking delivery (true = accepted, false = the engine is stopping) and non-blocking delivery
// (false = no room now).
using BlockingSink = std::function<bool(RawRecord&&)>;
using TrySink = std::function<bool(RawRecord&&)>;

class Listener {
public:
    virtual ~Listener() = default;
    virtual void start() = 0;
    // Stops receiving and closes every connection; records already framed were delivered.
    // Blocks until the io thread has done it.
    virtual void stop() = 0;
    virtual std::uint16_t port() const = 0;
};

// Binds a listener for `spec` (throws std::runtime_error with a message fit for the user when
// the address cannot be bound or the TLS files are unusable).
std::unique_ptr<Listener> makeListener(boost::asio::io_context& io, const ListenSpec& spec, SourceState& source,
                                       BlockingSink blocking_sink, TrySink try_sink);

} // namespace vigie::ingest
