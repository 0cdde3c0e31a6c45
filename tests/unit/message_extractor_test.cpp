// Message extraction (parse/message_extractor.h): the columns read from the free text of
// sshd, pam_unix, sudo, su and shadow-utils lines, through parse::parseRecord as in production.
//
//  - ExtractorCases: one table row per message shape, input line -> expected columns. Rows come
//    from the real samples where they have the shape (loghub OpenSSH_2k and Linux_2k, the
//    go-syslog vectors of ../shared/data/syslog, the Sigma rule lnx_privileged_user_creation);
//    the other rows are written after the format strings of OpenSSH 7-9, sudo, util-linux su
//    and shadow-utils, and say so in their name ("modern_...").
//  - Corpus tests: every line of OpenSSH_2k.log and of Linux_2k.log, checked against loghub's
//    own template labels (the *_structured.csv files): each template we claim must give its
//    action/outcome, and the user and peer that loghub's template has as parameters must come
//    out in the columns; unclaimed templates must be left alone. Prints the coverage.
//  - The demo scenario's authentication lines must extract too.
#include "demo/demo_scenario.h"
#include "parse/record_parser.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace vigie;

Event parseLine(std::string_view line)
{
    const parse::Context context{nowTimestamp(), "192.0.2.254"};
    return parse::parseRecord(line, parse::Format::Auto, context);
}

// ---------------------------------------------------------------------------------------------
// Table of shapes.

struct Case {
    const char* name;
    const char* line;
    const char* category = "";
    const char* action = "";
    const char* outcome = "";
    const char* user = "";
    const char* source_ip = "";
    std::optional<int> source_port{};
    std::vector<std::pair<std::string, std::string>> fields{}; // must be present, with these values
};

void PrintTo(const Case& c, std::ostream* out)
{
    *out << c.name;
}

