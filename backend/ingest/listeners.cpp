#include "ingest/listeners.h"

#include "ingest/stream_framer.h"

#include <boost/asio/ssl.hpp>

#include <future>
#include <mutex>
#include <set>
#include <stdexcept>

namespace vigie::ingest {
namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using asio::ip::tcp;
using asio::ip::udp;

namespace {

constexpr std::size_t kReadBufferSize = 64 * 1024;
// A TLS client that connects and never completes its handshake must not hold a slot forever.
constexpr auto kHandshakeTimeout = std::chrono::seconds(10);

asio::ip::address bindAddress(const ListenSpec& spec)
{
    boost::system::error_code error;
    auto address = asio::ip::make_address(spec.address, error);
    if (error)
        throw std::runtime_error("cannot listen on " + spec.toUri() + ": '" + spec.address + "' is not an IP address");
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

// A live connection, as its listener sees it when stopping.
class Session {
public:
    virtual ~Session() = default;
    // Closes the connection from any thread (posted to the connection's strand).
    virtual void close() = 0;
};

// What every stream connection shares: the owner's sink, source and live-session registry.
struct StreamContext {
    SourceState& source;
    BlockingSink sink;
    std::mutex mutex;
    std::set<std::shared_ptr<Session>> sessions; // keeps sessions alive until they end
};

// One stream connection (a TCP socket or a TLS stream over one): reads, frames, delivers.
template <typename Stream>
class StreamSession : public Session, public std::enable_shared_from_this<StreamSession<Stream>> {
public:
    StreamSession(Stream stream, std::string peer, StreamContext& context)
        : stream_(std::move(stream)), peer_(std::move(peer)), context_(context), buffer_(kReadBufferSize)
    {
    }

    void read()
    {
        stream_.async_read_some(asio::buffer(buffer_), [self = this->shared_from_this()](auto error, std::size_t n) {
            self->onRead(error, n);
        });
    }

    Stream& stream() { return stream_; }

    void close() override
    {
        asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
            boost::system::error_code ignored;
            self->stream_.lowest_layer().close(ignored);
        });
    }

    // Deliveries of the session's last partial record happen here too, on close.
    void finish()
    {
        framer_.finish([this](std::string_view record) { deliver(record); });
        std::lock_guard lock(context_.mutex);
        context_.sessions.erase(this->shared_from_this());
    }

private:
    void deliver(std::string_view record)
    {
        context_.source.received.fetch_add(1, std::memory_order_relaxed);
        // The framer counts a cut before it hands over the cut record.
        const bool truncated = framer_.oversizeRecords() != cuts_seen_;
        cuts_seen_ = framer_.oversizeRecords();
        // Blocks while the queue is full: this connection is not read meanwhile.
        if (!context_.sink(RawRecord{std::string(record), nowTimestamp(), peer_, &context_.source,
                                     context_.source.format, truncated}))
            context_.source.dropped.fetch_add(1, std::memory_order_relaxed);
    }

    void onRead(const boost::system::error_code& error, std::size_t n)
    {
        if (n > 0)
            framer_.feed(std::string_view(buffer_.data(), n), [this](std::string_view record) { deliver(record); });
        if (!error) {
            read();
            return;
        }
        finish();
    }

    Stream stream_;
    std::string peer_;
    StreamContext& context_;
    std::vector<char> buffer_;
    StreamFramer framer_;
    std::uint64_t cuts_seen_ = 0;
};

std::string peerOf(const tcp::socket& socket)
{
    boost::system::error_code error;
    const auto remote = socket.remote_endpoint(error);
    return error ? std::string() : remote.address().to_string();
}

// TCP and TLS share the acceptor; they differ in what they do with an accepted socket.
class StreamListener : public Listener {
public:
    StreamListener(asio::io_context& io, const ListenSpec& spec, SourceState& source, BlockingSink sink)
        : io_(io), spec_(spec), acceptor_(asio::make_strand(io)), context_{source, std::move(sink), {}, {}}
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

    void start() override
    {
        asio::post(acceptor_.get_executor(), [this] { accept(); });
    }

    void stop() override
    {
        runOn(acceptor_.get_executor(), [this] {
            boost::system::error_code ignored;
            acceptor_.close(ignored);
        });
        std::set<std::shared_ptr<Session>> open;
        {
            std::lock_guard lock(context_.mutex);
            open = context_.sessions;
        }
        for (const auto& session : open)
            session->close();
    }

    std::uint16_t port() const override { return port_; }

protected:
    virtual void serve(tcp::socket socket) = 0;

    // Registers a session so stop() can close it.
    void track(const std::shared_ptr<Session>& session)
    {
        std::lock_guard lock(context_.mutex);
        context_.sessions.insert(session);
    }

    asio::io_context& io_;
    ListenSpec spec_;
    tcp::acceptor acceptor_;
    StreamContext context_;

private:
    void accept()
    {
        // Each connection gets its own strand so its reads and its close never run at once.
        acceptor_.async_accept(asio::make_strand(io_), [this](const boost::system::error_code& error, tcp::socket socket) {
            if (error == asio::error::operation_aborted || !acceptor_.is_open())
                return;
            if (!error)
                serve(std::move(socket));
            accept();
        });
    }

