#include "web/pages/circles/circle_membership.hpp"

#include "store/circle_store.hpp"
#include "store/screening_store.hpp"
#include "store/settings_store.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::circles {

std::optional<domain::GateResult> GateFor(soci::session& session, std::int64_t organisation_id,
                                          std::int64_t volunteer_id, domain::CivilDate today) {
  const auto volunteer = store::VolunteerStore(session).Find(volunteer_id, organisation_id);
  if (!volunteer) return std::nullopt;
  store::ScreeningStore screening(session);
  store::TrainingStore training(session);
  const auto types = screening.ListTypes(organisation_id);
  const auto items = screening.ListItems(volunteer_id, organisation_id);
  const auto modules = training.ListModules(organisation_id);
  const auto attendance = training.VolunteerAttendance(volunteer_id, organisation_id);
  const int circles = store::CircleStore(session).CurrentCircleCount(volunteer_id, organisation_id);
  const auto settings = store::SettingsStore(session).Load(organisation_id);
  return domain::CheckVolunteerGate({*volunteer, types, items, modules, attendance, circles},
                                    settings, today);
}

std::string DescribeGateFailure(const Context& context, const domain::GateFailure& failure) {
  domain::GateResult one;
  one.failures.push_back(failure);
  const auto texts = volunteers::GateFailureTexts(context, one);
  return boost::get<std::string>(boost::get<mstch::map>(texts.front()).at("text"));
}

Result<std::int64_t> JoinCircle(Context& context, soci::session& session,
                                const domain::Circle& circle, const Joining& joining) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = circle.organisation_id;
  const auto today = Today(context);
  store::CircleStore circles(session);
  const auto volunteer = store::VolunteerStore(session).Find(joining.volunteer_id, organisation);
  if (!volunteer)
    return Error::Fields({{"volunteer", {N_("Choose a volunteer from the list."), {}}}});
  const auto gate = GateFor(session, organisation, joining.volunteer_id, today);
  const auto members = circles.Members(circle.id, organisation);
  const auto settings = CircleSettingsOf(store::SettingsStore(session).Load(organisation));
  const domain::JoinRequest request{joining.path,
                                    circle,
                                    members,
                                    volunteer->id,
                                    volunteer->FullName(),
                                    *gate,
                                    settings.minimum,
                                    settings.maximum,
                                    joining.replacing_member_id};
  TRY(domain::CheckJoin(request, [&](const domain::GateFailure& failure) {
    return DescribeGateFailure(context, failure);
  }));
  if (joining.path == domain::JoinPath::kReplacement) {
    if (!circles.EndMember(*joining.replacing_member_id, organisation, today, joining.reason)) {
      return Error::Conflict(N_("The volunteer to replace is no longer a member of this circle."));
    }
  }
  domain::CircleMember member;
  member.organisation_id = organisation;
  member.circle_id = circle.id;
  member.volunteer_id = volunteer->id;
  member.joined_on = today;
  member.replaced_member_id = joining.replacing_member_id;
  member.added_by = actor.user_id;
  member.added_at = context.services.clock.Now();
  member.id = circles.InsertMember(member);
  if (joining.primary) circles.SetPrimary(circle.id, organisation, member.id);
  Audit(context, session,
        joining.path == domain::JoinPath::kReplacement ? "circle.member_replace"
                                                       : "circle.member_add",
        "circle", circle.id);
  return member.id;
}

}  // namespace cercle::web::pages::circles
