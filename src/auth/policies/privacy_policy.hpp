#pragma once

#include "auth/actor.hpp"

namespace cercle::auth::policies {

// Who may reach the privacy obligations of Québec's Law 25: the confidentiality incident register,
// the requests of the people concerned (and the export of one person's file), the retention
// schedule and the destruction queue. Only an organisation's person in charge of the protection of
// personal information and its administrators, within their organisation; everyone else, a
// volunteer or a partner included, is answered "not found".
struct PrivacyPolicy {
  static bool CanManage(const Actor& actor);
  // Who may name the organisation's person in charge: its administrators (the delegation is the
  // highest authority's, in writing). A network administrator names the network's own.
  static bool CanNamePersonInCharge(const Actor& actor);
};

}  // namespace cercle::auth::policies
