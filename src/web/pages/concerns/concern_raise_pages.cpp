// Raising a concern: from the volunteer's phone view of their circle (or the minutes they write,
// with ?meeting=ID), and from the coordinator's circle page. Short on purpose: a category, a
// severity, what was seen or heard, when (now unless changed), what was already done. The page says
// first to call 911 when someone is in immediate danger. An urgent or emergency concern alerts the
// on-call coordinators in the same transaction that stores it.
#include "auth/policies/concern_policy.hpp"
#include "store/circle_store.hpp"
#include "store/meeting_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"
#include "web/pages/concerns/concern_pages.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::concerns {
namespace {

using auth::policies::ConcernPolicy;

const std::initializer_list<std::string> kFields = {"category", "severity", "observed",
                                                    "observed_at", "already_done"};

// Where a concern is being raised: the circle, who raises it, and the page to go back to.
struct RaiseTarget {
  domain::Circle circle;
  std::optional<std::int64_t>
      volunteer_id;    // the raiser's volunteer file, when a volunteer raises it
  std::string action;  // the form's address
  std::string back;    // the page to go back to
};

// The meeting named by ?meeting= (or the form's "meeting" field), when it is a meeting of `circle`.
std::optional<std::int64_t> MeetingOf(Context& context, const domain::Circle& circle,
                                      const std::string& text) {
  const auto id = ParseId(text);
  if (!id) return std::nullopt;
  const auto record =
      context.services.database.Read(context.signed_in().scope(), [&](soci::session& session) {
        return store::MeetingStore(session).Find(*id, circle.organisation_id);
      });
  if (!record || record->meeting.circle_id != circle.id) return std::nullopt;
  return id;
}

std::string QueryValue(const Context& context, const std::string& name) {
  const auto parameters = context.request.QueryParameters();
  const auto found = parameters.find(name);
  return found == parameters.end() ? std::string() : found->second;
}

Response RenderRaise(Context& context, const RaiseTarget& target,
                     std::optional<std::int64_t> meeting_id, const Form* form, const Error* error) {
  mstch::map model = form ? form->Model(context, kFields, error) : EmptyForm(kFields);
  if (!form) {
    model["observed_at"] =
        mstch::map{{"value", MomentValue(context, context.services.clock.Now())}};
  }
  const std::string severity = form ? form->Get("severity") : "";
  mstch::array severities;
  for (const auto value : domain::Severities()) {
    const std::string name(domain::SeverityName(value));
    severities.push_back(mstch::map{{"value", name},
                                    {"id", "severity-" + name},
                                    {"label", context.Translate(domain::SeverityLabel(value))},
                                    {"checked", name == severity},
                                    {"alerts", domain::Alerts(value)}});
  }
  model["severities"] = severities;
  model["categories"] = CategoryChoices(context, form ? form->Get("category") : "");
  model["code_name"] = target.circle.code_name;
  model["action"] = target.action;
  model["back"] = target.back;
  model["volunteer"] = target.volunteer_id.has_value();
  if (meeting_id) model["meeting"] = std::to_string(*meeting_id);
  return RenderPage(context, "concern_raise",
                    context.Translate(N_("Raise a concern")) + " — " + target.circle.code_name,
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// Stores the concern typed in `form` for `target`, with its alerts, or shows the form again with
// the errors.
Response Raise(Context& context, const RaiseTarget& target) {
  const Form form(context.request);
  const auto meeting_id = MeetingOf(context, target.circle, form.Get("meeting"));
  const Instant now = context.services.clock.Now();
  domain::ConcernDraft draft;
  draft.category = domain::ParseConcernCategory(form.Get("category"));
  draft.severity = domain::ParseSeverity(form.Get("severity"));
  draft.observed = form.Get("observed");
  draft.observed_at = ParseMoment(context, form.Get("observed_at"));
  draft.already_done = form.Get("already_done");
  if (auto checked = domain::CheckConcernDraft(draft, now); !checked) {
    return RenderRaise(context, target, meeting_id, &form, &checked.error());
  }
  const auto& actor = context.signed_in();
  domain::Concern concern;
  concern.organisation_id = target.circle.organisation_id;
  concern.circle_id = target.circle.id;
  concern.meeting_id = meeting_id;
  concern.category = *draft.category;
  concern.severity = *draft.severity;
  concern.observed = draft.observed;
  concern.observed_at = *draft.observed_at;
  concern.already_done = draft.already_done;
  concern.raised_by = actor.user_id;
  concern.raised_by_volunteer = target.volunteer_id;
  concern.raised_at = now;
  concern.updated_at = now;
  const auto services = AlertServicesOf(context);
  const auto stored = context.services.database.Write(
      actor.scope(), [&](soci::session& session) -> Result<std::int64_t> {
        concern.id = store::ConcernStore(session).Insert(concern);
        AuditConcern(context, session, "concern.raise", concern.id);
        notify::StartConcernAlerts(session, services, concern, target.circle.code_name, now);
        return concern.id;
      });
  if (!stored) return RenderRaise(context, target, meeting_id, &form, &stored.error());
  const std::string where = target.volunteer_id ? PortalConcernHref(*stored) : ConcernHref(*stored);
  return Response::Redirect(where + "?raised=1");
}

// The circle named by {id} for a volunteer who may raise a concern about it.
std::optional<RaiseTarget> VolunteerTarget(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !context.actor || !ConcernPolicy::MayHaveVolunteerView(*context.actor))
    return std::nullopt;
  const auto& actor = context.signed_in();
  struct Data {
    std::optional<domain::Volunteer> volunteer;
    std::optional<domain::Circle> circle;
    std::vector<domain::CircleMember> stays;
  };
  auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    data.volunteer =
        store::VolunteerStore(session).FindByUser(actor.user_id, *actor.organisation_id);
    if (!data.volunteer) return data;
    store::CircleStore circles(session);
    data.circle = circles.Find(*id, *actor.organisation_id);
    if (!data.circle) return data;
    for (auto& stay : circles.StaysOf(data.volunteer->id, *actor.organisation_id)) {
      if (stay.circle_id == *id) data.stays.push_back(std::move(stay));
    }
    return data;
  });
  if (!data.volunteer || !data.circle ||
      !ConcernPolicy::CanVolunteerRaise(actor, *data.volunteer, *data.circle, data.stays)) {
    return std::nullopt;
  }
  const std::string here = "/portal/circles/" + std::to_string(data.circle->id);
  return RaiseTarget{*data.circle, data.volunteer->id, here + "/concerns/new", here};
}

