#include "ingest/listeners.h"

#include "ingest/stream_framer.h"

#include <future>
#include <stdexcept>

namespace vigie::ingest {
namespace asio = boost::asio;
using asio::ip::tcp;
using asio::ip::udp;

namespace {

constexpr std::size_t kReadBufferSize = 64 * 1024;

asio::ip::address bindAddress(const ListenSpec& spec)
{
    boost::system::error_code error;
    auto address = asio::ip::make_address(spec.address, error);
    if (error)
        throw std::runtime_error("cannot listen on " + spec.toUri() + ": '" + spec.address +
                                 "' is not an IP address");
    return address;
}

// Runs `work` on `executor` and waits for it: how another thread touches an io object safely.
template <typename Executor, typename Work> void runOn(const Executor& executor, Work work)
{
    std::promise<void> done;
    asio::post(executor, [&] {
        work();
        done.set_value();
    });
    done.get_future().wait();
}

} // namespace

// One TCP connection: reads, frames, delivers. Lives as long as a read is pending on it.
class TcpListener::Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, TcpListener& owner)
        : socket_(std::move(socket)), owner_(owner), buffer_(kReadBufferSize)
    {
        boost::system::error_code ignored;
        const auto remote = socket_.remote_endpoint(ignored);
        peer_ = ignored ? std::string() : remote.address().to_string();
    }

    void read()
    {
        socket_.async_read_some(
            asio::buffer(buffer_),
            [self = shared_from_this()](auto error, std::size_t n) { self->onRead(error, n); });
    }

    void close()
    {
        asio::post(socket_.get_executor(), [self = shared_from_this()] {
            boost::system::error_code ignored;
            self->socket_.close(ignored);
        });
    }

private:
    void onRead(const boost::system::error_code& error, std::size_t n)
    {
        const auto deliver = [this](std::string_view record) {
            owner_.counters_.received.fetch_add(1, std::memory_order_relaxed);
            // Blocks while the queue is full: this connection is not read meanwhile.
            if (!owner_.sink_(RawRecord{std::string(record), nowTimestamp(), peer_, owner_.spec_.format}))
                owner_.counters_.dropped.fetch_add(1, std::memory_order_relaxed);
        };
        if (n > 0)
            framer_.feed(std::string_view(buffer_.data(), n), deliver);
        if (!error) {
            read();
            return;
        }
        framer_.finish(deliver);
        std::lock_guard lock(owner_.sessions_mutex_);
        owner_.sessions_.erase(shared_from_this());
    }

    tcp::socket socket_;
    TcpListener& owner_;
    std::vector<char> buffer_;
    StreamFramer framer_;
    std::string peer_;
};

TcpListener::TcpListener(asio::io_context& io, const ListenSpec& spec, BlockingSink sink,
                         ListenerCounters counters)
    : io_(io), spec_(spec), acceptor_(asio::make_strand(io)), sink_(std::move(sink)), counters_(counters)
{
    const tcp::endpoint endpoint(bindAddress(spec), spec.port);
    boost::system::error_code error;
    acceptor_.open(endpoint.protocol(), error);
    if (!error)
        acceptor_.set_option(asio::socket_base::reuse_address(true), error);
    if (!error)
        acceptor_.bind(endpoint, error);
    if (!error)
        acceptor_.listen(asio::socket_base::max_listen_connections, error);
    if (error)
        throw std::runtime_error("cannot listen on " + spec.toUri() + ": " + error.message());
    port_ = acceptor_.local_endpoint().port();
}

TcpListener::~TcpListener() = default;

void TcpListener::start()
{
    asio::post(acceptor_.get_executor(), [this] { accept(); });
}

void TcpListener::accept()
{
    // Each connection gets its own strand so its reads and its close never run at once.
    acceptor_.async_accept(
        asio::make_strand(io_), [this](const boost::system::error_code& error, tcp::socket socket) {
            if (error)
                return; // closed by stop(), or the process is out of descriptors: stop accepting
            auto session = std::make_shared<Session>(std::move(socket), *this);
            {
                std::lock_guard lock(sessions_mutex_);
                sessions_.insert(session);
            }
            session->read();
            accept();
        });
}

void TcpListener::stop()
{
    runOn(acceptor_.get_executor(), [this] {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
    });
    std::set<std::shared_ptr<Session>> open;
    {
        std::lock_guard lock(sessions_mutex_);
        open = sessions_;
    }
    for (const auto& session : open)
        session->close();
}

UdpListener::UdpListener(asio::io_context& io, const ListenSpec& spec, TrySink sink,
                         ListenerCounters counters)
    : spec_(spec), socket_(asio::make_strand(io)), buffer_(kReadBufferSize), sink_(std::move(sink)),
      counters_(counters)
{
    const udp::endpoint endpoint(bindAddress(spec), spec.port);
    boost::system::error_code error;
    socket_.open(endpoint.protocol(), error);
    if (!error) {
        boost::system::error_code ignored; // a smaller kernel buffer than asked for is not fatal
        socket_.set_option(asio::socket_base::receive_buffer_size(8 * 1024 * 1024), ignored);
        socket_.bind(endpoint, error);
    }
    if (error)
        throw std::runtime_error("cannot listen on " + spec.toUri() + ": " + error.message());
    port_ = socket_.local_endpoint().port();
}

void UdpListener::start()
{
    asio::post(socket_.get_executor(), [this] { receive(); });
}

void UdpListener::receive()
{
    socket_.async_receive_from(
        asio::buffer(buffer_), sender_, [this](const boost::system::error_code& error, std::size_t n) {
            if (error == asio::error::operation_aborted || !socket_.is_open())
                return;
            if (!error) {
                std::string_view datagram(buffer_.data(), n);
                // Senders often end a datagram with a newline or NUL that is not part of the message.
                while (!datagram.empty() &&
                       (datagram.back() == '\n' || datagram.back() == '\r' || datagram.back() == '\0'))
                    datagram.remove_suffix(1);
                if (!datagram.empty()) {
                    counters_.received.fetch_add(1, std::memory_order_relaxed);
                    if (!sink_(RawRecord{std::string(datagram), nowTimestamp(), sender_.address().to_string(),
                                         spec_.format}))
                        counters_.dropped.fetch_add(1, std::memory_order_relaxed);
                }
            }
            receive();
        });
}

void UdpListener::stop()
{
    runOn(socket_.get_executor(), [this] {
        boost::system::error_code ignored;
        socket_.close(ignored);
    });
}

} // namespace vigie::ingest