const std::vector<Case>& cases()
{
    static const std::vector<Case> kCases = {
        // --- sshd, real lines of loghub OpenSSH_2k.log (OpenSSH 6/7 wording) ---
        {.name = "loghub_accepted_password",
         .line = "<86>Dec 10 09:32:20 LabSZ sshd[24680]: Accepted password for fztu from 119.137.62.142 port "
                 "49116 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "success",
         .user = "fztu",
         .source_ip = "119.137.62.142",
         .source_port = 49116,
         .fields = {{"ssh.method", "password"}}},
        {.name = "loghub_failed_password",
         .line = "<86>Dec 10 07:13:43 LabSZ sshd[24227]: Failed password for root from 5.36.59.76 port 42393 "
                 "ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "root",
         .source_ip = "5.36.59.76",
         .source_port = 42393,
         .fields = {{"ssh.method", "password"}}},
        {.name = "loghub_failed_password_invalid_user",
         .line = "<86>Dec 10 06:55:48 LabSZ sshd[24200]: Failed password for invalid user webmaster from "
                 "173.234.31.186 port 38926 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "webmaster",
         .source_ip = "173.234.31.186",
         .source_port = 38926,
         .fields = {{"ssh.invalid_user", "true"}}},
        {.name = "loghub_failed_none_invalid_user",
         .line =
             "<86>Dec 10 08:24:40 LabSZ sshd[24363]: Failed none for invalid user 0 from 5.188.10.180 port "
             "49811 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "0",
         .source_ip = "5.188.10.180",
         .source_port = 49811,
         .fields = {{"ssh.method", "none"}, {"ssh.invalid_user", "true"}}},
        {.name = "loghub_message_repeated",
         .line = "<86>Dec 10 07:13:56 LabSZ sshd[24227]: message repeated 5 times: [ Failed password for "
                 "root from "
                 "5.36.59.76 port 42393 ssh2]",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "root",
         .source_ip = "5.36.59.76",
         .source_port = 42393,
         .fields = {{"repeat_count", "5"}}},
        {.name = "loghub_invalid_user",
         .line = "<86>Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186",
         .category = "authentication",
         .action = "ssh_invalid_user",
         .outcome = "failure",
         .user = "webmaster",
         .source_ip = "173.234.31.186"},
        {.name = "loghub_input_userauth_request",
         .line = "<86>Dec 10 06:55:46 LabSZ sshd[24200]: input_userauth_request: invalid user webmaster "
                 "[preauth]",
         .category = "authentication",
         .action = "ssh_userauth_request",
         .outcome = "failure",
         .user = "webmaster"},
        {.name = "loghub_received_disconnect",
         .line = "<86>Dec 10 07:07:45 LabSZ sshd[24206]: Received disconnect from 52.80.34.196: 11: Bye Bye "
                 "[preauth]",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .source_ip = "52.80.34.196",
         .fields = {{"ssh.reason_code", "11"}, {"ssh.reason", "Bye Bye"}, {"ssh.preauth", "true"}}},
        {.name = "loghub_error_received_disconnect",
         .line = "<86>Dec 10 07:51:15 LabSZ sshd[24324]: error: Received disconnect from 195.154.37.122: 3: "
                 "com.jcraft.jsch.JSchException: Auth fail [preauth]",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .source_ip = "195.154.37.122",
         .fields = {{"ssh.reason_code", "3"}, {"ssh.reason", "com.jcraft.jsch.JSchException: Auth fail"}}},
        {.name = "loghub_connection_closed",
         .line = "<86>Dec 10 06:55:48 LabSZ sshd[24200]: Connection closed by 173.234.31.186 [preauth]",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .source_ip = "173.234.31.186",
         .fields = {{"ssh.preauth", "true"}}},
        {.name = "loghub_too_many_failures",
         .line = "<86>Dec 10 07:13:56 LabSZ sshd[24227]: Disconnecting: Too many authentication failures for "
                 "root "
                 "[preauth]",
         .category = "authentication",
         .action = "ssh_max_auth_exceeded",
         .outcome = "failure",
         .user = "root"},
        {.name = "loghub_no_identification",
         .line = "<86>Dec 10 07:34:33 LabSZ sshd[24301]: Did not receive identification string from "
                 "123.235.32.19",
         .category = "network",
         .action = "ssh_no_identification",
         .outcome = "failure",
         .source_ip = "123.235.32.19"},
        {.name = "loghub_reverse_mapping",
         .line = "<86>Dec 10 06:55:46 LabSZ sshd[24200]: reverse mapping checking getaddrinfo for "
                 "ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!",
         .category = "network",
         .action = "ssh_reverse_mapping_failed",
         .outcome = "failure",
         .source_ip = "173.234.31.186",
         .fields = {{"source.domain", "ns.marryaldkfaczcz.com"}}},
        {.name = "loghub_pam_more_failures_host_name",
         .line = "<86>Dec 10 07:13:56 LabSZ sshd[24227]: PAM 5 more authentication failures; logname= uid=0 "
                 "euid=0 "
                 "tty=ssh ruser= rhost=5.36.59.76.dynamic-dsl-ip.omantel.net.om  user=root",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .user = "root",
         .fields = {{"source.domain", "5.36.59.76.dynamic-dsl-ip.omantel.net.om"}, {"repeat_count", "5"}}},
        {.name = "loghub_pam_one_more_failure",
         .line = "<86>Dec 10 08:26:04 LabSZ sshd[24375]: PAM 1 more authentication failure; logname= uid=0 "
                 "euid=0 "
                 "tty=ssh ruser= rhost=5.188.10.180",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .source_ip = "5.188.10.180",
         .fields = {{"repeat_count", "1"}, {"pam.service", "sshd"}}},
        {.name = "loghub_pam_ignoring_max_retries",
         .line = "<86>Dec 10 07:13:56 LabSZ sshd[24227]: PAM service(sshd) ignoring max retries; 6 > 3",
         .category = "authentication",
         .action = "pam_max_retries_exceeded",
         .outcome = "failure",
         .fields = {{"pam.service", "sshd"}, {"pam.retries", "6"}, {"pam.max_retries", "3"}}},
        {.name = "loghub_pam_unix_auth_failure",
         .line =
             "<86>Dec 10 06:55:46 LabSZ sshd[24200]: pam_unix(sshd:auth): authentication failure; logname= "
             "uid=0 euid=0 tty=ssh ruser= rhost=173.234.31.186 ",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .source_ip = "173.234.31.186",
         .fields = {{"pam.service", "sshd"}, {"pam.tty", "ssh"}}},
        {.name = "loghub_pam_unix_auth_failure_user",
         .line =
             "<86>Dec 10 07:13:31 LabSZ sshd[24227]: pam_unix(sshd:auth): authentication failure; logname= "
             "uid=0 euid=0 tty=ssh ruser= rhost=5.36.59.76.dynamic-dsl-ip.omantel.net.om  user=root",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .user = "root",
         .fields = {{"source.domain", "5.36.59.76.dynamic-dsl-ip.omantel.net.om"}}},
        {.name = "loghub_pam_unix_check_pass",
         .line = "<86>Dec 10 06:55:46 LabSZ sshd[24200]: pam_unix(sshd:auth): check pass; user unknown",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .fields = {{"pam.reason", "user unknown"}}},
        {.name = "loghub_pam_unix_session_opened",
         .line =
             "<86>Dec 10 09:32:20 LabSZ sshd[24680]: pam_unix(sshd:session): session opened for user fztu by "
             "(uid=0)",
         .category = "session",
         .action = "session_opened",
         .outcome = "success",
         .user = "fztu",
         .fields = {{"pam.service", "sshd"}, {"pam.by_uid", "0"}}},
        {.name = "loghub_pam_unix_session_closed",
         .line =
             "<86>Dec 10 09:45:06 LabSZ sshd[24680]: pam_unix(sshd:session): session closed for user fztu",
         .category = "session",
         .action = "session_closed",
         .outcome = "success",
         .user = "fztu"},
        {.name = "loghub_received_disconnect_by_user",
         .line = "<86>Dec 10 09:45:06 LabSZ sshd[24761]: Received disconnect from 119.137.62.142: 11: "
                 "disconnected by user",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .source_ip = "119.137.62.142",
         .fields = {{"ssh.reason", "disconnected by user"}}},

        // --- sshd, OpenSSH 7-9 wording (from the format strings of auth.c / sshd.c / packet.c) ---
        {.name = "modern_accepted_publickey",
         .line =
             "<86>Mar  3 10:15:02 bastion sshd[2211]: Accepted publickey for deploy from 198.51.100.23 port "
             "50514 ssh2: ED25519 SHA256:uM8N1xZ0Xq3m8T8y0w1k4b1QnZk3m6m1m0Hq0lJ5v2c",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "success",
         .user = "deploy",
         .source_ip = "198.51.100.23",
         .source_port = 50514,
         .fields = {{"ssh.method", "publickey"},
                    {"ssh.key_type", "ED25519"},
                    {"ssh.key_fingerprint", "SHA256:uM8N1xZ0Xq3m8T8y0w1k4b1QnZk3m6m1m0Hq0lJ5v2c"}}},
        {.name = "modern_accepted_keyboard_interactive_ipv6",
         .line = "<86>Mar  3 10:15:02 bastion sshd[2212]: Accepted keyboard-interactive/pam for alice from "
                 "2001:db8::5 port 61234 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "success",
         .user = "alice",
         .source_ip = "2001:db8::5",
         .source_port = 61234,
         .fields = {{"ssh.method", "keyboard-interactive/pam"}}},
        {.name = "modern_failed_publickey",
         .line = "<86>Mar  3 10:16:00 bastion sshd[2213]: Failed publickey for root from 192.0.2.44 port "
                 "40022 ssh2: "
                 "RSA SHA256:Qk4nq0c4pLw3F3l0d9yXUq2r8m0Zp1X7sHc3nA0bE5w",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "root",
         .source_ip = "192.0.2.44",
         .source_port = 40022,
         .fields = {{"ssh.method", "publickey"}, {"ssh.key_type", "RSA"}}},
        {.name = "modern_invalid_user_with_port",
         .line = "<86>Mar  3 10:16:01 bastion sshd[2214]: Invalid user oracle from 203.0.113.9 port 51718",
         .category = "authentication",
         .action = "ssh_invalid_user",
         .outcome = "failure",
         .user = "oracle",
         .source_ip = "203.0.113.9",
         .source_port = 51718},
        {.name = "modern_received_disconnect_with_port",
         .line = "<86>Mar  3 10:16:02 bastion sshd[2214]: Received disconnect from 203.0.113.9 port "
                 "51718:11: Bye "
                 "Bye [preauth]",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .source_ip = "203.0.113.9",
         .source_port = 51718,
         .fields = {{"ssh.reason_code", "11"}, {"ssh.reason", "Bye Bye"}, {"ssh.preauth", "true"}}},
        {.name = "modern_disconnected_invalid_user",
         .line =
             "<86>Mar  3 10:16:02 bastion sshd[2214]: Disconnected from invalid user oracle 203.0.113.9 port "
             "51718 [preauth]",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .user = "oracle",
         .source_ip = "203.0.113.9",
         .source_port = 51718,
         .fields = {{"ssh.invalid_user", "true"}, {"ssh.preauth", "true"}}},
        {.name = "modern_disconnected_authenticating_user",
         .line =
             "<86>Mar  3 10:16:03 bastion sshd[2215]: Disconnected from authenticating user root 203.0.113.9 "
             "port 51720 [preauth]",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .user = "root",
         .source_ip = "203.0.113.9",
         .source_port = 51720},
        {.name = "modern_disconnected_user_after_session",
         .line =
             "<86>Mar  3 11:00:00 bastion sshd[2212]: Disconnected from user alice 2001:db8::5 port 61234",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .user = "alice",
         .source_ip = "2001:db8::5",
         .source_port = 61234},
        {.name = "modern_connection_closed_authenticating_user",
         .line = "<86>Mar  3 10:16:04 bastion sshd[2216]: Connection closed by authenticating user root "
                 "203.0.113.9 "
                 "port 51722 [preauth]",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .user = "root",
         .source_ip = "203.0.113.9",
         .source_port = 51722},
        {.name = "modern_connection_reset",
         .line =
             "<86>Mar  3 10:16:05 bastion sshd[2217]: Connection reset by 203.0.113.9 port 51724 [preauth]",
         .category = "network",
         .action = "ssh_disconnect",
         .outcome = "unknown",
         .source_ip = "203.0.113.9",
         .source_port = 51724},
        {.name = "modern_max_auth_attempts",
         .line =
             "<86>Mar  3 10:16:06 bastion sshd[2218]: error: maximum authentication attempts exceeded for "
             "invalid user admin from 203.0.113.9 port 51726 ssh2 [preauth]",
         .category = "authentication",
         .action = "ssh_max_auth_exceeded",
         .outcome = "failure",
         .user = "admin",
         .source_ip = "203.0.113.9",
         .source_port = 51726,
         .fields = {{"ssh.invalid_user", "true"}}},
        {.name = "modern_disconnecting_too_many_failures",
         .line = "<86>Mar  3 10:16:06 bastion sshd[2218]: Disconnecting authenticating user root 203.0.113.9 "
                 "port "
                 "51728: Too many authentication failures [preauth]",
         .category = "authentication",
         .action = "ssh_max_auth_exceeded",
         .outcome = "failure",
         .user = "root",
         .source_ip = "203.0.113.9",
         .source_port = 51728},
        {.name = "modern_no_identification_with_port",
         .line =
             "<86>Mar  3 10:16:07 bastion sshd[2219]: Did not receive identification string from 203.0.113.9 "
             "port 51730",
         .category = "network",
         .action = "ssh_no_identification",
         .outcome = "failure",
         .source_ip = "203.0.113.9",
         .source_port = 51730},
        {.name = "modern_connection_from",
         .line = "<86>Mar  3 10:16:08 bastion sshd[2220]: Connection from 203.0.113.9 port 51732 on 10.0.0.5 "
                 "port "
                 "22 rdomain \"\"",
         .category = "network",
         .action = "ssh_connection",
         .outcome = "success",
         .source_ip = "203.0.113.9",
         .source_port = 51732},
        {.name = "modern_unable_to_negotiate",
         .line =
             "<86>Mar  3 10:16:09 bastion sshd[2221]: Unable to negotiate with 203.0.113.9 port 51734: no "
             "matching key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]",
         .category = "network",
         .action = "ssh_negotiation_failed",
         .outcome = "failure",
         .source_ip = "203.0.113.9",
         .source_port = 51734},
        {.name = "modern_address_maps_to",
         .line = "<86>Mar  3 10:16:10 bastion sshd[2222]: Address 203.0.113.9 maps to scanner.example.net, "
                 "but this "
                 "does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!",
         .category = "network",
         .action = "ssh_reverse_mapping_failed",
         .outcome = "failure",
         .source_ip = "203.0.113.9",
         .fields = {{"source.domain", "scanner.example.net"}}},
        {.name = "modern_sshd_session_program",
         .line =
             "<86>Mar  3 10:16:11 bastion sshd-session[2223]: Failed password for root from 203.0.113.9 port "
             "51736 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "root",
         .source_ip = "203.0.113.9",
         .source_port = 51736},
        {.name = "rfc5424_sshd",
         .line = "<38>1 2024-03-01T10:00:00Z bastion sshd 1234 - - Failed password for root from 192.0.2.7 "
                 "port 22 "
                 "ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "root",
         .source_ip = "192.0.2.7",
         .source_port = 22},

        // --- sshd, hostile or unusual input ---
        {.name = "user_name_that_spoofs_a_peer",
         .line =
             "<86>Mar  3 10:17:00 bastion sshd[2230]: Failed password for invalid user x from 6.6.6.6 port 1 "
             "ssh2 from 203.0.113.9 port 51740 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "x from 6.6.6.6 port 1 ssh2",
         .source_ip = "203.0.113.9",
         .source_port = 51740},
        {.name = "empty_invalid_user",
         .line = "<86>Mar  3 10:17:01 bastion sshd[2231]: Failed password for invalid user  from 203.0.113.9 "
                 "port "
                 "51742 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .source_ip = "203.0.113.9",
         .source_port = 51742,
         .fields = {{"ssh.invalid_user", "true"}}},
        {.name = "peer_as_host_name_with_usedns",
         .line =
             "<86>Mar  3 10:17:02 bastion sshd[2232]: Failed password for root from scanner.example.net port "
             "51744 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "failure",
         .user = "root",
         .source_port = 51744,
         .fields = {{"source.domain", "scanner.example.net"}}},
        {.name = "not_an_address_stays_out_of_source_ip",
         .line = "<86>Mar  3 10:17:03 bastion sshd[2233]: Invalid user bob from 999.1.1.1",
         .category = "authentication",
         .action = "ssh_invalid_user",
         .outcome = "failure",
         .user = "bob",
         .fields = {{"source.domain", "999.1.1.1"}}},
        {.name = "ipv6_zone_is_dropped_from_source_ip",
         .line = "<86>Mar  3 10:17:05 bastion sshd[2235]: Accepted password for alice from fe80::1%eth0 port "
                 "50000 ssh2",
         .category = "authentication",
         .action = "ssh_login",
         .outcome = "success",
         .user = "alice",
         .source_ip = "fe80::1",
         .source_port = 50000},
        {.name = "message_repeated_of_an_unknown_shape_is_left_alone",
         .line = "<86>Mar  3 10:17:06 bastion sshd[900]: message repeated 2 times: [ Server listening on :: "
                 "port 22.]"},
        {.name = "sshd_fatal_is_left_alone",
         .line = "<86>Dec 10 11:40:50 LabSZ sshd[25394]: fatal: Write failed: Connection reset by peer "
                 "[preauth]"},
        {.name = "sshd_listening_is_left_alone",
         .line = "<86>Mar  3 10:00:00 bastion sshd[900]: Server listening on 0.0.0.0 port 22."},
        {.name = "sshd_port_out_of_range_is_left_alone",
         .line = "<86>Mar  3 10:17:04 bastion sshd[2234]: Failed password for root from 203.0.113.9 port "
                 "99999 ssh2"},

        // --- old Linux-PAM "SERVICE(pam_unix)" programs, real lines of loghub Linux_2k.log ---
        {.name = "loghub_linux_sshd_pam_failure",
         .line =
             "<86>Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 "
             "tty=NODEVssh ruser= rhost=218.188.2.4 ",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .source_ip = "218.188.2.4",
         .fields = {{"pam.service", "sshd"}, {"pam.tty", "NODEVssh"}}},
        {.name = "loghub_linux_sshd_pam_failure_user_host_name",
         .line =
             "<86>Jun 15 02:04:59 combo sshd(pam_unix)[20882]: authentication failure; logname= uid=0 euid=0 "
             "tty=NODEVssh ruser= rhost=220-135-151-1.hinet-ip.hinet.net  user=root",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .user = "root",
         .fields = {{"source.domain", "220-135-151-1.hinet-ip.hinet.net"}}},
        {.name = "loghub_linux_sshd_pam_check_pass",
         .line = "<86>Jun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure"},
        {.name = "loghub_linux_sshd_pam_session_opened",
         .line = "<86>Jun 17 20:29:26 combo sshd(pam_unix)[30631]: session opened for user test by (uid=509)",
         .category = "session",
         .action = "session_opened",
         .outcome = "success",
         .user = "test",
         .fields = {{"pam.by_uid", "509"}}},
        {.name = "loghub_linux_su_pam_session_opened",
         .line = "<86>Jun 15 04:06:18 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)",
         .category = "session",
         .action = "session_opened",
         .outcome = "success",
         .fields = {{"pam.service", "su"}, {"su.target_user", "cyrus"}, {"pam.by_uid", "0"}}},
        {.name = "loghub_linux_su_pam_session_closed",
         .line = "<86>Jun 15 04:06:19 combo su(pam_unix)[21416]: session closed for user cyrus",
         .category = "session",
         .action = "session_closed",
         .outcome = "success",
         .fields = {{"su.target_user", "cyrus"}}},
        {.name = "loghub_linux_login_session_opened",
         .line =
             "<86>Jul  7 08:06:15 combo login(pam_unix)[2421]: session opened for user root by LOGIN(uid=0)",
         .category = "session",
         .action = "session_opened",
         .outcome = "success",
         .user = "root",
         .fields = {{"pam.service", "login"}, {"pam.by_user", "LOGIN"}, {"pam.by_uid", "0"}}},
        {.name = "loghub_linux_gdm_failure_no_rhost",
         .line =
             "<86>Jul 11 11:33:13 combo gdm(pam_unix)[2803]: authentication failure; logname= uid=0 euid=0 "
             "tty=:0 ruser= rhost= ",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .fields = {{"pam.service", "gdm"}, {"pam.tty", ":0"}}},
        {.name = "loghub_linux_ftpd_is_left_alone",
         .line = "<86>Jun 17 07:07:00 combo ftpd[29504]: connection from 24.54.76.216 "
                 "(24-54-76-216.bflony.adelphia.net) at Fri Jun 17 07:07:00 2005 "},
        {.name = "rsyslog_vector_sshd_pam_session_closed",
         .line = "<167>Apr  6 15:07:10 lxcvs07 sshd(pam_unix)[31738]: session closed for user cvsadmin",
         .category = "session",
         .action = "session_closed",
         .outcome = "success",
         .user = "cvsadmin"},

        // --- pam_unix, modern "pam_unix(SERVICE:TYPE)" wording ---
        {.name = "modern_pam_sudo_session_names_the_invoking_user",
         .line = "<86>Mar  3 10:20:00 bastion sudo[3001]: pam_unix(sudo:session): session opened for user "
                 "root(uid=0) by alice(uid=1000)",
         .category = "session",
         .action = "session_opened",
         .outcome = "success",
         .user = "alice",
         .fields = {{"pam.service", "sudo"}, {"sudo.target_user", "root"}, {"pam.by_uid", "1000"}}},
        {.name = "modern_pam_su_session",
         .line =
             "<86>Mar  3 10:21:00 bastion su[3002]: pam_unix(su:session): session opened for user root by "
             "alice(uid=1000)",
         .category = "session",
         .action = "session_opened",
         .outcome = "success",
         .user = "alice",
         .fields = {{"pam.service", "su"}, {"su.target_user", "root"}}},
        {.name = "modern_pam_su_auth_failure",
         .line =
             "<86>Mar  3 10:21:30 bastion su[3003]: pam_unix(su:auth): authentication failure; logname=alice "
             "uid=1000 euid=0 tty=/dev/pts/1 ruser=alice rhost=  user=root",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .user = "alice",
         .fields = {{"su.target_user", "root"}, {"pam.tty", "/dev/pts/1"}}},
        {.name = "modern_pam_cron_session",
         .line = "<78>Mar  3 10:17:01 bastion CRON[3004]: pam_unix(cron:session): session opened for user "
                 "root(uid=0) by (uid=0)",
         .category = "session",
         .action = "session_opened",
         .outcome = "success",
         .user = "root",
         .fields = {{"pam.service", "cron"}, {"pam.by_uid", "0"}}},
        {.name = "modern_pam_sudo_could_not_identify_password",
         .line = "<86>Mar  3 10:22:00 bastion sudo[3005]: pam_unix(sudo:auth): auth could not identify "
                 "password for "
                 "[mallory]",
         .category = "authentication",
         .action = "pam_auth",
         .outcome = "failure",
         .user = "mallory"},
        {.name = "modern_pam_passwd_password_changed",
         .line = "<86>Mar  3 10:23:00 bastion passwd[3006]: pam_unix(passwd:chauthtok): password changed for "
                 "alice",
         .category = "iam",
         .action = "password_changed",
         .outcome = "success",
         .user = "alice",
         .fields = {{"pam.service", "passwd"}}},
        {.name = "modern_pam_chpasswd_password_changed",
         .line = "<86>Mar  3 10:23:01 bastion chpasswd[3007]: pam_unix(chpasswd:chauthtok): password changed "
                 "for bob",
         .category = "iam",
         .action = "password_changed",
         .outcome = "success",
         .user = "bob"},
        {.name = "pam_account_line_is_left_alone",
         .line = "<86>Mar  3 10:17:01 bastion CRON[3004]: pam_unix(cron:account): account root has password "
                 "changed "
                 "in future"},

        // --- sudo ---
        {.name = "go_syslog_vector_sudo",
         .line = "<85>Jan 24 15:50:41 ip-172-31-30-110 sudo[6040]: ec2-user : TTY=pts/0 ; PWD=/var/log ; "
                 "USER=root "
                 "; COMMAND=/bin/tail secure",
         .category = "process",
         .action = "sudo",
         .outcome = "success",
         .user = "ec2-user",
         .fields = {{"sudo.target_user", "root"},
                    {"sudo.command", "/bin/tail secure"},
                    {"sudo.tty", "pts/0"},
                    {"sudo.pwd", "/var/log"}}},
        {.name = "sudo_without_pid_and_padded_user",
         .line = "<85>Mar  3 10:24:00 bastion sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; "
                 "COMMAND=/bin/bash",
         .category = "process",
         .action = "sudo",
         .outcome = "success",
         .user = "alice",
         .fields = {{"sudo.target_user", "root"}, {"sudo.command", "/bin/bash"}}},
        {.name = "sudo_incorrect_password_attempts",
         .line = "<85>Mar  3 10:24:10 bastion sudo:      bob : 3 incorrect password attempts ; TTY=pts/1 ; "
                 "PWD=/home/bob ; USER=root ; COMMAND=/usr/bin/apt update",
         .category = "process",
         .action = "sudo",
         .outcome = "failure",
         .user = "bob",
         .fields = {{"sudo.reason", "3 incorrect password attempts"},
                    {"sudo.command", "/usr/bin/apt update"}}},
        {.name = "sudo_not_in_sudoers",
         .line = "<85>Mar  3 10:24:20 bastion sudo:  mallory : user NOT in sudoers ; TTY=pts/2 ; PWD=/tmp ; "
                 "USER=root ; COMMAND=/bin/cat /etc/shadow",
         .category = "process",
         .action = "sudo",
         .outcome = "failure",
         .user = "mallory",
         .fields = {{"sudo.reason", "user NOT in sudoers"}, {"sudo.target_user", "root"}}},
        {.name = "sudo_command_holding_the_separator",
         .line = "<85>Mar  3 10:24:30 bastion sudo[3010]: alice : TTY=pts/0 ; PWD=/srv ; USER=postgres ; "
                 "GROUP=postgres ; COMMAND=/bin/sh -c echo a ; echo b",
         .category = "process",
         .action = "sudo",
         .outcome = "success",
         .user = "alice",
         .fields = {{"sudo.target_user", "postgres"},
                    {"sudo.target_group", "postgres"},
                    {"sudo.command", "/bin/sh -c echo a ; echo b"}}},
        {.name = "sudo_other_message_is_left_alone",
         .line = "<85>Mar  3 10:24:40 bastion sudo[3011]: alice : unable to resolve host bastion: Name or "
                 "service "
                 "not known"},

        // --- su ---
        {.name = "go_syslog_vector_bsd_su_failed",
         .line = "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
         .category = "authentication",
         .action = "su",
         .outcome = "failure",
         .user = "lonvick",
         .fields = {{"su.target_user", "root"}, {"su.tty", "/dev/pts/8"}}},
        {.name = "shadow_su_successful",
         .line = "<86>Mar  3 10:25:00 bastion su[3020]: Successful su for root by alice",
         .category = "authentication",
         .action = "su",
         .outcome = "success",
         .user = "alice",
         .fields = {{"su.target_user", "root"}}},
        {.name = "shadow_su_failed",
         .line = "<86>Mar  3 10:25:10 bastion su[3021]: FAILED su for root by alice",
         .category = "authentication",
         .action = "su",
         .outcome = "failure",
         .user = "alice",
         .fields = {{"su.target_user", "root"}}},
        {.name = "util_linux_su",
         .line = "<86>Mar  3 10:25:20 bastion su[3022]: (to root) alice on pts/0",
         .category = "authentication",
         .action = "su",
         .outcome = "success",
         .user = "alice",
         .fields = {{"su.target_user", "root"}, {"su.tty", "pts/0"}}},
        {.name = "util_linux_su_failed",
         .line = "<86>Mar  3 10:25:30 bastion su[3023]: FAILED SU (to root) alice on pts/0",
         .category = "authentication",
         .action = "su",
         .outcome = "failure",
         .user = "alice",
         .fields = {{"su.target_user", "root"}}},
        {.name = "shadow_su_plus_line_is_left_alone",
         .line = "<86>Mar  3 10:25:00 bastion su[3020]: + pts/0 alice:root"},

        // --- shadow-utils ---
        {.name = "sigma_useradd_uid_0",
         .line = "<86>Dec 21 17:13:54 testserver useradd[1337]: new user: name=john, UID=0, GID=0, "
                 "home=/home/john, "
                 "shell=/bin/bash",
         .category = "iam",
         .action = "user_created",
         .outcome = "success",
         .user = "john",
         .fields =
             {{"iam.uid", "0"}, {"iam.gid", "0"}, {"iam.home", "/home/john"}, {"iam.shell", "/bin/bash"}}},
        {.name = "useradd_with_from",
         .line = "<86>Mar  3 10:26:00 bastion useradd[4790]: new user: name=support, UID=1002, GID=1002, "
                 "home=/home/support, shell=/bin/bash, from=/dev/pts/0",
         .category = "iam",
         .action = "user_created",
         .outcome = "success",
         .user = "support",
         .fields = {{"iam.uid", "1002"}, {"iam.from", "/dev/pts/0"}}},
        {.name = "useradd_new_group",
         .line = "<86>Mar  3 10:26:00 bastion useradd[4790]: new group: name=support, GID=1002",
         .category = "iam",
         .action = "group_created",
         .outcome = "success",
         .fields = {{"iam.group", "support"}, {"iam.gid", "1002"}}},
        {.name = "useradd_failed",
         .line = "<86>Mar  3 10:26:01 bastion useradd[4791]: failed adding user 'bad', data deleted",
         .category = "iam",
         .action = "user_created",
         .outcome = "failure",
         .user = "bad"},
        {.name = "usermod_add_to_group",
         .line = "<86>Mar  3 10:26:10 bastion usermod[4801]: add 'support' to group 'sudo'",
         .category = "iam",
         .action = "user_added_to_group",
         .outcome = "success",
         .user = "support",
         .fields = {{"iam.group", "sudo"}}},
        {.name = "usermod_add_to_shadow_group",
         .line = "<86>Mar  3 10:26:10 bastion usermod[4801]: add 'support' to shadow group 'sudo'",
         .category = "iam",
         .action = "user_added_to_group",
         .outcome = "success",
         .user = "support",
         .fields = {{"iam.group", "sudo"}, {"iam.shadow", "true"}}},
        {.name = "usermod_change_password",
         .line = "<86>Mar  3 10:26:20 bastion usermod[4802]: change user 'support' password",
         .category = "iam",
         .action = "password_changed",
         .outcome = "success",
         .user = "support"},
        {.name = "usermod_change_shell",
         .line = "<86>Mar  3 10:26:30 bastion usermod[4803]: change user 'support' shell from '/bin/sh' to "
                 "'/bin/bash'",
         .category = "iam",
         .action = "user_modified",
         .outcome = "success",
         .user = "support",
         .fields = {{"iam.change", "shell from '/bin/sh' to '/bin/bash'"}}},
        {.name = "usermod_rename",
         .line = "<86>Mar  3 10:26:40 bastion usermod[4804]: change user name 'support' to 'helpdesk'",
         .category = "iam",
         .action = "user_renamed",
         .outcome = "success",
         .user = "support",
         .fields = {{"iam.new_name", "helpdesk"}}},
        {.name = "usermod_lock",
         .line = "<86>Mar  3 10:26:50 bastion usermod[4805]: lock user 'helpdesk' password",
         .category = "iam",
         .action = "user_locked",
         .outcome = "success",
         .user = "helpdesk"},
        {.name = "userdel_delete_user",
         .line = "<86>Mar  3 10:27:00 bastion userdel[4900]: delete user 'helpdesk'",
         .category = "iam",
         .action = "user_deleted",
         .outcome = "success",
         .user = "helpdesk"},
        {.name = "userdel_removed_group",
         .line = "<86>Mar  3 10:27:00 bastion userdel[4900]: removed group 'helpdesk' owned by 'helpdesk'",
         .category = "iam",
         .action = "group_deleted",
         .outcome = "success",
         .user = "helpdesk",
         .fields = {{"iam.group", "helpdesk"}}},
        {.name = "userdel_delete_from_group",
         .line = "<86>Mar  3 10:27:00 bastion userdel[4900]: delete 'helpdesk' from group 'sudo'",
         .category = "iam",
         .action = "user_removed_from_group",
         .outcome = "success",
         .user = "helpdesk",
         .fields = {{"iam.group", "sudo"}}},
        {.name = "groupadd_group_file",
         .line = "<86>Mar  3 10:28:00 bastion groupadd[4950]: group added to /etc/group: name=devs, GID=1003",
         .category = "iam",
         .action = "group_created",
         .outcome = "success",
         .fields = {{"iam.group", "devs"}, {"iam.gid", "1003"}}},
        {.name = "groupadd_gshadow_file",
         .line = "<86>Mar  3 10:28:00 bastion groupadd[4950]: group added to /etc/gshadow: name=devs",
         .category = "iam",
         .action = "group_created",
         .outcome = "success",
         .fields = {{"iam.group", "devs"}, {"iam.shadow", "true"}}},
        {.name = "groupdel",
         .line = "<86>Mar  3 10:28:10 bastion groupdel[4960]: group 'devs' removed",
         .category = "iam",
         .action = "group_deleted",
         .outcome = "success",
         .fields = {{"iam.group", "devs"}}},
        {.name = "gpasswd_add",
         .line = "<86>Mar  3 10:28:20 bastion gpasswd[4970]: user alice added by root to group docker",
         .category = "iam",
         .action = "user_added_to_group",
         .outcome = "success",
         .user = "alice",
         .fields = {{"iam.group", "docker"}, {"iam.by", "root"}}},
        {.name = "passwd_without_pam",
         .line = "<86>Mar  3 10:28:30 bastion passwd[4980]: password for 'alice' changed by 'root'",
         .category = "iam",
         .action = "password_changed",
         .outcome = "success",
         .user = "alice",
         .fields = {{"iam.by", "root"}}},
        {.name = "chage_expiry",
         .line = "<86>Mar  3 10:28:40 bastion chage[4990]: changed password expiry for alice",
         .category = "iam",
         .action = "user_modified",
         .outcome = "success",
         .user = "alice"},

        // --- other programs are not touched, even with a familiar message ---
        {.name = "other_program_with_sshd_text",
         .line =
             "<86>Mar  3 10:29:00 bastion myapp[5000]: Failed password for root from 192.0.2.1 port 22 ssh2"},
        // The kernel's firewall lines have their own extractor (netfilter_extractor_test.cpp).
        {.name = "kernel_firewall_line",
         .line = "<4>Mar  3 10:29:00 fw-01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.7 DST=10.0.1.5 "
                 "PROTO=TCP "
                 "SPT=4000 DPT=23",
         .category = "network",
         .action = "blocked",
         .source_ip = "198.51.100.7",
         .source_port = 4000,
         .fields = {{"netfilter.prefix", "[UFW BLOCK]"}, {"network.transport", "tcp"}}},
        {.name = "kernel_line",
         .line = "<4>Mar  3 10:29:01 fw-01 kernel: e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex"},
    };
    return kCases;
}

