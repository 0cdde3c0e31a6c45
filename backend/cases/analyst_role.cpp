// createAnalyst: the CREATE ROLE statement is composed by the server from parameters. Any thread.
#include "cases/analyst_role.h"

#include <array>
#include <memory>
#include <stdexcept>
#include <utility>

namespace vigie::cases {

std::string tierGroup(const std::string& tier)
{
    static constexpr std::array<std::pair<const char*, const char*>, 4> kGroups{
        {{"l1", "vigie_l1"}, {"l2", "vigie_l2"}, {"l3", "vigie_l3"}, {"admin", "vigie_admin"}}};
    for (const auto& [name, group] : kGroups)
        if (tier == name)
            return group;
    throw std::invalid_argument("unknown tier '" + tier + "' (l1, l2, l3 or admin)");
}

void createAnalyst(store::PgConnection& db, const std::string& name, const std::string& tier,
                   const std::string& password)
{
    const std::string group = tierGroup(tier);
    if (name.empty())
        throw std::invalid_argument("give the analyst's role name");
    if (password.empty())
        throw std::invalid_argument("the analyst needs a password");
    // Hashed here with the server's password_encryption (SCRAM by default): the clear password
    // never travels, and the CREATE ROLE text holds only the verifier.
    std::unique_ptr<char, decltype(&PQfreemem)> verifier(
        PQencryptPasswordConn(db.native(), password.c_str(), name.c_str(), nullptr), &PQfreemem);
    if (!verifier)
        throw store::StoreError(std::string("could not hash the password: ") + PQerrorMessage(db.native()));
    // format() quotes the name (%I, quote_ident) and the verifier (%L) on the server.
    const auto statement = db.exec("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', $1::text, "
                                   "$2::text, $3::text)",
                                   {name, std::string(verifier.get()), group});
    db.execScript(statement.text(0, 0));
}

} // namespace vigie::cases
