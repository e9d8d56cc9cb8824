#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "domain/roles.hpp"

namespace cercle::app::accounts {

// Whether a new password must pass the strength rules (the demo's shared password need not).
enum class PasswordCheck { kYes, kNo };

// An account made directly with a password, without an invitation.
struct NewAccount {
  std::optional<std::int64_t> organisation_id;  // none for a network admin
  std::string display_name;
  std::string email;
  domain::Roles roles;
  std::string password;
  PasswordCheck check = PasswordCheck::kYes;
};

// Creates the account (entry "user.create", from the command line), for `cercle user add
// --password-stdin` and the demo data. Field errors for a bad name, address, role or password, or
// an address in use. Returns the new user's id.
Result<std::int64_t> CreateAccount(const Services& services, const NewAccount& account);

}  // namespace cercle::app::accounts