class ExtractorCases : public testing::TestWithParam<Case> {};

TEST_P(ExtractorCases, GivesTheExpectedColumns)
{
    const Case& c = GetParam();
    const Event event = parseLine(c.line);
    ASSERT_FALSE(event.parse_error) << c.line;
    EXPECT_EQ(event.category, c.category) << c.line;
    EXPECT_EQ(event.action, c.action) << c.line;
    EXPECT_EQ(event.outcome, c.outcome) << c.line;
    EXPECT_EQ(event.user_name, c.user) << c.line;
    EXPECT_EQ(event.source_ip, c.source_ip) << c.line;
    EXPECT_EQ(event.source_port, c.source_port) << c.line;
    for (const auto& [key, value] : c.fields) {
        const std::string* got = event.field(key);
        EXPECT_TRUE(got && *got == value) << c.line << "\n  field " << key << ": expected \"" << value
                                          << "\", got " << (got ? "\"" + *got + "\"" : "nothing");
    }
    if (*c.category == '\0') {
        EXPECT_TRUE(event.fields.empty()) << c.line; // left alone: nothing added either
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, ExtractorCases, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<Case>& info) {
                             return std::string(info.param.name);
                         });

// ---------------------------------------------------------------------------------------------
// loghub corpora against their template labels.

