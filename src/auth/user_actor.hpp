#pragma once

#include "auth/actor.hpp"
#include "store/user_store.hpp"

namespace cercle::auth {

// `user` as the application layer sees a signed-in caller, without a session: for the work done
// in someone's name outside a request (the demo's steps, the weekly digest of their home page).
// What a session reads besides the account (the privacy officer's flag, the volunteer file…) is
// left to the caller.
Actor ActorOfUser(const store::User& user);

}  // namespace cercle::auth