    std::uint16_t port_ = 0;
};

class TcpListener : public StreamListener {
public:
    using StreamListener::StreamListener;

private:
    void serve(tcp::socket socket) override
    {
        std::string peer = peerOf(socket);
        auto session = std::make_shared<StreamSession<tcp::socket>>(std::move(socket), std::move(peer), context_);
        track(session);
        session->read();
    }
};

class TlsListener : public StreamListener {
public:
    TlsListener(asio::io_context& io, const ListenSpec& spec, SourceState& source, BlockingSink sink)
        : StreamListener(io, spec, source, std::move(sink)), tls_(ssl::context::tls_server)
    {
        tls_.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                         ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        boost::system::error_code error;
        const auto failed = [&](const char* what, const std::string& file) {
            throw std::runtime_error("cannot listen on " + spec.toUri() + ": " + what + " " + file + ": " +
                                     error.message());
        };
        tls_.use_certificate_chain_file(spec.tls_certificate, error);
        if (error)
            failed("unusable certificate", spec.tls_certificate);
        tls_.use_private_key_file(spec.tls_private_key, ssl::context::pem, error);
        if (error)
            failed("unusable private key", spec.tls_private_key);
        if (!spec.tls_client_ca.empty()) {
            tls_.load_verify_file(spec.tls_client_ca, error);
            if (error)
                failed("unusable client CA", spec.tls_client_ca);
            tls_.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
        }
    }

private:
    using TlsStream = ssl::stream<tcp::socket>;

    void serve(tcp::socket socket) override
    {
        std::string peer = peerOf(socket);
        auto session = std::make_shared<StreamSession<TlsStream>>(TlsStream(std::move(socket), tls_), std::move(peer),
                                                                  context_);
        track(session);
        std::weak_ptr<StreamSession<TlsStream>> weak = session;
        auto timer = std::make_shared<asio::steady_timer>(session->stream().get_executor(), kHandshakeTimeout);
        timer->async_wait([weak](const boost::system::error_code& error) {
            if (error)
                return; // cancelled: the handshake finished first
            if (auto s = weak.lock()) {
                boost::system::error_code ignored;
                s->stream().lowest_layer().close(ignored);
            }
        });
        session->stream().async_handshake(ssl::stream_base::server,
                                          [session, timer, this](const boost::system::error_code& error) {
                                              timer->cancel();
                                              if (error) {
                                                  context_.source.setError("TLS handshake failed: " + error.message());
                                                  session->finish();
                                                  return;
                                              }
                                              session->read();
                                          });
    }

    ssl::context tls_;
};

class UdpListener : public Listener {
public:
    UdpListener(asio::io_context& io, const ListenSpec& spec, SourceState& source, TrySink sink)
        : spec_(spec), socket_(asio::make_strand(io)), buffer_(kReadBufferSize), source_(source), sink_(std::move(sink))
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

    void start() override
    {
        asio::post(socket_.get_executor(), [this] { receive(); });
    }

    void stop() override
    {
        runOn(socket_.get_executor(), [this] {
            boost::system::error_code ignored;
            socket_.close(ignored);
        });
    }

    std::uint16_t port() const override { return port_; }

private:
    void receive()
    {
        socket_.async_receive_from(
            asio::buffer(buffer_), sender_, [this](const boost::system::error_code& error, std::size_t n) {
                if (error == asio::error::operation_aborted || !socket_.is_open())
                    return;
                if (!error) {
                    std::string_view datagram(buffer_.data(), n);
                    // Senders often end a datagram with a newline or NUL that is not part of it.
                    while (!datagram.empty() &&
                           (datagram.back() == '\n' || datagram.back() == '\r' || datagram.back() == '\0'))
                        datagram.remove_suffix(1);
                    if (!datagram.empty()) {
                        source_.received.fetch_add(1, std::memory_order_relaxed);
                        if (!sink_(RawRecord{std::string(datagram), nowTimestamp(), sender_.address().to_string(),
                                             &source_, source_.format}))
                            source_.dropped.fetch_add(1, std::memory_order_relaxed);
                    }
                }
                receive();
            });
    }

    ListenSpec spec_;
    udp::socket socket_;
    udp::endpoint sender_;
    std::vector<char> buffer_;
    SourceState& source_;
    TrySink sink_;
    std::uint16_t port_ = 0;
};

} // namespace

std::unique_ptr<Listener> makeListener(asio::io_context& io, const ListenSpec& spec, SourceState& source,
                                       BlockingSink blocking_sink, TrySink try_sink)
{
    switch (spec.protocol) {
    case ListenSpec::Protocol::Tcp:
        return std::make_unique<TcpListener>(io, spec, source, std::move(blocking_sink));
    case ListenSpec::Protocol::Tls:
        return std::make_unique<TlsListener>(io, spec, source, std::move(blocking_sink));
    case ListenSpec::Protocol::Udp:
        return std::make_unique<UdpListener>(io, spec, source, std::move(try_sink));
    }
    throw std::logic_error("unknown listener protocol");
}

} // namespace vigie::ingest