// One record of a loghub *_structured.csv (RFC 4180 quoting).
std::vector<std::string> splitCsv(const std::string& line)
{
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                cells.back() += line[++i];
            else if (c == '"')
                quoted = false;
            else
                cells.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else {
            cells.back() += c;
        }
    }
    return cells;
}

struct Labelled {
    std::string component;
    std::string content;
    std::string event_id;
    std::string event_template;
};

std::vector<Labelled> readStructured(const std::string& relative)
{
    const auto lines = test::readLines(test::sharedData(relative));
    std::vector<Labelled> rows;
    if (lines.empty())
        return rows;
    const auto header = splitCsv(lines[0]);
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i)
        column[header[i]] = i;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto cells = splitCsv(lines[i]);
        if (cells.size() != header.size())
            ADD_FAILURE() << relative << " line " << i + 1 << ": " << cells.size() << " cells";
        else
            rows.push_back({cells[column.at("Component")], cells[column.at("Content")],
                            cells[column.at("EventId")], cells[column.at("EventTemplate")]});
    }
    return rows;
}

// loghub's template as a regex: <*> captures a parameter. Spaces match exactly (user names
// with spaces exist: "Invalid user  0101"), except before "user=", where some templates
// collapse the double space pam_unix writes.
std::regex templateRegex(const std::string& text)
{
    std::string pattern = "^";
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "<*>") == 0) {
            pattern += "(.*?)";
            i += 2;
        } else if (text[i] == ' ' &&
                   (text.compare(i + 1, 5, "user=") == 0 || text.compare(i + 1, 6, " user=") == 0)) {
            while (i + 1 < text.size() && text[i + 1] == ' ')
                ++i;
            pattern += " +";
        } else {
            if (std::string_view("\\^$.|?*+()[]{}").find(text[i]) != std::string_view::npos)
                pattern += '\\';
            pattern += text[i];
        }
    }
    pattern += " *$";
    return std::regex(pattern);
}

