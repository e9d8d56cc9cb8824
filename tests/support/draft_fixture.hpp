// The circle the drafts' tests write in, on the application layer and over HTTP alike: two
// volunteers of one circle, a meeting whose minutes are due, and a circle neither belongs to.
#pragma once

#include <cstdint>

#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {

struct DraftCircle {
  std::int64_t own = 0;    // the file of the organisation's volunteer account, the circle's primary
  TestUser odile_user;     // a second volunteer's account…
  std::int64_t odile = 0;  // …and her file, a member of the same circle
  std::int64_t circle = 0;
  std::int64_t due = 0;           // yesterday's meeting, its minutes asked of `own`
  std::int64_t other_circle = 0;  // a circle neither volunteer belongs to
};

// Makes that circle in `organisation` (a weekly circle started 60 days ago for "Marcel Exemple",
// the other for "Gérard Autre" 30 days ago).
DraftCircle CreateDraftCircle(TestServer& server, AuthFixture& auth,
                              const TestOrganisation& organisation);

}  // namespace cercle::testing
