// extractShadowUtils: account and group changes logged by shadow-utils (useradd, usermod,
// userdel, groupadd, groupdel, gpasswd, passwd, chpasswd, chage) — what an analyst looks for
// after a compromise (a new UID 0 account, a user slipped into sudo). The administrator is not
// in these lines, so user_name is the account acted upon. Pure, thread-safe (see
// extract_common.h).
#include "parse/extract_common.h"

namespace vigie::parse::detail {

namespace {

// "'NAME'" at the front of `s`; `s` continues after the closing quote.
bool takeQuoted(std::string_view& s, std::string_view& out)
{
    if (!consume(s, "'"))
        return false;
    const std::size_t close = s.find('\'');
    if (close == std::string_view::npos)
        return false;
    out = s.substr(0, close);
    s.remove_prefix(close + 1);
    return true;
}

void setIam(Event& event, std::string_view action, std::string_view user, bool success = true)
{
    classify(event, "iam", action, success ? "success" : "failure");
    event.user_name.assign(user);
}

// "name=support, UID=1002, GID=1002, home=/home/support, shell=/bin/bash, from=/dev/pts/0":
// name goes to `name`, the rest to iam.* fields. False when there is no name.
bool applyAccountList(Event& event, std::string_view list, std::string_view& name)
{
    struct Key {
        std::string_view in_line;
        std::string_view field;
    };
    static constexpr Key kKeys[] = {{"UID", "iam.uid"},
                                    {"GID", "iam.gid"},
                                    {"home", "iam.home"},
                                    {"shell", "iam.shell"},
                                    {"from", "iam.from"}};
    // The columns are set by the caller once the name is known; fields are appended here.
    const std::size_t fields_before = event.fields.size();
    while (!list.empty()) {
        const std::string_view item = takeUntil(list, ", ");
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos)
            continue;
        const std::string_view key = item.substr(0, equals);
        const std::string_view value = item.substr(equals + 1);
        if (key == "name") {
            name = value;
            continue;
        }
        for (const Key& known : kKeys)
            if (key == known.in_line)
                addField(event, known.field, value);
    }
    if (name.empty()) {
        event.fields.resize(fields_before);
        return false;
    }
    return true;
}

// "'U' to [shadow ]group 'G'" after "add " / "'U' from [shadow ]group 'G'" after "delete ".
bool extractGroupMembership(Event& event, std::string_view rest, std::string_view preposition,
                            std::string_view action)
{
    std::string_view user;
    std::string_view group;
    if (!takeQuoted(rest, user) || !consume(rest, preposition))
        return false;
    const bool shadow = consume(rest, "shadow ");
    if (!consume(rest, "group ") || !takeQuoted(rest, group))
        return false;
    setIam(event, action, user);
    addField(event, "iam.group", group);
    if (shadow)
        addField(event, "iam.shadow", "true"); // the /etc/gshadow twin of the /etc/group line
    return true;
}

// After "change user ": "'U' password", "'U' shell from 'A' to 'B'", or "name 'A' to 'B'".
bool extractChangeUser(Event& event, std::string_view rest)
{
    std::string_view user;
    if (consume(rest, "name ")) {
        std::string_view renamed;
        if (!takeQuoted(rest, user) || !consume(rest, " to ") || !takeQuoted(rest, renamed))
            return false;
        setIam(event, "user_renamed", user);
        addField(event, "iam.new_name", renamed);
        return true;
    }
    if (!takeQuoted(rest, user) || !consume(rest, " "))
        return false;
    if (rest == "password") {
        setIam(event, "password_changed", user);
        return true;
    }
    setIam(event, "user_modified", user);
    addField(event, "iam.change", rest);
    return true;
}

bool extractGroupLine(Event& event, std::string_view list, bool shadow)
{
    std::string_view group;
    if (!applyAccountList(event, list, group))
        return false;
    setIam(event, "group_created", {});
    addField(event, "iam.group", group);
    if (shadow)
        addField(event, "iam.shadow", "true");
    return true;
}

} // namespace

bool extractShadowUtils(Event& event, std::string_view m)
{
    std::string_view name;
    std::string_view other;
    switch (m.front()) {
    case 'n':
        if (consume(m, "new user: ")) {
            if (!applyAccountList(event, m, name))
                return false;
            setIam(event, "user_created", name);
            return true;
        }
        if (consume(m, "new group: "))
            return extractGroupLine(event, m, false);
        return false;
    case 'a':
        return consume(m, "add ") && extractGroupMembership(event, m, " to ", "user_added_to_group");
    case 'd':
        if (consume(m, "delete user ") && takeQuoted(m, name)) {
            setIam(event, "user_deleted", name);
            return true;
        }
        return consume(m, "delete ") && extractGroupMembership(event, m, " from ", "user_removed_from_group");
    case 'c':
        if (consume(m, "change user "))
            return extractChangeUser(event, m);
        if (consume(m, "changed password expiry for ") && !m.empty()) {
            setIam(event, "user_modified", m);
            addField(event, "iam.change", "password expiry");
            return true;
        }
        return false;
    case 'l':
        if (consume(m, "lock user ") && takeQuoted(m, name) && m == " password") {
            setIam(event, "user_locked", name);
            return true;
        }
        return false;
    case 'u':
        if (consume(m, "unlock user ") && takeQuoted(m, name) && m == " password") {
            setIam(event, "user_unlocked", name);
            return true;
        }
        // gpasswd: "user alice added by root to group sudo", "user alice removed by root from group sudo".
        if (consume(m, "user ")) {
            name = takeUntil(m, ' ');
            const bool added = consume(m, "added by ");
            if (!added && !consume(m, "removed by "))
                return false;
            const std::string_view by = takeUntil(m, ' ');
            if (!consume(m, added ? "to group " : "from group ") || name.empty() || m.empty())
                return false;
            setIam(event, added ? "user_added_to_group" : "user_removed_from_group", name);
            addField(event, "iam.group", m);
            addField(event, "iam.by", by);
            return true;
        }
        return false;
    case 'f':
        if (consume(m, "failed adding user ") && takeQuoted(m, name)) {
            setIam(event, "user_created", name, false);
            return true;
        }
        return false;
    case 'g':
        if (consume(m, "group added to /etc/group: "))
            return extractGroupLine(event, m, false);
        if (consume(m, "group added to /etc/gshadow: "))
            return extractGroupLine(event, m, true);
        // groupdel: "group 'devs' removed[ from /etc/group]".
        if (consume(m, "group ") && takeQuoted(m, name) && consume(m, " removed")) {
            setIam(event, "group_deleted", {});
            addField(event, "iam.group", name);
            if (m == " from /etc/gshadow")
                addField(event, "iam.shadow", "true");
            return true;
        }
        return false;
    case 'r':
        // userdel: "removed group 'alice' owned by 'alice'" (the user's private group).
        if (consume(m, "removed ")) {
            const bool shadow = consume(m, "shadow ");
            if (!consume(m, "group ") || !takeQuoted(m, name) || !consume(m, " owned by ") ||
                !takeQuoted(m, other))
                return false;
            setIam(event, "group_deleted", other);
            addField(event, "iam.group", name);
            if (shadow)
                addField(event, "iam.shadow", "true");
            return true;
        }
        return false;
    case 'p':
        // passwd/chpasswd without PAM: "password for 'alice' changed by 'root'".
        if (consume(m, "password for ") && takeQuoted(m, name) && consume(m, " changed by ") &&
            takeQuoted(m, other)) {
            setIam(event, "password_changed", name);
            addField(event, "iam.by", other);
            return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace vigie::parse::detail
