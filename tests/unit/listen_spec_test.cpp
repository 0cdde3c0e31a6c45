// Listener addresses (ingest/listen_spec.h): the URI forms an administrator types, the errors
// they get for mistakes, and toUri() giving back what fromUri() read.
#include "ingest/listen_spec.h"

#include <gtest/gtest.h>

namespace {

using vigie::ingest::ListenSpec;
using vigie::parse::Format;

TEST(ListenSpec, ParsesTcpUdpAndIpv6)
{
    auto tcp = ListenSpec::fromUri("tcp://127.0.0.1:5514");
    ASSERT_TRUE(tcp);
    EXPECT_EQ(tcp->protocol, ListenSpec::Protocol::Tcp);
    EXPECT_EQ(tcp->address, "127.0.0.1");
    EXPECT_EQ(tcp->port, 5514);
    EXPECT_EQ(tcp->format, Format::Auto);

    auto udp = ListenSpec::fromUri("udp://0.0.0.0:514");
    ASSERT_TRUE(udp);
    EXPECT_EQ(udp->protocol, ListenSpec::Protocol::Udp);
    EXPECT_EQ(udp->address, "0.0.0.0");
    EXPECT_EQ(udp->port, 514);

    auto v6 = ListenSpec::fromUri("tcp://[::1]:6514");
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->address, "::1");
    EXPECT_EQ(v6->port, 6514);

    auto any6 = ListenSpec::fromUri("udp://[::]:0"); // port 0: let the system choose (tests)
    ASSERT_TRUE(any6);
    EXPECT_EQ(any6->address, "::");
    EXPECT_EQ(any6->port, 0);
}

TEST(ListenSpec, FormatOption)
{
    auto spec = ListenSpec::fromUri("udp://0.0.0.0:514?format=rfc3164");
    ASSERT_TRUE(spec);
    EXPECT_EQ(spec->format, Format::Rfc3164);
    spec = ListenSpec::fromUri("tcp://[fe80::1]:6514?format=rfc5424");
    ASSERT_TRUE(spec);
    EXPECT_EQ(spec->format, Format::Rfc5424);
    EXPECT_EQ(spec->address, "fe80::1");
    spec = ListenSpec::fromUri("tcp://127.0.0.1:1?format=auto");
    ASSERT_TRUE(spec);
    EXPECT_EQ(spec->format, Format::Auto);
}

TEST(ListenSpec, RoundTrips)
{
    for (const char* uri : {"tcp://127.0.0.1:5514", "udp://0.0.0.0:514", "tcp://[::1]:6514",
                            "udp://[2001:db8::7]:65535?format=rfc3164", "tcp://10.1.2.3:0?format=rfc5424",
                            "tcp://0.0.0.0:514?format=cef&name=firewalls",
                            "tls://0.0.0.0:6514?cert=/etc/vigie/s.pem&key=/etc/vigie/s.key&ca=/etc/vigie/ca.pem"}) {
        const auto spec = ListenSpec::fromUri(uri);
        ASSERT_TRUE(spec) << uri;
        EXPECT_EQ(spec->toUri(), uri);
    }
    ListenSpec spec;
    spec.protocol = ListenSpec::Protocol::Udp;
    spec.address = "::";
    spec.port = 514;
    EXPECT_EQ(spec.toUri(), "udp://[::]:514");
    const auto back = ListenSpec::fromUri(spec.toUri());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->address, "::");
}

// Each mistake is refused with a message that names the problem.
TEST(ListenSpec, ClearErrors)
{
    struct Case {
        const char* uri;
        const char* mentions;
    };
    const Case cases[] = {
        {"ssl://127.0.0.1:6514", "unsupported scheme 'ssl'"},
        {"http://127.0.0.1:80", "unsupported scheme 'http'"},
        {"127.0.0.1:514", "must look like tcp://"},
        {"tcp://127.0.0.1", "missing port"},
        {"tcp://127.0.0.1:", "invalid port ''"},
        {"tcp://127.0.0.1:65536", "invalid port '65536'"},
        {"tcp://127.0.0.1:123456", "invalid port '123456'"},
        {"tcp://127.0.0.1:-1", "invalid port '-1'"},
        {"tcp://127.0.0.1:51x", "invalid port '51x'"},
        {"tcp://:514", "missing address"},
        {"tcp://::1:514", "in brackets"},
        {"tcp://[::1:514", "missing ']'"},
        {"tcp://[::1]", "missing port"},
        {"tcp://[::1]514", "missing port"},
        {"tcp://[nope]:514", "not an IPv6 address"},
        {"tcp://256.1.1.1:514", "not an IPv4 address"},
        {"tcp://localhost:514", "not an IPv4 address"},
        {"tcp://127.0.0.1:514?format=xml", "unknown format 'xml'"},
        {"tls://127.0.0.1:6514", "cert= and key="},
        {"tls://127.0.0.1:6514?cert=/a.pem", "cert= and key="},
        {"udp://127.0.0.1:514?cert=/a.pem", "only for tls://"},
        {"tcp://127.0.0.1:514?format=", "unknown format ''"},
        {"tcp://127.0.0.1:514?fmt=rfc3164", "unknown option 'fmt'"},
    };
    for (const auto& c : cases) {
        std::string error;
        EXPECT_FALSE(ListenSpec::fromUri(c.uri, &error)) << c.uri;
        EXPECT_NE(error.find(c.mentions), std::string::npos) << c.uri << " -> " << error;
    }
    // The error out-parameter is optional.
    EXPECT_FALSE(ListenSpec::fromUri("bogus"));
}

} // namespace
