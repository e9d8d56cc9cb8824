#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include "base/clock.hpp"
#include "domain/roles.hpp"
#include "store/database.hpp"
#include "store/session_store.hpp"

namespace cercle::auth {

// The person behind a request: a user with a live session. Policies decide from this what they may
// do.
struct Actor {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> organisation_id;  // none for a network admin
  std::string organisation_name;
  std::string display_name;
  std::string email;
  std::string language = "fr";
  domain::Roles roles;
  bool totp_enrolled = false;
  std::int64_t session_id = 0;
  store::SessionStage stage = store::SessionStage::kFull;
  Instant reauthenticated_at;
  // When the session ends unless a request comes first (its idle limit from its last recorded
  // activity, never past its absolute limit), for the idle notice of every page.
  Instant session_idle_ends_at;
  // The session's idle limit and its absolute end.
  std::int64_t session_idle_seconds = 0;
  Instant session_expires_at;
  // True when a volunteer file is linked to the account (read with the session, for the
  // navigation's portal entry; the portal itself asks its policy).
  bool has_volunteer_file = false;
  // True when the user is their organisation's person in charge of the protection of personal
  // information (Law 25, s. 3.1), named on /admin/privacy; read with the session.
  bool privacy_officer = false;
  // The organisation's short name, for the link to its public privacy page ("" for the network).
  std::string organisation_slug;
  // The title and contact of the person in charge of the actor's organisation (the network's for a
  // network admin), for the foot of every page; read with the session.
  store::PrivacyContact privacy_contact;
  // Where the request came from (set by the web pipeline), for the audit log; "" elsewhere.
  std::string client_address;

  bool Has(domain::Role role) const { return roles.Has(role); }
  // True when the actor is signed in to an organisation and holds one of `any_of` there.
  bool ActsAs(std::initializer_list<domain::Role> any_of) const {
    if (!signed_in() || !organisation_id) return false;
    for (const auto role : any_of) {
      if (Has(role)) return true;
    }
    return false;
  }
  // True for the organisation's staff: its coordinators and its administrators.
  bool IsStaff() const {
    return ActsAs({domain::Role::kCoordinator, domain::Role::kOrganisationAdmin});
  }
  bool signed_in() const { return stage == store::SessionStage::kFull; }
  // The scope of the actor's own organisation. A network admin has none: their scope matches no
  // organisation's rows (organisation 0), so that they never see records.
  store::Scope scope() const { return store::Scope::Organisation(organisation_id.value_or(0)); }
  // True when the actor belongs to organisation `organisation_id`.
  bool InOrganisation(std::optional<std::int64_t> organisation) const {
    return organisation_id && organisation == organisation_id;
  }
};

// Where a request comes from, for the audit log and throttling.
struct ClientInfo {
  std::string address;
  std::string user_agent;
};

}  // namespace cercle::auth
