// extractFromMessage: picks the extractor by program name, then the shared scanning helpers of
// extract_common.h. Runs on every syslog record on the worker threads, so the common case (a
// program we do not know) must leave after a couple of byte compares. Pure, thread-safe.
#include "parse/message_extractor.h"

#include "parse/extract_common.h"
#include "parse/syslog_common.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>

namespace vigie::parse::detail {

namespace {

bool isIpv4(std::string_view s)
{
    // As inet_pton: four decimal parts 0-255, no leading zeros (which inet_aton reads as octal).
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= s.size() || s[i] != '.')
                return false;
            ++i;
        }
        const std::size_t start = i;
        unsigned value = 0;
        while (i < s.size() && isDigit(s[i]) && i - start < 3)
            value = value * 10 + static_cast<unsigned>(s[i++] - '0');
        if (i == start || value > 255 || (i - start > 1 && s[start] == '0'))
            return false;
    }
    return i == s.size();
}

bool isIpv6(std::string_view s)
{
    // Rare enough in these logs to leave the grammar to libc; the copy gives it its NUL.
    char text[INET6_ADDRSTRLEN];
    if (s.size() < 2 || s.size() >= sizeof text || s.find(':') == std::string_view::npos)
        return false;
    std::memcpy(text, s.data(), s.size());
    text[s.size()] = '\0';
    unsigned char bytes[16];
    return inet_pton(AF_INET6, text, bytes) == 1;
}

bool isProgram(std::string_view app, std::initializer_list<std::string_view> names)
{
    for (const std::string_view name : names)
        if (app == name)
            return true;
    return false;
}

// Dispatch on the program; `message` may be the inner text of a "message repeated" line.
bool extract(Event& event, std::string_view app, std::string_view message)
{
    if (message.empty())
        return false;
    // pam_unix speaks for the service that loaded it, whatever program that is.
    if (message.starts_with("pam_unix(")) {
        std::string_view rest = message.substr(9);
        const std::size_t close = rest.find("): ");
        if (close == std::string_view::npos)
            return false;
        const std::string_view service = rest.substr(0, std::min(rest.find(':'), close));
        return extractPamUnix(event, service, rest.substr(close + 3));
    }
    switch (app[0]) {
    case 's':
        if (app == "sshd" || app == "sshd-session" || app == "sshd-auth")
            return extractSshd(event, message);
        if (app == "sudo")
            return extractSudo(event, message);
        if (app == "su")
            return extractSu(event, message);
        break;
    case 'u':
        if (isProgram(app, {"useradd", "usermod", "userdel"}))
            return extractShadowUtils(event, message);
        break;
    case 'k':
        if (app == "kernel")
            return extractNetfilter(event, message);
        break;
    case 'g':
        if (isProgram(app, {"groupadd", "groupdel", "groupmod", "gpasswd"}))
            return extractShadowUtils(event, message);
        break;
    case 'p':
        if (app == "passwd")
            return extractShadowUtils(event, message);
        break;
    case 'c':
        if (app == "chpasswd" || app == "chage")
            return extractShadowUtils(event, message);
        break;
    default:
        break;
    }
    // Old Linux-PAM tagged its lines with the service instead: "sshd(pam_unix)[19939]: ...".
    if (app.ends_with("(pam_unix)"))
        return extractPamUnix(event, app.substr(0, app.size() - 10), message);
    return false;
}

} // namespace

bool parseUnsigned(std::string_view digits, std::uint32_t max, std::uint32_t& out)
{
    if (digits.empty() || digits.size() > 10)
        return false;
    std::uint64_t value = 0;
    for (const char c : digits) {
        if (!isDigit(c))
            return false;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (value > max)
        return false;
    out = static_cast<std::uint32_t>(value);
    return true;
}

bool isIpAddress(std::string_view text)
{
    return isIpv4(text) || isIpv6(text);
}

void setSourceHost(Event& event, std::string_view host)
{
    if (host.empty())
        return;
    std::string_view address = host;
    const std::size_t zone = address.find('%');
    if (zone != std::string_view::npos && zone + 1 < address.size())
        address = address.substr(0, zone);
    if (isIpAddress(address))
        event.source_ip.assign(address);
    else
        addField(event, "source.domain", host);
}

bool setSourcePort(Event& event, std::string_view digits)
{
    std::uint32_t port = 0;
    if (!parseUnsigned(digits, 65535, port))
        return false;
    event.source_port = static_cast<std::int32_t>(port);
    return true;
}

void addField(Event& event, std::string_view key, std::string_view value)
{
    // Most shapes add two to four fields: one allocation instead of growing 1, 2, 4.
    if (event.fields.capacity() == 0)
        event.fields.reserve(4);
    event.fields.emplace_back(std::string(key), std::string(value));
}

bool splitHostPort(std::string_view text, std::string_view& host, std::string_view& port)
{
    const std::size_t at = text.find(" port ");
    if (at == std::string_view::npos) {
        host = text;
        port = {};
        return !host.empty() && host.find(' ') == std::string_view::npos;
    }
    host = text.substr(0, at);
    port = text.substr(at + 6);
    std::uint32_t ignored = 0;
    return !host.empty() && host.find(' ') == std::string_view::npos && parseUnsigned(port, 65535, ignored);
}

void extractFromMessage(Event& event)
{
    const std::string_view app = event.app;
    const std::string_view message = event.message;
    if (app.empty() || message.empty())
        return;
    // rsyslog's "message repeated N times: [ TEXT]" stands for N copies of TEXT.
    if (message.starts_with("message repeated ")) {
        std::string_view rest = message.substr(17);
        const std::string_view count = takeUntil(rest, " times: [");
        std::uint32_t repeat = 0;
        if (!parseUnsigned(count, 1u << 30, repeat) || !consumeSuffix(rest, "]"))
            return;
        // The extractors never change event.message, so views into it stay valid.
        if (extract(event, app, trimSpaces(rest)))
            addField(event, "repeat_count", count);
        return;
    }
    extract(event, app, message);
}

} // namespace vigie::parse::detail
