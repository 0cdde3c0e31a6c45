// The demo's line shapes (demo_lines.h): plain string building, any thread.
#include "demo/demo_lines.h"

#include <cstdio>
#include <ctime>

namespace vigie::demo {

std::string bsdTime(Timestamp ts)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::system_clock::duration>(ts));
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%b %e %H:%M:%S", &local);
    return text;
}

std::string isoTime(Timestamp ts)
{
    const auto day = std::chrono::floor<std::chrono::days>(ts);
    const std::chrono::year_month_day ymd(day);
    const std::chrono::hh_mm_ss time(ts - day);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%06dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
    return text;
}

std::string pri(int facility, int severity)
{
    return "<" + std::to_string(facility * 8 + severity) + ">";
}

std::string bsdHeader(Timestamp ts, int facility, int severity, std::string_view host, std::string_view app,
                      int pid)
{
    std::string line = pri(facility, severity) + bsdTime(ts) + " ";
    line.append(host).append(" ").append(app);
    if (pid > 0)
        line.append("[").append(std::to_string(pid)).append("]");
    line.append(": ");
    return line;
}

std::string sshdAccepted(Timestamp ts, std::string_view host, int pid, std::string_view method,
                         std::string_view user, std::string_view ip, int port)
{
    std::string line = bsdHeader(ts, kAuthpriv, 6, host, "sshd", pid);
    line.append("Accepted ").append(method).append(" for ").append(user).append(" from ").append(ip);
    line.append(" port ").append(std::to_string(port)).append(" ssh2");
    if (method == "publickey")
        line.append(": ED25519 SHA256:9mXq3Jf0bQ2kC1vV5yYwT7rLhP4sN8dZ6eA0gU3iKoM");
    return line;
}

std::string sshdFailed(Timestamp ts, std::string_view host, int pid, std::string_view user, bool invalid_user,
                       std::string_view ip, int port)
{
    std::string line = bsdHeader(ts, kAuthpriv, 6, host, "sshd", pid);
    line.append("Failed password for ").append(invalid_user ? "invalid user " : "").append(user);
    line.append(" from ").append(ip).append(" port ").append(std::to_string(port)).append(" ssh2");
    return line;
}

std::string ufw(Timestamp ts, std::string_view verdict, std::string_view in_iface, std::string_view src,
                std::string_view dst, std::string_view proto, int sport, int dport)
{
    std::string line = bsdHeader(ts, kKern, 4, kFirewall, "kernel", 0);
    line.append("[UFW ").append(verdict).append("] IN=").append(in_iface).append(" OUT= SRC=").append(src);
    line.append(" DST=").append(dst).append(" PROTO=").append(proto);
    line.append(" SPT=").append(std::to_string(sport)).append(" DPT=").append(std::to_string(dport));
    return line;
}

namespace {

// The part every EVE record shares, up to and without the closing brace.
std::string eveHead(Timestamp ts, std::string_view type, const Flow& flow)
{
    std::string line =
        "{\"timestamp\":\"" + isoTime(ts) + "\",\"host\":\"" + kSensor + "\",\"event_type\":\"";
    line.append(type).append("\",\"src_ip\":\"").append(flow.src).append("\",\"src_port\":");
    line.append(std::to_string(flow.sport)).append(",\"dest_ip\":\"").append(flow.dst);
    line.append("\",\"dest_port\":").append(std::to_string(flow.dport)).append(",\"proto\":\"");
    line.append(flow.proto).append("\"");
    return line;
}

} // namespace

std::string eveAlert(Timestamp ts, const Flow& flow, const Signature& signature, bool blocked)
{
    std::string line = eveHead(ts, "alert", flow);
    line.append(",\"alert\":{\"action\":\"").append(blocked ? "blocked" : "allowed");
    line.append("\",\"gid\":1,\"signature_id\":").append(std::to_string(signature.id));
    line.append(",\"rev\":1,\"signature\":\"").append(signature.text).append("\",\"category\":\"");
    line.append(signature.category).append("\",\"severity\":").append(std::to_string(signature.severity));
    line.append("}}");
    return line;
}

std::string eveFlow(Timestamp ts, const Flow& flow, std::string_view app_proto, int bytes)
{
    std::string line = eveHead(ts, "flow", flow);
    line.append(",\"app_proto\":\"").append(app_proto).append("\",\"flow\":{\"bytes_toserver\":");
    line.append(std::to_string(bytes / 4))
        .append(",\"bytes_toclient\":")
        .append(std::to_string(bytes - bytes / 4));
    line.append(",\"state\":\"closed\",\"reason\":\"timeout\",\"alerted\":false}}");
    return line;
}

std::string eveDns(Timestamp ts, const Flow& flow, std::string_view rrname)
{
    std::string line = eveHead(ts, "dns", flow);
    line.append(",\"dns\":{\"type\":\"query\",\"id\":4711,\"rrname\":\"").append(rrname);
    line.append("\",\"rrtype\":\"A\",\"tx_id\":0}}");
    return line;
}

std::string eveTls(Timestamp ts, const Flow& flow, std::string_view sni)
{
    std::string line = eveHead(ts, "tls", flow);
    line.append(",\"tls\":{\"sni\":\"").append(sni).append("\",\"version\":\"TLS 1.3\"}}");
    return line;
}

} // namespace vigie::demo
