#include "support/draft_fixture.hpp"

#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {

DraftCircle CreateDraftCircle(TestServer& server, AuthFixture& auth,
                              const TestOrganisation& organisation) {
  const auto id = organisation.id;
  CircleFixture circles(server);
  VolunteerFixture volunteers(server);
  const auto today = circles.Today();
  DraftCircle made;
  const auto circle = circles.CreateWeeklyCircle(id, "Marcel Exemple", "2026-001", 60, "Bastien",
                                                 "Bénévole", organisation.volunteer.id);
  made.own = circle.volunteer_id;
  made.circle = circle.circle_id;
  made.odile_user = auth.CreateUser(id, "Odile Membre", "odile@cercles-a.example",
                                    domain::Roles{domain::Role::kVolunteer});
  made.odile = volunteers.CreateVolunteer(id, "Odile", "Membre", domain::VolunteerStage::kActive,
                                          made.odile_user.id);
  circles.AddMember(id, made.circle, made.odile, AddDays(today, -60));
  made.due =
      circles.AddMeeting(id, made.circle, CircleFixture::At(AddDays(today, -1), 19 * 60), made.own);
  const auto other_member =
      CoreMemberFixture(server).CreateCoreMember(id, "Gérard Autre", "2026-002");
  made.other_circle = circles.CreateCircle(id, other_member, domain::CirclePhase::kWeekly,
                                           AddDays(today, -30), AddDays(today, -30));
  return made;
}

}  // namespace cercle::testing
