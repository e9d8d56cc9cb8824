#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/privacy_officer.hpp"
#include "store/privacy_officer_store.hpp"

// The person in charge of the protection of personal information (Law 25, s. 3.1): each
// organisation names its own on its privacy hub (/admin/privacy), the network admin the network's
// (/network/privacy). The session reads who it is (auth::Actor::privacy_officer) and how to reach
// them (the foot of every page).
namespace cercle::app::privacy {

// Whose person in charge a page or a command is about.
enum class Owner {
  kOrganisation,  // the actor's organisation
  kNetwork,       // the network's own
};

// The person in charge as the form gives it. The owner, the author and the time of the change come
// from the actor and the clock.
struct PersonInChargeCommand {
  domain::PrivacyOfficerDetails details;
  // The fields the form could not read (refused together with the rule's errors).
  std::vector<FieldError> unreadable;
};

// The privacy hub: the person in charge as named (none until named), the name of the account
// linked to it, and, for those who may name the person in charge, the accounts that may be linked.
struct PrivacyHub {
  std::optional<domain::PrivacyOfficer> officer;
  std::string linked_account;  // "" when no account is linked
  bool may_edit = false;
  std::vector<store::OfficerCandidate> candidates;  // empty unless may_edit
};

// The privacy hub of `owner`. Of the organisation: its person in charge and its administrators
// (auth::policies::PrivacyPolicy::CanManage), who alone may edit it; of the network: the network
// admin. NotFound for everyone else.
Result<PrivacyHub> LoadPrivacyHub(const Services& services, const auth::Actor& actor, Owner owner);

// Names (or names again) the person in charge of `owner` as `command` says
// ("privacy_officer.update"); returns the row's id. NotFound unless the actor may name it
// (PrivacyPolicy::CanNamePersonInCharge: an organisation's administrators for their organisation,
// the network admin for the network); field errors, which change nothing, for what
// domain::CheckPrivacyOfficer refuses and for a linked account that is not an active account of the
// owner ("user_id").
Result<std::int64_t> NamePersonInCharge(const Services& services, const auth::Actor& actor,
                                        Owner owner, PersonInChargeCommand command);

}  // namespace cercle::app::privacy
