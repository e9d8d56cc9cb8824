#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"

// What the demo loader reads and imports besides the workflows: the demo files it adds outcomes
// to, and the research consents it imports as they would have been given on paper. Staff only.
namespace cercle::app::reports {

// One file of the organisation and the changes of its status, oldest first.
struct FileMoves {
  std::int64_t id = 0;
  std::string legal_name;
  std::vector<domain::CoreMemberStatusChange> history;
};

// Every file of the actor's organisation with its status changes.
std::vector<FileMoves> ListFileMoves(const Services& services, const auth::Actor& actor);

// Imports a research consent given on paper (not audited: an import of past records, as the demo
// loader makes them).
Status ImportResearchConsent(const Services& services, const auth::Actor& actor,
                             const domain::Consent& consent);

}  // namespace cercle::app::reports
