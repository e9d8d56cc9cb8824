#include "app/accounts/creation.hpp"

#include "app/accounts/account_common.hpp"
#include "auth/password.hpp"
#include "base/text.hpp"
#include "store/user_store.hpp"

namespace cercle::app::accounts {

Result<std::int64_t> CreateAccount(const Services& services, const NewAccount& account) {
  TRY(CheckNameAndEmail(account.display_name, account.email));
  TRY(CheckNewRoles(account.roles, account.organisation_id));
  if (account.check == PasswordCheck::kYes) {
    TRY(auth::CheckNewPassword(account.password, account.email));
  }
  const std::string hash = auth::HashPassword(account.password);
  return Write(services, store::Scope::System(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::UserStore users(unit.session());
    if (users.EmailTaken(account.email)) {
      return Error::Fields({{"email", {N_("An account already uses this e-mail address."), {}}}});
    }
    const std::int64_t id = users.Insert({.organisation_id = account.organisation_id,
                                          .email = account.email,
                                          .display_name = Trimmed(account.display_name),
                                          .password_hash = hash,
                                          .roles = account.roles},
                                         unit.now());
    services.audit.Append(
        unit, {account.organisation_id, std::nullopt, "user.create", "user", std::to_string(id),
               "command line", audit::Outcome::kSuccess, unit.now()});
    return id;
  });
}

}  // namespace cercle::app::accounts
