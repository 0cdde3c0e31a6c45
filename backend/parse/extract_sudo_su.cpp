// extractSudo / extractSu: privilege changes. sudo logs one line per command (or per refusal);
// su logs one line per switch, worded differently by shadow-utils, util-linux and BSD su.
// The su(pam_unix) session lines are pam_unix's (extract_pam.cpp). Pure, thread-safe (see
// extract_common.h).
#include "parse/extract_common.h"

namespace vigie::parse::detail {

namespace {

bool isUpperKey(std::string_view key)
{
    if (key.empty())
        return false;
    for (const char c : key)
        if (!(c >= 'A' && c <= 'Z') && c != '_')
            return false;
    return true;
}

void classifySu(Event& event, bool success, std::string_view user, std::string_view target,
                std::string_view tty)
{
    classify(event, "authentication", "su", success ? "success" : "failure");
    event.user_name.assign(user);
    addField(event, "su.target_user", target);
    if (!tty.empty())
        addField(event, "su.tty", tty);
}

// "(to TARGET) USER on TTY" (util-linux), after an optional "FAILED SU ".
bool extractUtilLinuxSu(Event& event, std::string_view rest, bool success)
{
    const std::string_view target = takeUntil(rest, ") ");
    const std::size_t on = rest.rfind(" on ");
    if (target.empty() || on == std::string_view::npos)
        return false;
    classifySu(event, success, rest.substr(0, on), target, rest.substr(on + 4));
    return true;
}

// "TARGET by USER" (shadow-utils), after "Successful su for " or "FAILED su for ".
bool extractShadowSu(Event& event, std::string_view rest, bool success)
{
    const std::size_t by = rest.find(" by ");
    if (by == std::string_view::npos || by == 0 || by + 4 >= rest.size())
        return false;
    classifySu(event, success, rest.substr(by + 4), rest.substr(0, by), {});
    return true;
}

} // namespace

bool extractSudo(Event& event, std::string_view message)
{
    // "alice : [REASON ; ]TTY=pts/0 ; PWD=/home/alice ; USER=root ; [GROUP=g ; ]COMMAND=/bin/ls -l"
    std::string_view rest = trimSpaces(message);
    const std::size_t colon = rest.find(" : ");
    if (colon == std::string_view::npos || colon == 0)
        return false;
    const std::string_view user = rest.substr(0, colon);
    if (user.find(' ') != std::string_view::npos)
        return false;
    rest.remove_prefix(colon + 3);

    std::string_view reason;
    std::string_view tty;
    std::string_view pwd;
    std::string_view target_user;
    std::string_view target_group;
    std::string_view command;
    bool any_key = false;
    while (!rest.empty()) {
        // COMMAND is last and may itself hold " ; ", so it takes the rest of the line.
        if (consume(rest, "COMMAND=")) {
            command = rest;
            any_key = true;
            break;
        }
        const std::string_view item = takeUntil(rest, " ; ");
        const std::size_t equals = item.find('=');
        const std::string_view key =
            equals == std::string_view::npos ? std::string_view{} : item.substr(0, equals);
        if (!isUpperKey(key)) {
            if (any_key || !reason.empty())
                return false; // not sudo's layout: leave the event alone
            reason = item;
            continue;
        }
        any_key = true;
        const std::string_view value = item.substr(equals + 1);
        if (key == "TTY")
            tty = value;
        else if (key == "PWD")
            pwd = value;
        else if (key == "USER")
            target_user = value;
        else if (key == "GROUP")
            target_group = value;
    }
    if (!any_key)
        return false;

    classify(event, "process", "sudo", reason.empty() ? "success" : "failure");
    event.user_name.assign(user);
    if (!target_user.empty())
        addField(event, "sudo.target_user", target_user);
    if (!target_group.empty())
        addField(event, "sudo.target_group", target_group);
    if (!command.empty())
        addField(event, "sudo.command", command);
    if (!tty.empty())
        addField(event, "sudo.tty", tty);
    if (!pwd.empty())
        addField(event, "sudo.pwd", pwd);
    if (!reason.empty())
        addField(event, "sudo.reason", reason);
    return true;
}

bool extractSu(Event& event, std::string_view m)
{
    if (consume(m, "Successful su for "))
        return extractShadowSu(event, m, true);
    if (consume(m, "FAILED su for "))
        return extractShadowSu(event, m, false);
    if (consume(m, "(to "))
        return extractUtilLinuxSu(event, m, true);
    if (consume(m, "FAILED SU (to "))
        return extractUtilLinuxSu(event, m, false);
    // BSD and the RFC 5424 example: "'su root' failed for lonvick on /dev/pts/8".
    if (consume(m, "'su ")) {
        const std::string_view target = takeUntil(m, "' failed for ");
        const std::size_t on = m.rfind(" on ");
        if (target.empty() || m.empty() || on == std::string_view::npos)
            return false;
        classifySu(event, false, m.substr(0, on), target, m.substr(on + 4));
        return true;
    }
    // shadow-utils also writes "+ pts/0 alice:root" beside "Successful su": the same switch,
    // left alone so that it is not counted twice.
    return false;
}

} // namespace vigie::parse::detail
