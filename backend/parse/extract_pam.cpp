// extractPamUnix / extractPamAuthFailure: the pam_unix lines every PAM-using program writes
// (sshd, su, sudo, login, gdm, cron, passwd...), in the modern "pam_unix(SERVICE:TYPE): " form
// and the old "SERVICE(pam_unix)" one. Pure, thread-safe (see extract_common.h).
#include "parse/extract_common.h"

namespace vigie::parse::detail {

namespace {

// For su and sudo the account PAM works on is the target; the actor is the invoking user.
std::string_view targetKeyOf(std::string_view service)
{
    if (service == "su" || service == "su-l")
        return "su.target_user";
    if (service == "sudo" || service == "sudo-i")
        return "sudo.target_user";
    return {};
}

// "NAME(uid=N)" or "NAME" -> NAME; `uid` gets N when present.
std::string_view withoutUid(std::string_view text, std::string_view& uid)
{
    const std::size_t open = text.find("(uid=");
    if (open == std::string_view::npos || !text.ends_with(')'))
        return text;
    uid = text.substr(open + 5, text.size() - open - 6);
    return text.substr(0, open);
}

// "U[(uid=N)] by [NAME](uid=N)" after "session opened for user ", or "U" after "... closed ...".
bool extractSession(Event& event, std::string_view service, std::string_view rest, bool opened)
{
    std::string_view by;
    if (opened) {
        const std::size_t at = rest.rfind(" by ");
        if (at != std::string_view::npos) {
            by = rest.substr(at + 4);
            rest = rest.substr(0, at);
        }
    }
    std::string_view ignored_uid;
    const std::string_view user = withoutUid(trimSpaces(rest), ignored_uid);
    std::string_view by_uid;
    const std::string_view by_user = withoutUid(by, by_uid);
    if (user.empty())
        return false;

    classify(event, "session", opened ? "session_opened" : "session_closed", "success");
    addField(event, "pam.service", service);
    const std::string_view target_key = targetKeyOf(service);
    if (!target_key.empty()) {
        event.user_name.assign(by_user);
        addField(event, target_key, user);
    } else {
        event.user_name.assign(user);
        if (!by_user.empty())
            addField(event, "pam.by_user", by_user);
    }
    if (!by_uid.empty())
        addField(event, "pam.by_uid", by_uid);
    return true;
}

void setPamFailure(Event& event, std::string_view service)
{
    classify(event, "authentication", "pam_auth", "failure");
    addField(event, "pam.service", service);
}

} // namespace

bool extractPamAuthFailure(Event& event, std::string_view service, std::string_view list,
                           std::string_view repeat)
{
    std::string_view logname;
    std::string_view ruser;
    std::string_view rhost;
    std::string_view tty;
    std::string_view user;
    // "logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4  user=root": values may be empty;
    // user comes last and is taken whole, since it is whatever the client typed.
    std::string_view rest = list;
    while (!(rest = trimSpaces(rest)).empty()) {
        const std::size_t equals = rest.find('=');
        if (equals == std::string_view::npos)
            return false;
        const std::string_view key = rest.substr(0, equals);
        rest.remove_prefix(equals + 1);
        if (key == "user") {
            user = rest;
            break;
        }
        const std::string_view value = takeUntil(rest, ' ');
        if (key == "logname")
            logname = value;
        else if (key == "ruser")
            ruser = value;
        else if (key == "rhost")
            rhost = value;
        else if (key == "tty")
            tty = value;
    }

    setPamFailure(event, service);
    const std::string_view target_key = targetKeyOf(service);
    if (!target_key.empty()) {
        event.user_name.assign(ruser.empty() ? logname : ruser);
        if (!user.empty())
            addField(event, target_key, user);
    } else {
        event.user_name.assign(user);
        if (!ruser.empty())
            addField(event, "pam.ruser", ruser);
    }
    setSourceHost(event, rhost);
    if (!tty.empty())
        addField(event, "pam.tty", tty);
    if (!repeat.empty())
        addField(event, "repeat_count", repeat);
    return true;
}

bool extractPamUnix(Event& event, std::string_view service, std::string_view body)
{
    if (body.empty())
        return false;
    switch (body.front()) {
    case 'a':
        if (consume(body, "authentication failure; "))
            return extractPamAuthFailure(event, service, body, {});
        if (consume(body, "auth could not identify password for [") && consumeSuffix(body, "]")) {
            setPamFailure(event, service);
            event.user_name.assign(body);
            return true;
        }
        return false;
    case 'c':
        if (body == "check pass; user unknown") {
            setPamFailure(event, service);
            addField(event, "pam.reason", "user unknown");
            return true;
        }
        return false;
    case 's':
        if (consume(body, "session opened for user "))
            return extractSession(event, service, body, true);
        if (consume(body, "session closed for user "))
            return extractSession(event, service, body, false);
        return false;
    case 'p':
        // passwd, chpasswd: "password changed for alice".
        if (consume(body, "password changed for ") && !body.empty()) {
            classify(event, "iam", "password_changed", "success");
            event.user_name.assign(body);
            addField(event, "pam.service", service);
            return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace vigie::parse::detail
