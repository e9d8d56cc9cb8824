#include "app/circles/circle_list.hpp"

#include <set>

#include "auth/policies/circle_policy.hpp"
#include "domain/circle_covenant.hpp"
#include "store/core_member_store.hpp"

namespace cercle::app::circles {
namespace {

using auth::policies::CirclePolicy;

Error ChooseCoreMember() {
  return Error::Fields({{"core_member", {N_("Choose the core member."), {}}}});
}

// Records the opening of `circle` and the first version of its covenant.
void RecordOpening(const Services& services, const store::Unit& unit, const auth::Actor& actor,
                   const domain::Circle& circle) {
  const auto language = LanguageOf(actor);
  store::CircleStore circles(unit.session());
  domain::PhaseChange opening;
  opening.circle_id = circle.id;
  opening.to = domain::CirclePhase::kForming;
  opening.decided_on = circle.phase_since;
  opening.reason = services.translator.Translate(language, N_("Circle opened."));
  opening.decided_by = actor.user_id;
  opening.recorded_at = unit.now();
  circles.InsertPhaseChange(opening, circle.organisation_id);
  // The first version of the covenant, from the organisation's template.
  domain::CovenantVersion covenant;
  covenant.organisation_id = circle.organisation_id;
  covenant.circle_id = circle.id;
  covenant.body =
      circles.CovenantTemplate(circle.organisation_id)
          .value_or(services.translator.Translate(language, domain::kDefaultCovenantTemplate));
  covenant.note = services.translator.Translate(
      language, N_("First version, from the organisation's template."));
  covenant.created_by = actor.user_id;
  covenant.created_at = unit.now();
  circles.InsertCovenantVersion(covenant);
}

}  // namespace

Result<CircleListPage> LoadCircleList(
    const Services& services, const auth::Actor& actor, store::IncludeClosed closed,
    const std::function<store::PageSlice(std::int64_t total)>& page_of) {
  if (!CirclePolicy::CanManage(actor) || !actor.organisation_id) return Error::Forbidden();
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<CircleListPage> {
    const std::int64_t organisation = unit.organisation_id();
    CircleListPage page;
    store::CircleStore circles(unit.session());
    page.total = circles.Count(organisation, closed);
    page.circles = circles.List(organisation, closed, page_of(page.total));
    page.member_counts = circles.CurrentMemberCounts(organisation);
    std::vector<std::int64_t> circle_ids, core_member_ids;
    for (const auto& circle : page.circles) {
      circle_ids.push_back(circle.id);
      core_member_ids.push_back(circle.core_member_id);
    }
    page.next_meetings =
        store::MeetingStore(unit.session()).NextMeetings(circle_ids, organisation, unit.now());
    for (const auto& core_member :
         store::CoreMemberStore(unit.session()).FindMany(core_member_ids, organisation)) {
      page.core_member_names[core_member.id] = core_member.name_used();
    }
    page.flags = FlagsByCircle(services, LoadActivityOf(unit, page.circles));
    return page;
  });
}

Result<std::vector<domain::CoreMember>> LoadCoreMembersWithoutCircle(const Services& services,
                                                                     const auth::Actor& actor) {
  if (!CirclePolicy::CanManage(actor) || !actor.organisation_id) return Error::Forbidden();
  return Read(
      services, actor.scope(), [&](store::Unit& unit) -> Result<std::vector<domain::CoreMember>> {
        const std::int64_t organisation = unit.organisation_id();
        store::CoreMemberFilter filter;
        filter.open_only = true;
        filter.limit = 100000;
        std::set<std::int64_t> with_circle;
        for (const auto& circle :
             store::CircleStore(unit.session()).List(organisation, store::IncludeClosed::kNo)) {
          with_circle.insert(circle.core_member_id);
        }
        std::vector<domain::CoreMember> free;
        for (auto& core_member :
             store::CoreMemberStore(unit.session()).List(organisation, filter)) {
          if (!with_circle.contains(core_member.id)) free.push_back(std::move(core_member));
        }
        return free;
      });
}

Result<std::int64_t> Open(const Services& services, const auth::Actor& actor,
                          const OpenCommand& command) {
  if (!CirclePolicy::CanManage(actor) || !actor.organisation_id) return Error::Forbidden();
  if (!command.core_member_id) return ChooseCoreMember();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const std::int64_t organisation = unit.organisation_id();
    store::CircleStore circles(unit.session());
    const auto core_member =
        store::CoreMemberStore(unit.session()).Find(*command.core_member_id, organisation);
    if (!core_member || core_member->status == domain::CoreMemberStatus::kClosed) {
      return ChooseCoreMember();
    }
    if (circles.OpenCircleOf(core_member->id, organisation)) {
      return Error::Fields(
          {{"core_member", {N_("This core member already has a circle that is not closed."), {}}}});
    }
    domain::Circle circle;
    circle.organisation_id = organisation;
    circle.core_member_id = core_member->id;
    circle.code_name = domain::NextCodeName(circles.CodeNames(organisation));
    circle.phase = domain::CirclePhase::kForming;
    circle.phase_since = services.Today();
    static_cast<domain::CircleDetails&>(circle) = command.details;
    circle.created_by = actor.user_id;
    circle.created_at = circle.updated_at = unit.now();
    circle.id = circles.Insert(circle);
    RecordOpening(services, unit, actor, circle);
    Audit(services, unit, actor, {"circle.create", "circle", std::to_string(circle.id)});
    return circle.id;
  });
}

}  // namespace cercle::app::circles