// What a claimed template must give. Slots index loghub's <*> parameters (-1: none).
struct Claim {
    const char* action;
    const char* outcome;
    int user_slot = -1;
    const char* user_literal = nullptr; // a user written into the template itself
    int host_slot = -1;                 // source_ip, or source.domain for a host name
    int port_slot = -1;
    int repeat_slot = -1;
};

bool userMatches(const Event& event, const std::string& user)
{
    // For su and sudo the account a session is for is the target, not the actor.
    for (const char* key : {"su.target_user", "sudo.target_user"})
        if (const std::string* target = event.field(key); target && *target == user)
            return true;
    return event.user_name == user;
}

bool hostMatches(const Event& event, const std::string& host)
{
    const std::string* domain = event.field("source.domain");
    return event.source_ip == host || (domain && *domain == host);
}

struct CorpusResult {
    int lines = 0;
    int with_category = 0;
    int claimed = 0;
};

// Parses every line of `log` (as RFC 3164 with a PRI in front) and checks it against its label.
CorpusResult checkCorpus(const std::string& log, const std::string& structured,
                         const std::map<std::string, Claim>& claims, bool (*must_be_claimed)(const Labelled&))
{
    const auto lines = test::readLines(test::sharedData(log));
    const auto labels = readStructured(structured);
    EXPECT_EQ(lines.size(), labels.size());
    std::map<std::string, std::regex> regexes;
    CorpusResult result;
    for (std::size_t i = 0; i < lines.size() && i < labels.size(); ++i) {
        const Labelled& label = labels[i];
        const Event event = parseLine("<86>" + lines[i]);
        ++result.lines;
        result.with_category += !event.category.empty();
        const auto claim = claims.find(label.event_id);
        if (claim == claims.end()) {
            EXPECT_FALSE(must_be_claimed(label))
                << "unclaimed template " << label.event_id << ": " << lines[i];
            EXPECT_EQ(event.category, "") << "template " << label.event_id << " is not claimed: " << lines[i];
            continue;
        }
        ++result.claimed;
        const Claim& c = claim->second;
        const auto where = [&] {
            return log + ":" + std::to_string(i + 1) + " (" + label.event_id + "): " + lines[i];
        };
        EXPECT_NE(event.category, "") << where();
        EXPECT_EQ(event.action, c.action) << where();
        EXPECT_EQ(event.outcome, c.outcome) << where();

        auto regex = regexes.find(label.event_id);
        if (regex == regexes.end())
            regex = regexes.emplace(label.event_id, templateRegex(label.event_template)).first;
        std::smatch parameters;
        if (!std::regex_match(label.content, parameters, regex->second)) {
            ADD_FAILURE() << "template does not match its own line: " << where();
            continue;
        }
        const auto slot = [&](int index) { return parameters[static_cast<std::size_t>(index) + 1].str(); };
        if (c.user_slot >= 0) {
            EXPECT_TRUE(userMatches(event, slot(c.user_slot)))
                << "user " << slot(c.user_slot) << ": " << where();
        }
        if (c.user_literal) {
            EXPECT_TRUE(userMatches(event, c.user_literal)) << "user " << c.user_literal << ": " << where();
        }
        if (c.host_slot >= 0) {
            EXPECT_TRUE(hostMatches(event, slot(c.host_slot)))
                << "peer " << slot(c.host_slot) << ": " << where();
        }
        if (c.port_slot >= 0) {
            EXPECT_EQ(event.source_port, std::stoi(slot(c.port_slot))) << where();
        }
        if (c.repeat_slot >= 0) {
            const std::string* repeat = event.field("repeat_count");
            EXPECT_TRUE(repeat && *repeat == slot(c.repeat_slot)) << where();
        }
    }
    return result;
}

