#pragma once
// What analysts need from the free text of the Linux sources they watch most — sshd (failed and
// accepted password/publickey, invalid user, disconnect), sudo, su, pam, useradd/usermod — as
// columns: category, action, outcome, user_name, source_ip, source_port (ECS vocabulary).
// Looks at event.app and event.message of a parsed syslog event; leaves other events alone.
// Pure function, safe from any thread.
#include "event/event.h"

namespace vigie::parse::detail {

void extractFromMessage(Event& event);

} // namespace vigie::parse::detail
