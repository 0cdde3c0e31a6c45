// The Cisco IOS / NX-OS / ASA flavour of BSD syslog (parse/rfc3164_parser.cpp): sequence number,
// optional origin hostname, '*' / '.' clock markers, milliseconds and zone, uptime stamps, and
// %FACILITY[-SUB]-SEVERITY-MNEMONIC. Also checks that rsyslog-style lines that merely carry a
// %...: tag keep their usual reading.
#include "event/event_json.h"
#include "parse/record_parser.h"
#include "support/scoped_tz.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using namespace vigie;
using namespace std::chrono;

Timestamp utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return time_point_cast<microseconds>(sys_days{year{y} / month{mo} / day{d}}) + hours(h) + minutes(mi) +
           seconds(s) + milliseconds(ms);
}

const std::string kPeer = "198.51.100.4";
const Timestamp kReceived = utc(2024, 3, 1, 19, 0, 0);

class CiscoSyslog : public ::testing::Test {
protected:
    static Event parse(const std::string& line, parse::Format format = parse::Format::Auto)
    {
        return parse::parseRecord(line, format, {kReceived, kPeer});
    }
    static std::string field(const Event& e, const char* key)
    {
        const std::string* v = e.field(key);
        return v ? *v : "<absent>";
    }

    test::ScopedTz tz_{"UTC"};
};

TEST_F(CiscoSyslog, SequenceUnsyncedClockMillisAndZone)
{
    const Event e =
        parse("<189>123: *Mar  1 18:48:50.483 UTC: %SYS-5-CONFIG_I: Configured from console by vty2 "
              "(10.34.195.36)");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, "rfc3164");
    EXPECT_EQ(e.app, "SYS");
    EXPECT_EQ(e.severity, 5);
    EXPECT_EQ(e.facility, 23);
    EXPECT_EQ(e.host, kPeer);
    EXPECT_EQ(e.message, "Configured from console by vty2 (10.34.195.36)");
    EXPECT_EQ(field(e, "cisco.sequence"), "123");
    EXPECT_EQ(field(e, "cisco.mnemonic"), "CONFIG_I");
    EXPECT_EQ(field(e, "cisco.severity"), "5");
    EXPECT_EQ(field(e, "cisco.clock"), "unsynchronized");
    EXPECT_EQ(field(e, "cisco.timezone"), "UTC");
    // '*': the device clock is not authoritative, so the event time is the receipt time and the
    // device's stamp is kept as written.
    EXPECT_EQ(e.ts, kReceived);
    EXPECT_EQ(field(e, "cisco.device_time"), "Mar  1 18:48:50.483 UTC");
}

TEST_F(CiscoSyslog, SequenceHostAndSynchronisedClock)
{
    const Event e =
        parse("<187>45: router1: Mar  1 18:48:50: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed "
              "state to down");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.host, "router1");
    EXPECT_EQ(e.app, "LINK");
    EXPECT_EQ(e.severity, 3);
    EXPECT_EQ(e.ts, utc(2024, 3, 1, 18, 48, 50));
    EXPECT_EQ(e.message, "Interface GigabitEthernet0/1, changed state to down");
    EXPECT_EQ(field(e, "cisco.sequence"), "45");
    EXPECT_EQ(field(e, "cisco.mnemonic"), "UPDOWN");
    EXPECT_EQ(e.field("cisco.clock"), nullptr);
}

TEST_F(CiscoSyslog, ClockThatLostItsSourceStillGivesTheTime)
{
    const Event e =
        parse("<190>7: .Mar  1 18:48:50.100 CET: %SEC_LOGIN-6-LOGIN_SUCCESS: Login Success [user: admin]");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.app, "SEC_LOGIN");
    EXPECT_EQ(e.ts, utc(2024, 3, 1, 17, 48, 50, 100));
    EXPECT_EQ(field(e, "cisco.clock"), "sync_lost");
    EXPECT_EQ(field(e, "cisco.mnemonic"), "LOGIN_SUCCESS");
}

