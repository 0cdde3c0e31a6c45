// Syslog over TLS (RFC 5425) end to end: a real OpenSSL handshake on 127.0.0.1, octet-counted
// frames, stored rows; client certificates required when a client CA is configured.
#include "ingest/asio.h"
#include "ingest/engine.h"
#include "store/pg_connection.h"
#include "support/child_process.h"
#include "support/scratch_cluster.h"
#include "support/test_database.h"

#include <boost/asio/ssl.hpp>
#include <gtest/gtest.h>

#include <thread>

namespace {

using namespace vigie;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;

// A self-signed certificate and key made with the openssl command, as an administrator would.
void makeCertificate(const std::filesystem::path& dir, const std::string& name)
{
    test::ChildProcess openssl({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                                "-subj", "/CN=" + name, "-keyout", (dir / (name + ".key")).string(), "-out",
                                (dir / (name + ".pem")).string()});
    ASSERT_EQ(openssl.wait(), 0);
}

class TlsListenerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        makeCertificate(dir_.path(), "server");
        makeCertificate(dir_.path(), "client");
    }

    ingest::ListenSpec tlsSpec(bool require_client_certificate) const
    {
        ingest::ListenSpec spec;
        spec.protocol = ingest::ListenSpec::Protocol::Tls;
        spec.address = "127.0.0.1";
        spec.port = 0;
        spec.name = "tls-test";
        spec.tls_certificate = (dir_.path() / "server.pem").string();
        spec.tls_private_key = (dir_.path() / "server.key").string();
        if (require_client_certificate)
            spec.tls_client_ca = (dir_.path() / "client.pem").string(); // self-signed: its own CA
        return spec;
    }

    // Sends `count` octet-counted frames over TLS; false when the client's handshake fails.
    bool send(std::uint16_t port, int count, bool with_client_certificate)
    {
        asio::io_context io;
        ssl::context context(ssl::context::tls_client);
        context.load_verify_file((dir_.path() / "server.pem").string());
        context.set_verify_mode(ssl::verify_peer);
        if (with_client_certificate) {
            context.use_certificate_chain_file((dir_.path() / "client.pem").string());
            context.use_private_key_file((dir_.path() / "client.key").string(), ssl::context::pem);
        }
        ssl::stream<asio::ip::tcp::socket> stream(io, context);
        stream.lowest_layer().connect({asio::ip::make_address("127.0.0.1"), port});
        boost::system::error_code error;
        stream.handshake(ssl::stream_base::client, error);
        if (error)
            return false;
        std::string frames;
        for (int n = 0; n < count; ++n) {
            const std::string message = "<165>1 2026-11-22T10:00:00Z fw-01 tls-app - - - tls-seq=" + std::to_string(n);
            frames += std::to_string(message.size()) + " " + message;
        }
        asio::write(stream, asio::buffer(frames), error);
        // close_notify, then the connection ends: the listener sees end of stream. (With TLS 1.3
        // a refused client certificate surfaces only on the server side: the rows tell.)
        stream.shutdown(error);
        stream.lowest_layer().close(error);
        return true;
    }

    long long storedRows(const test::TestDatabase& db)
    {
        store::PgConnection check(db.conninfo());
        return check.exec("SELECT count(*) FROM events WHERE message LIKE 'tls-seq=%'").integer(0, 0);
    }

    test::ScratchDirectory dir_;
};

TEST_F(TlsListenerTest, StoresWhatArrivesOverTls)
{
    test::TestDatabase db("tls");
    ingest::EngineConfig config;
    config.conninfo = db.conninfo();
    ingest::Engine engine(config);
    engine.start();
    const auto bound = engine.addListener(tlsSpec(false));
    EXPECT_EQ(bound.protocol, ingest::ListenSpec::Protocol::Tls);
    EXPECT_TRUE(send(bound.port, 500, false));
    for (int i = 0; i < 200 && storedRows(db) < 500; ++i)
        std::this_thread::sleep_for(50ms);
    engine.stop();
    EXPECT_EQ(storedRows(db), 500);
    const auto stats = engine.stats();
    ASSERT_EQ(stats.sources.size(), 1u);
    EXPECT_EQ(stats.sources[0].name, "tls-test");
    EXPECT_EQ(stats.sources[0].kind, "tls");
    EXPECT_EQ(stats.sources[0].stored, 500u);
}

TEST_F(TlsListenerTest, AClientCaRefusesClientsWithoutACertificate)
{
    test::TestDatabase db("tls_ca");
    ingest::EngineConfig config;
    config.conninfo = db.conninfo();
    ingest::Engine engine(config);
    engine.start();
    const auto bound = engine.addListener(tlsSpec(true));
    send(bound.port, 10, false);
    EXPECT_TRUE(send(bound.port, 20, true));
    for (int i = 0; i < 200 && storedRows(db) < 20; ++i)
        std::this_thread::sleep_for(50ms);
    engine.stop();
    EXPECT_EQ(storedRows(db), 20) << "only the client with a certificate got through";
    EXPECT_NE(engine.stats().sources[0].error.find("TLS handshake failed"), std::string::npos);
}

TEST_F(TlsListenerTest, UnusableCertificateFilesAreReportedClearly)
{
    test::TestDatabase db("tls_bad");
    ingest::EngineConfig config;
    config.conninfo = db.conninfo();
    ingest::Engine engine(config);
    engine.start();
    auto spec = tlsSpec(false);
    spec.tls_certificate = "/nonexistent/server.pem";
    try {
        engine.addListener(spec);
        FAIL() << "addListener should refuse a missing certificate";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/server.pem"), std::string::npos) << e.what();
    }
}

} // namespace
