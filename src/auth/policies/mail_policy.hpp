#pragma once

#include <cstdint>
#include <optional>

#include "auth/actor.hpp"

namespace cercle::auth::policies {

// Who may see the mail that did not go and send it again: an organisation's administrators for
// their organisation's mail, and network administrators for the network's own mail (queued without
// an organisation). A network administrator never sees an organisation's mail, which names its
// people; an organisation's administrator never sees another's or the network's.
struct MailPolicy {
  static bool CanReview(const Actor& actor);
  // Whose mail the actor reviews: their organisation, or none (the network's own) for a network
  // administrator. Only meaningful when CanReview.
  static std::optional<std::int64_t> OwnerFor(const Actor& actor) { return actor.organisation_id; }
};

}  // namespace cercle::auth::policies