// The circle named by {id} for staff who may raise a concern about it.
std::optional<RaiseTarget> StaffTarget(Context& context) {
  if (!ConcernPolicy::CanManage(context.signed_in())) return std::nullopt;
  const auto circle = circles::FindManagedCircle(context);
  if (!circle || !ConcernPolicy::CanView(context.signed_in(), circle->organisation_id))
    return std::nullopt;
  const std::string here = circles::CircleHref(circle->id);
  return RaiseTarget{*circle, std::nullopt, here + "/concerns/new", here};
}

}  // namespace

Response ShowVolunteerRaise(Context& context) {
  const auto target = VolunteerTarget(context);
  if (!target) return Deny(context, "circle", context.Parameter("id"));
  return RenderRaise(context, *target,
                     MeetingOf(context, target->circle, QueryValue(context, "meeting")), nullptr,
                     nullptr);
}

Response VolunteerRaise(Context& context) {
  const auto target = VolunteerTarget(context);
  if (!target) return Deny(context, "circle", context.Parameter("id"));
  return Raise(context, *target);
}

Response ShowStaffRaise(Context& context) {
  const auto target = StaffTarget(context);
  if (!target) return Deny(context, "circle", context.Parameter("id"));
  return RenderRaise(context, *target,
                     MeetingOf(context, target->circle, QueryValue(context, "meeting")), nullptr,
                     nullptr);
}

Response StaffRaise(Context& context) {
  const auto target = StaffTarget(context);
  if (!target) return Deny(context, "circle", context.Parameter("id"));
  return Raise(context, *target);
}

}  // namespace cercle::web::pages::concerns
