// The circle list and the opening of a circle for a core member.
#include <set>

#include "auth/policies/circle_policy.hpp"
#include "domain/circle_covenant.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_attention.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using auth::policies::CirclePolicy;

// The open files without an open circle: the core members a circle can be opened for.
std::vector<domain::CoreMember> CoreMembersWithoutCircle(Context& context) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::CoreMemberFilter filter;
    filter.open_only = true;
    filter.limit = 100000;
    std::set<std::int64_t> with_circle;
    for (const auto& circle :
         store::CircleStore(session).List(organisation, store::IncludeClosed::kNo)) {
      with_circle.insert(circle.core_member_id);
    }
    std::vector<domain::CoreMember> free;
    for (auto& core_member : store::CoreMemberStore(session).List(organisation, filter)) {
      if (!with_circle.contains(core_member.id)) free.push_back(std::move(core_member));
    }
    return free;
  });
}

Response RenderNew(Context& context, const Form* form, const Error* error) {
  const auto core_members = CoreMembersWithoutCircle(context);
  std::string chosen;
  if (form) {
    chosen = form->Get("core_member");
  } else {
    // A link from a core member's file may name him.
    const auto query = context.request.QueryParameters();
    if (const auto found = query.find("core_member"); found != query.end()) chosen = found->second;
  }
  mstch::array choices;
  for (const auto& core_member : core_members) {
    const std::string id = std::to_string(core_member.id);
    choices.push_back(mstch::map{
        {"value", id},
        {"label", core_member.name_used() + " (" + core_member.file_number + ", " +
                      context.Translate(domain::CoreMemberStatusLabel(core_member.status)) + ")"},
        {"selected", id == chosen}});
  }
  mstch::map model = form ? form->Model(context, {"core_member", "offence_profile"}, error)
                          : EmptyForm({"core_member", "offence_profile"});
  model["core_members"] = choices;
  model["no_core_member"] = choices.empty();
  model["profiles"] =
      Choices(context, domain::OffenceProfiles(), domain::OffenceProfileName,
              domain::OffenceProfileLabel, form ? form->Get("offence_profile") : "");
  model["slot_rows"] =
      SlotRows(context, form ? SlotsOf(*form, "meeting_times") : domain::Availability(), "times");
  return RenderPage(context, "circle_new", context.Translate(N_("Open a circle")), std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response List(Context& context) {
  const auto& actor = context.signed_in();
  if (!CirclePolicy::CanManage(actor)) return Deny(context, "circle", "");
  const std::int64_t organisation = *actor.organisation_id;
  const bool show_closed = context.request.QueryParameters().count("closed") > 0;
  const Instant now = context.services.clock.Now();
  const auto closed = show_closed ? store::IncludeClosed::kYes : store::IncludeClosed::kNo;
  struct ListData {
    Pagination pagination;
    std::vector<domain::Circle> circles;  // the page's
    std::map<std::int64_t, std::string> names;
    std::map<std::int64_t, int> member_counts;
    std::map<std::int64_t, Instant> next_meetings;
    OrganisationActivity activity;
  };
  // One page of circles, and what their rows show: counts and dates come from queries that group
  // by circle, the flags from the page's circles only.
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    ListData data;
    store::CircleStore circles(session);
    data.pagination = Paginate(context.request, circles.Count(organisation, closed));
    data.circles = circles.List(organisation, closed, data.pagination.Slice());
    data.member_counts = circles.CurrentMemberCounts(organisation);
    data.next_meetings = store::MeetingStore(session).NextMeetings(organisation, now);
    std::vector<std::int64_t> core_member_ids;
    for (const auto& circle : data.circles) core_member_ids.push_back(circle.core_member_id);
    for (const auto& core_member :
         store::CoreMemberStore(session).FindMany(core_member_ids, organisation)) {
      data.names[core_member.id] = core_member.name_used();
    }
    data.activity = LoadActivityOf(context, session, data.circles);
    return data;
  });
  const auto flags = FlagsByCircle(context, data.activity);
  const auto& pagination = data.pagination;
  mstch::array rows;
  for (const auto& circle : data.circles) {
    const auto name = data.names.find(circle.core_member_id);
    const auto count = data.member_counts.find(circle.id);
    mstch::map row{
        {"href", CircleHref(circle.id)},
        {"code_name", circle.code_name},
        {"core_member", name == data.names.end() ? std::string("—") : name->second},
        {"phase", context.Translate(domain::PhaseLabel(circle.phase))},
        {"phase_badge", PhaseBadge(circle.phase)},
        {"members", std::to_string(count == data.member_counts.end() ? 0 : count->second)},
        {"closed", circle.closed()}};
    if (const auto next = data.next_meetings.find(circle.id);
        next != data.next_meetings.end() && !circle.closed()) {
      row["next_meeting"] = FormatMeetingTime(context, next->second);
    }
    mstch::array texts;
    if (const auto found = flags.find(circle.id); found != flags.end()) {
      for (const auto& flag : found->second) {
        texts.push_back(mstch::map{{"text", FlagText(context, flag, circle.code_name)},
                                   {"urgent", flag.urgent}});
      }
    }
    row["has_flags"] = !texts.empty();
    row["flags"] = texts;
    rows.push_back(std::move(row));
  }
  mstch::map model{{"circles", rows},
                   {"empty", rows.empty()},
                   {"show_closed", show_closed},
                   {"count", std::to_string(pagination.total)},
                   {"can_edit_template", CirclePolicy::CanEditCovenantTemplate(actor)}};
  AddPagination(context, pagination, model);
  return RenderPage(context, "circle_list", context.Translate(N_("Circles")), std::move(model));
}

