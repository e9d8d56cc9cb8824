#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "domain/roles.hpp"

namespace cercle::app::accounts {

// How long an invitation link stays valid.
constexpr std::chrono::hours kInvitationLifetime{72};

// Who to invite, to which organisation (none: the network), with which roles.
struct Invitation {
  std::optional<std::int64_t> organisation_id;
  std::string display_name;
  std::string email;
  domain::Roles roles;
};

// Invites someone: stores a single-use link valid 72 hours and mails it, with the entry
// "user.invite". An address that already has an account is refused (field "email") when the
// inviter can see that account (their own organisation's); an account anywhere else gets the same
// answer as a new address, and a mail without a link. Returns the link (pages never show it).
// The caller has asked the policy whether `inviter` may invite into the organisation.
Result<std::string> Invite(const Services& services, const auth::Actor& inviter,
                           const Invitation& invitation);
// The same, from the command line (`cercle user add`), which sees every account: an address in use
// is always refused.
Result<std::string> InviteFromCommandLine(const Services& services, const Invitation& invitation);

// The acceptance page: who the invitation behind a token is for.
struct InvitationPage {
  std::string display_name;
  std::string email;
};

// The invitation behind `token`, if it is unused and unexpired; Invalid ("link expired")
// otherwise.
Result<InvitationPage> LoadInvitationPage(const Services& services, const std::string& token);

// Accepting an invitation: its token, the password chosen and the interface language.
struct Acceptance {
  std::string token;
  std::string password;
  std::string language = "fr";
};

// Creates the invited account (entry "user.create"); the link is dead afterwards. Returns the new
// user's id.
Result<std::int64_t> AcceptInvitation(const Services& services, const auth::ClientInfo& client,
                                      const Acceptance& acceptance);

// Refuses a link that expired or was used already.
Error LinkDead();

}  // namespace cercle::app::accounts
