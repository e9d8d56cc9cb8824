#include "auth/user_actor.hpp"

namespace cercle::auth {

Actor ActorOfUser(const store::User& user) {
  Actor actor;
  actor.user_id = user.id;
  actor.organisation_id = user.organisation_id;
  actor.display_name = user.display_name;
  actor.email = user.email;
  actor.roles = user.roles;
  actor.language = user.language;
  actor.stage = store::SessionStage::kFull;
  return actor;
}

}  // namespace cercle::auth
