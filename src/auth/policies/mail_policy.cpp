#include "auth/policies/mail_policy.hpp"

#include "auth/policies/user_policy.hpp"

namespace cercle::auth::policies {

bool MailPolicy::CanReview(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin}) || OrganisationPolicy::CanManage(actor);
}

}  // namespace cercle::auth::policies