TEST(ExtractorCorpus, OpenSsh2k)
{
    // Every template of OpenSSH_2k except E11 ("fatal: Write failed: Connection reset by peer").
    const std::map<std::string, Claim> claims = {
        {"E1", {.action = "ssh_login", .outcome = "success", .user_slot = 0, .host_slot = 1, .port_slot = 2}},
        {"E2", {.action = "ssh_disconnect", .outcome = "unknown", .host_slot = 0}},
        {"E3", {.action = "ssh_no_identification", .outcome = "failure", .host_slot = 0}},
        {"E4", {.action = "ssh_max_auth_exceeded", .outcome = "failure", .user_literal = "admin"}},
        {"E5", {.action = "ssh_max_auth_exceeded", .outcome = "failure", .user_literal = "root"}},
        {"E6", {.action = "ssh_disconnect", .outcome = "unknown", .host_slot = 0}},
        {"E7", {.action = "ssh_disconnect", .outcome = "unknown", .host_slot = 0}},
        {"E8", {.action = "ssh_login", .outcome = "failure", .user_slot = 0, .host_slot = 1, .port_slot = 2}},
        {"E9", {.action = "ssh_login", .outcome = "failure", .user_slot = 0, .host_slot = 1, .port_slot = 2}},
        {"E10",
         {.action = "ssh_login", .outcome = "failure", .user_slot = 0, .host_slot = 1, .port_slot = 2}},
        {"E12", {.action = "ssh_userauth_request", .outcome = "failure", .user_slot = 0}},
        {"E13", {.action = "ssh_invalid_user", .outcome = "failure", .user_slot = 0, .host_slot = 1}},
        {"E14",
         {.action = "ssh_login",
          .outcome = "failure",
          .user_literal = "root",
          .host_slot = 1,
          .repeat_slot = 0}},
        {"E15", {.action = "pam_auth", .outcome = "failure", .host_slot = 3, .repeat_slot = 0}},
        {"E16", {.action = "pam_auth", .outcome = "failure", .host_slot = 3, .repeat_slot = 0}},
        {"E17",
         {.action = "pam_auth",
          .outcome = "failure",
          .user_literal = "root",
          .host_slot = 3,
          .repeat_slot = 0}},
        {"E18", {.action = "pam_max_retries_exceeded", .outcome = "failure"}},
        {"E19", {.action = "pam_auth", .outcome = "failure", .host_slot = 2}},
        {"E20", {.action = "pam_auth", .outcome = "failure", .user_slot = 3, .host_slot = 2}},
        {"E21", {.action = "pam_auth", .outcome = "failure"}},
        {"E22", {.action = "session_closed", .outcome = "success", .user_slot = 0}},
        {"E23", {.action = "session_opened", .outcome = "success", .user_slot = 0}},
        {"E24", {.action = "ssh_disconnect", .outcome = "unknown", .host_slot = 0}},
        {"E25", {.action = "ssh_disconnect", .outcome = "unknown", .host_slot = 0}},
        {"E26", {.action = "ssh_disconnect", .outcome = "unknown", .host_slot = 0}},
        {"E27", {.action = "ssh_reverse_mapping_failed", .outcome = "failure", .host_slot = 1}},
    };
    const auto result =
        checkCorpus("loghub/OpenSSH/OpenSSH_2k.log", "loghub/OpenSSH/OpenSSH_2k.log_structured.csv", claims,
                    [](const Labelled& label) { return label.event_id != "E11"; });
    EXPECT_EQ(result.lines, 2000);
    std::printf("OpenSSH_2k: %d of %d lines got a category (%d in claimed templates)\n", result.with_category,
                result.lines, result.claimed);
    EXPECT_EQ(result.with_category, result.claimed);
}