Response ShowNew(Context& context) {
  if (!CirclePolicy::CanManage(context.signed_in())) return Deny(context, "circle", "");
  return RenderNew(context, nullptr, nullptr);
}

Response Create(Context& context) {
  const auto& actor = context.signed_in();
  if (!CirclePolicy::CanManage(actor)) return Deny(context, "circle", "");
  const std::int64_t organisation = *actor.organisation_id;
  const Form form(context.request);
  const auto core_member_id = ParseId(form.Get("core_member"));
  const auto profile = domain::ParseOffenceProfile(form.Get("offence_profile"));
  std::vector<FieldError> errors;
  if (!core_member_id) errors.push_back({"core_member", {N_("Choose the core member."), {}}});
  if (!form.Get("offence_profile").empty() && !profile) {
    errors.push_back({"offence_profile", {N_("Choose an offence profile from the list."), {}}});
  }
  if (!errors.empty()) {
    const Error error = Error::Fields(std::move(errors));
    return RenderNew(context, &form, &error);
  }
  const auto times = SlotsOf(form, "meeting_times");
  const Instant now = context.services.clock.Now();
  const auto today = Today(context);
  const auto created = context.services.database.Write(
      actor.scope(), [&](soci::session& session) -> Result<std::int64_t> {
        store::CircleStore circles(session);
        const auto core_member =
            store::CoreMemberStore(session).Find(*core_member_id, organisation);
        if (!core_member || core_member->status == domain::CoreMemberStatus::kClosed) {
          return Error::Fields({{"core_member", {N_("Choose the core member."), {}}}});
        }
        if (circles.OpenCircleOf(core_member->id, organisation)) {
          return Error::Fields(
              {{"core_member",
                {N_("This core member already has a circle that is not closed."), {}}}});
        }
        domain::Circle circle;
        circle.organisation_id = organisation;
        circle.core_member_id = core_member->id;
        circle.code_name = domain::NextCodeName(circles.CodeNames(organisation));
        circle.phase = domain::CirclePhase::kForming;
        circle.phase_since = today;
        circle.offence_profile = profile;
        circle.meeting_times = times;
        circle.created_by = actor.user_id;
        circle.created_at = circle.updated_at = now;
        circle.id = circles.Insert(circle);
        domain::PhaseChange opening;
        opening.circle_id = circle.id;
        opening.to = domain::CirclePhase::kForming;
        opening.decided_on = today;
        opening.reason = context.Translate(N_("Circle opened."));
        opening.decided_by = actor.user_id;
        opening.recorded_at = now;
        circles.InsertPhaseChange(opening, organisation);
        // The first version of the covenant, from the organisation's template.
        domain::CovenantVersion covenant;
        covenant.organisation_id = organisation;
        covenant.circle_id = circle.id;
        covenant.body = circles.CovenantTemplate(organisation)
                            .value_or(context.Translate(domain::kDefaultCovenantTemplate));
        covenant.note = context.Translate(N_("First version, from the organisation's template."));
        covenant.created_by = actor.user_id;
        covenant.created_at = now;
        circles.InsertCovenantVersion(covenant);
        Audit(context, session, "circle.create", "circle", circle.id);
        return circle.id;
      });
  if (!created) return RenderNew(context, &form, &created.error());
  return Response::Redirect(CircleHref(*created) + "?saved=opened");
}

}  // namespace cercle::web::pages::circles
