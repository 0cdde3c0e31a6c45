#pragma once
// The network listeners (DESIGN §4): they run on the engine's io threads and only frame
// bytes into RawRecords for the parse workers.
//  - TcpListener: one StreamFramer per connection; when the queue is full it stops reading
//    (the kernel window fills and the sender slows down) — back-pressure, not loss.
//  - UdpListener: one datagram is one record; a full queue means the datagram is dropped
//    and counted, since UDP senders cannot be slowed.
#include "ingest/listen_spec.h"
#include "ingest/raw_record.h"

#include "ingest/asio.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <set>

namespace vigie::ingest {

struct ListenerCounters {
    std::atomic<std::uint64_t>& received;
    std::atomic<std::uint64_t>& dropped;
};

// Blocking delivery (true = accepted, false = the engine is stopping) and non-blocking
// delivery (false = no room now).
using BlockingSink = std::function<bool(RawRecord&&)>;
using TrySink = std::function<bool(RawRecord&&)>;

class TcpListener {
public:
    TcpListener(boost::asio::io_context& io, const ListenSpec& spec, BlockingSink sink,
                ListenerCounters counters);
    ~TcpListener();
    void start();
    // Closes the acceptor and every connection; records already framed have been delivered.
    void stop();
    std::uint16_t port() const { return port_; }

private:
    class Session;
    void accept();
    boost::asio::io_context& io_;
    ListenSpec spec_;
    boost::asio::ip::tcp::acceptor acceptor_;
    BlockingSink sink_;
    ListenerCounters counters_;
    std::uint16_t port_ = 0;
    std::mutex sessions_mutex_;
    std::set<std::shared_ptr<Session>> sessions_;
};

class UdpListener {
public:
    UdpListener(boost::asio::io_context& io, const ListenSpec& spec, TrySink sink, ListenerCounters counters);
    void start();
    void stop();
    std::uint16_t port() const { return port_; }

private:
    void receive();
    ListenSpec spec_;
    boost::asio::ip::udp::socket socket_;
    boost::asio::ip::udp::endpoint sender_;
    std::vector<char> buffer_;
    TrySink sink_;
    ListenerCounters counters_;
    std::uint16_t port_ = 0;
};

} // namespace vigie::ingest