TEST(ExtractorCorpus, Linux2kPamPrograms)
{
    // The pam_unix templates of Linux_2k (programs sshd(pam_unix), su(pam_unix), login(pam_unix),
    // gdm(pam_unix)); the other programs there (ftpd, kernel, klogind...) are not ours.
    const std::map<std::string, Claim> claims = {
        {"E15", {.action = "pam_auth", .outcome = "failure"}},
        {"E16", {.action = "pam_auth", .outcome = "failure", .host_slot = 0}},
        {"E17", {.action = "pam_auth", .outcome = "failure", .user_literal = "guest", .host_slot = 0}},
        {"E18", {.action = "pam_auth", .outcome = "failure", .user_literal = "root", .host_slot = 0}},
        {"E19", {.action = "pam_auth", .outcome = "failure", .user_literal = "test", .host_slot = 0}},
        {"E27", {.action = "pam_auth", .outcome = "failure"}},
        {"E101", {.action = "session_closed", .outcome = "success", .user_slot = 0}},
        {"E102", {.action = "session_opened", .outcome = "success", .user_slot = 0}},
        {"E103", {.action = "session_opened", .outcome = "success", .user_slot = 0}},
    };
    const auto result =
        checkCorpus("loghub/Linux/Linux_2k.log", "loghub/Linux/Linux_2k.log_structured.csv", claims,
                    [](const Labelled& label) { return label.component.ends_with("(pam_unix)"); });
    EXPECT_EQ(result.lines, 2000);
    std::printf("Linux_2k: %d of %d lines got a category (%d in claimed templates)\n", result.with_category,
                result.lines, result.claimed);
    EXPECT_EQ(result.with_category, result.claimed);
}