TEST_F(CiscoSyslog, NoSequenceNumber)
{
    const Event e = parse("<189>Mar  1 18:48:50.483 UTC: %SYS-5-CONFIG_I: Configured from console");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.app, "SYS");
    EXPECT_EQ(e.ts, utc(2024, 3, 1, 18, 48, 50, 483));
    EXPECT_EQ(e.field("cisco.sequence"), nullptr);
    EXPECT_EQ(e.message, "Configured from console");
}

TEST_F(CiscoSyslog, UptimeStampsAndNoStamp)
{
    const Event uptime = parse("<189>12: 1d02h: %SYS-5-RESTART: System restarted");
    EXPECT_FALSE(uptime.parse_error) << eventToJson(uptime);
    EXPECT_EQ(uptime.app, "SYS");
    EXPECT_EQ(uptime.ts, kReceived);
    EXPECT_EQ(field(uptime, "cisco.uptime"), "1d02h");

    const Event clock = parse("<189>13: 00:01:23: %SYS-5-RESTART: System restarted");
    EXPECT_EQ(field(clock, "cisco.uptime"), "00:01:23");

    const Event none = parse("<189>14: %SYS-5-RESTART: System restarted");
    EXPECT_FALSE(none.parse_error);
    EXPECT_EQ(none.app, "SYS");
    EXPECT_EQ(none.message, "System restarted");
}

TEST_F(CiscoSyslog, SubFacilityAndNexusStyle)
{
    const Event e =
        parse("<187>99: sw-core: Mar  1 18:00:00 UTC: %ETHPORT-SP-3-IF_DOWN_LINK_FAILURE: Interface "
              "Ethernet1/1 is down");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.app, "ETHPORT");
    EXPECT_EQ(field(e, "cisco.subfacility"), "SP");
    EXPECT_EQ(field(e, "cisco.mnemonic"), "IF_DOWN_LINK_FAILURE");
    EXPECT_EQ(field(e, "cisco.severity"), "3");
    EXPECT_EQ(e.host, "sw-core");
}

TEST_F(CiscoSyslog, WithoutPriTheMnemonicGivesTheSeverity)
{
    const Event e = parse("123: Mar  1 18:48:50: %SYS-4-CONFIG_W: Warning", parse::Format::Rfc3164);
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.severity, 4);
    EXPECT_FALSE(e.facility.has_value());
}

TEST_F(CiscoSyslog, BehindARelayHeader)
{
    const Event e =
        parse("<189>Mar  1 18:48:51 10.1.1.1 77: *Mar  1 18:48:50.483 UTC: %SYS-5-CONFIG_I: Configured");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.host, "10.1.1.1");
    EXPECT_EQ(e.app, "SYS");
    EXPECT_EQ(e.ts, utc(2024, 3, 1, 18, 48, 51)) << "the relay's clock, since the device's is unsynchronised";
    EXPECT_EQ(field(e, "cisco.sequence"), "77");
}

TEST_F(CiscoSyslog, PlainTagsThatLookCiscoKeepTheRsyslogReading)
{
    // rsyslog's reading: hostname, then the %PIX...: word is the tag.
    const Event pix = parse("<167>Mar  6 16:57:54 172.20.245.8 %PIX-7-710005: UDP request discarded");
    EXPECT_EQ(pix.host, "172.20.245.8");
    EXPECT_EQ(pix.app, "%PIX-7-710005");
    EXPECT_EQ(pix.field("cisco.mnemonic"), nullptr);
    // Not Cisco at all.
    const Event other = parse("<13>Mar  1 18:48:50 host app: 12: not cisco");
    EXPECT_EQ(other.app, "app");
    EXPECT_EQ(other.message, "12: not cisco");
    const Event almost = parse("<189>123: *Mar  1 18:48:50.483 UTC: SYS-5-CONFIG_I: no percent sign");
    EXPECT_EQ(almost.field("cisco.mnemonic"), nullptr);
}

} // namespace
