#pragma once
// What analysts need from the free text of the Linux sources they watch most — sshd (failed and
// accepted password/publickey, invalid user, disconnect), sudo, su, pam, useradd/usermod, the
// kernel's firewall lines (UFW, iptables) — as columns: category, action, outcome, user_name,
// source_ip, source_port, dest_ip, dest_port (ECS vocabulary).
// Looks at event.app and event.message of a parsed syslog event; leaves other events alone.
// Pure function, safe from any thread.
#include "event/event.h"

namespace vigie::parse::detail {

void extractFromMessage(Event& event);

} // namespace vigie::parse::detail
