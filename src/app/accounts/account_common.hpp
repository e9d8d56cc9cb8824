#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/services.hpp"
#include "store/one_time_token_store.hpp"

namespace cercle::app::accounts {

// Queues, inside `unit`'s transaction, a mail about an account to `to`: subject and body in French
// then English (it goes out before anyone knows the reader's language), "{link}" in the body
// replaced by `link`. It says only that something waits in Cercle.
void QueueAccountMail(const Services& services, const store::Unit& unit,
                      std::optional<std::int64_t> organisation_id, const std::string& to,
                      std::string_view subject_msgid, std::string_view body_msgid,
                      const std::string& link);

// The keyed hash the token of a link for `purpose` is stored under.
std::string LinkHash(const Services& services, store::TokenPurpose purpose,
                     const std::string& token);

// The unused, unexpired link for `purpose` behind `token`, if any.
std::optional<store::OneTimeToken> FindLiveLink(const Services& services,
                                                store::TokenPurpose purpose,
                                                const std::string& token);

// Checks a display name (1 to 120 characters once trimmed) and an e-mail address; field errors
// otherwise.
Status CheckNameAndEmail(const std::string& display_name, const std::string& email);

// Checks the roles a new account gets: at least one, and the network role exactly when the account
// belongs to no organisation.
Status CheckNewRoles(const domain::Roles& roles, std::optional<std::int64_t> organisation_id);

}  // namespace cercle::app::accounts
