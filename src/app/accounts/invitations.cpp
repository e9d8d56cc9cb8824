#include "app/accounts/invitations.hpp"

#include "app/accounts/account_common.hpp"
#include "auth/crypto.hpp"
#include "auth/password.hpp"
#include "base/text.hpp"
#include "store/one_time_token_store.hpp"
#include "store/user_store.hpp"

namespace cercle::app::accounts {
namespace {

constexpr const char* kInvitationMail =
    N_("Hello,\n\nYou are invited to use Cercle. To create your account, open this link within 72 "
       "hours:\n{link}\n\nIf you did not expect this invitation, ignore this message.");
constexpr const char* kAddressTakenMail = N_(
    "Hello,\n\nYou are invited to use Cercle for another organisation, but this address already "
    "has a Cercle account, and one address holds one account. If you want to accept, answer the "
    "person who invited you with another address. Otherwise, ignore this message: nothing changes "
    "for your account.");

std::optional<store::OneTimeToken> FindInvitation(const Services& services,
                                                  const std::string& token) {
  return FindLiveLink(services, store::TokenPurpose::kInvitation, token);
}

// Stores and mails an invitation from `inviter` (none for the command line).
Result<std::string> SendInvitation(const Services& services, const auth::Actor* inviter,
                                   const std::string& client_address,
                                   const Invitation& invitation) {
  TRY(CheckNameAndEmail(invitation.display_name, invitation.email));
  TRY(CheckNewRoles(invitation.roles, invitation.organisation_id));
  const std::string email = store::NormaliseEmail(invitation.email);
  const std::string token = auth::RandomToken();
  const std::string link = services.config.server.public_url + "/invitations/accept?token=" + token;
  TRY(Write(services, store::Scope::System(), [&](store::Unit& unit) -> Status {
    // One address holds one account. The command line, and an inviter about their own
    // organisation (whose users they see anyway), are told; an account anywhere else gets the same
    // answer, link row and audit entry as a new address, and its owner decides from a mail that
    // carries no link.
    const auto existing = store::UserStore(unit.session()).FindByEmail(email);
    const bool inviter_sees_it =
        !inviter || (existing && existing->organisation_id == invitation.organisation_id &&
                     inviter->organisation_id == invitation.organisation_id);
    if (existing && inviter_sees_it) {
      return Error::Fields({{"email", {N_("An account already uses this e-mail address."), {}}}});
    }
    const std::int64_t id =
        store::OneTimeTokenStore(unit.session())
            .Insert({.token_hash = LinkHash(services, store::TokenPurpose::kInvitation, token),
                     .purpose = store::TokenPurpose::kInvitation,
                     .organisation_id = invitation.organisation_id,
                     .email = email,
                     .display_name = Trimmed(invitation.display_name),
                     .roles = invitation.roles,
                     .created_by = inviter ? std::optional(inviter->user_id) : std::nullopt,
                     .created_at = unit.now(),
                     .expires_at = unit.now() + kInvitationLifetime});
    QueueAccountMail(services, unit, invitation.organisation_id, email, N_("Invitation to Cercle"),
                     existing ? kAddressTakenMail : kInvitationMail, existing ? "" : link);
    services.audit.Append(
        unit, {invitation.organisation_id, inviter ? std::optional(inviter->user_id) : std::nullopt,
               "user.invite", "invitation", std::to_string(id), client_address,
               audit::Outcome::kSuccess, unit.now()});
    return {};
  }));
  services.NoteMailQueued();
  return link;
}

}  // namespace

Error LinkDead() {
  return Error::Invalid(N_("This link has expired or was used already. Ask for a new one."));
}

Result<std::string> Invite(const Services& services, const auth::Actor& inviter,
                           const Invitation& invitation) {
  return SendInvitation(services, &inviter, inviter.client_address, invitation);
}

Result<std::string> InviteFromCommandLine(const Services& services, const Invitation& invitation) {
  return SendInvitation(services, nullptr, "command line", invitation);
}

Result<InvitationPage> LoadInvitationPage(const Services& services, const std::string& token) {
  const auto found = FindInvitation(services, token);
  if (!found) return LinkDead();
  return InvitationPage{found->display_name, found->email};
}

Result<std::int64_t> AcceptInvitation(const Services& services, const auth::ClientInfo& client,
                                      const Acceptance& acceptance) {
  const auto invitation = FindInvitation(services, acceptance.token);
  if (!invitation) return LinkDead();
  TRY(auth::CheckNewPassword(acceptance.password, invitation->email));
  const std::string hash = auth::HashPassword(acceptance.password);
  return Write(services, store::Scope::System(), [&](store::Unit& unit) -> Result<std::int64_t> {
    if (!store::OneTimeTokenStore(unit.session()).Use(invitation->id, unit.now()))
      return LinkDead();
    store::UserStore users(unit.session());
    if (users.EmailTaken(invitation->email)) {
      return Error::Invalid(N_("An account already uses this e-mail address."));
    }
    const std::int64_t id = users.Insert({.organisation_id = invitation->organisation_id,
                                          .email = invitation->email,
                                          .display_name = invitation->display_name,
                                          .password_hash = hash,
                                          .language = acceptance.language == "en" ? "en" : "fr",
                                          .roles = invitation->roles},
                                         unit.now());
    services.audit.Append(
        unit, {invitation->organisation_id, id, "user.create", "user", std::to_string(id),
               client.address, audit::Outcome::kSuccess, unit.now()});
    return id;
  });
}

}  // namespace cercle::app::accounts
