#pragma once

#include <cstdint>
#include <string>

#include "app/services.hpp"

namespace cercle::app::accounts {

// How long a password-reset link stays valid.
constexpr std::chrono::hours kPasswordResetLifetime{1};

// Asks for a reset link to `email`: refuses an address that cannot be one (field "email"); queues a
// request (at most auth.resets_per_hour_per_email an hour for one address and
// auth.resets_per_hour_per_client from one client; above, the entry
// "auth.password_reset_throttled" and nothing queued) and wakes the scheduler. Does the same work
// whether or not an account uses the address: the account is looked up later, by
// ProcessPasswordResetRequests.
Status RequestPasswordReset(const Services& services, const auth::ClientInfo& client,
                            const std::string& email);

// For each queued request whose address names an active account: ends the account's older reset
// links, makes a single-use link valid one hour and mails it. Forgets the processed requests'
// addresses. Run by the scheduler; returns how many mails it queued.
int ProcessPasswordResetRequests(const Services& services);

// True when `token` is an unused, unexpired reset link.
bool ResetLinkValid(const Services& services, const std::string& token);

// A new password through a reset link.
struct PasswordReset {
  std::string token;
  std::string password;
};

// Sets the new password, kills the link and ends every session of the account (entry
// "auth.password_reset"). Returns the account's id.
Result<std::int64_t> ResetPassword(const Services& services, const auth::ClientInfo& client,
                                   const PasswordReset& reset);

}  // namespace cercle::app::accounts