// ---------------------------------------------------------------------------------------------
// The demo scenario (backend/demo) must show its attack in the columns, not only in the text.

TEST(ExtractorDemo, AttackLinesExtract)
{
    demo::DemoScenario scenario;
    int logins = 0, sudo = 0, new_users = 0;
    for (int i = 0; i < 400; ++i) {
        const std::string line = scenario.nextLine(nowTimestamp());
        const Event event = parseLine(line);
        if (event.app != "sshd" && event.app != "sudo" && event.app != "useradd")
            continue;
        EXPECT_NE(event.category, "") << line;
        if (event.action == "ssh_login") {
            ++logins;
            EXPECT_FALSE(event.user_name.empty()) << line;
            EXPECT_FALSE(event.source_ip.empty()) << line;
            EXPECT_TRUE(event.source_port.has_value()) << line;
        }
        if (event.action == "sudo") {
            ++sudo;
            EXPECT_EQ(event.user_name, "alice") << line;
            EXPECT_TRUE(event.field("sudo.target_user") && *event.field("sudo.target_user") == "root")
                << line;
        }
        if (event.action == "user_created") {
            ++new_users;
            EXPECT_EQ(event.user_name, "support") << line;
        }
    }
    EXPECT_GT(logins, 0);
    EXPECT_GT(sudo, 0);
    EXPECT_GT(new_users, 0);
}

} // namespace
