// The concern page for coordinators and organisation admins, and the steps of its handling —
// acknowledgement, actions, an emergency circle meeting, disclosures with their legal basis checked
// against the record, the reply to the volunteers, closure with an outcome. Each handler parses the
// form, calls one app::concerns command, and either goes back to the page with a notice or shows
// the page again with the failed form in its section, with what was typed and why.
#include <map>

#include "app/circles/venues.hpp"
#include "app/concerns/concern_handling.hpp"
#include "app/concerns/concern_page.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"
#include "web/pages/concerns/concern_page_view.hpp"
#include "web/pages/concerns/concern_pages.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::concerns {
namespace {

using app::concerns::ConcernPage;
using app::concerns::RecordView;

Response RenderConcern(Context& context, const ConcernPage& page, const PageState& state) {
  const auto& row = page.row;
  const std::string title =
      row.code_name + " — " + context.Translate(domain::LabelOf(row.concern.category));
  return RenderPage(context, "concern_page", title, ConcernView(context, page, state),
                    state.error ? StatusFor(state.error->kind) : 200);
}

// The notice for ?done=… after a change.
std::string NoticeFor(const Context& context, const std::string& query) {
  static const std::map<std::string, const char*> kNotices = {
      {"done=raised", N_("The concern is recorded.")},
      {"done=raised-alert",
       N_("The concern is recorded, and the on-call coordinators are alerted.")},
      {"done=acknowledged", N_("The concern is acknowledged: its escalation has stopped.")},
      {"done=started", N_("The concern is in progress.")},
      {"done=action", N_("The action is recorded.")},
      {"done=meeting", N_("The emergency meeting is planned and recorded as an action.")},
      {"done=disclosure", N_("The disclosure is recorded.")},
      {"done=reply", N_("The reply is saved; the person who raised the concern is told by mail.")},
      {"done=closed", N_("The concern is closed.")}};
  const auto found = kNotices.find(query);
  return found == kNotices.end() ? std::string() : context.Translate(found->second);
}

// Maps the result of a step of `section` on concern `id`: back to the page with the notice `done`
// (at `anchor`), the page again with the failed form, or 404.
Response AfterStep(Context& context, std::int64_t id, const Status& done,
                   const std::string& section, const Form& form, const std::string& notice,
                   const std::string& anchor = "") {
  if (done) {
    return Response::Redirect(ConcernHref(id) + "?done=" + notice +
                              (anchor.empty() ? "" : "#" + anchor));
  }
  return Refusal(context, done.error(), "concern", context.Parameter("id"),
                 [&](const Error& error) {
                   const auto page = app::concerns::LoadConcernPage(
                       context.services.app, context.signed_in(), id, RecordView::kNo);
                   if (!page) return Deny(context, "concern", context.Parameter("id"));
                   const Error localised = Localised(context, error);
                   return RenderConcern(context, *page, {section, &form, &localised, "", false});
                 });
}

// A step's outcome as a Status.
template <class T>
Status StatusOf(const Result<T>& result) {
  if (result) return {};
  return result.error();
}

// Where a step's outcome leads: the form's section when refused; the notice and the anchor of the
// concern's page when done.
struct StepTarget {
  const char* section;
  const char* notice;
  const char* anchor = "";
};

// Runs one step on the concern of the path's {id} with the posted form: `step(id, form)` calls the
// app function, and AfterStep shows its outcome.
template <class Run>
Response Step(Context& context, const StepTarget& target, Run step) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "concern", context.Parameter("id"));
  const Form form(context.request);
  return AfterStep(context, *id, StatusOf(step(*id, form)), target.section, form, target.notice,
                   target.anchor);
}

// Parses the ?duration= of the meeting form: whole minutes, at most four digits.
std::optional<int> ParseDuration(const std::string& text) {
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoi(text);
}

// Where the meeting is held, as the action's note says it: the venue's name or the mode's label.
std::string PlaceInNote(const Context& context, const domain::MeetingPlan& plan) {
  if (plan.mode != domain::MeetingMode::kInPerson) {
    return context.Translate(domain::LabelOf(plan.mode));
  }
  for (const auto& venue : app::circles::ActiveVenues(context.services.app, context.signed_in())) {
    if (plan.venue_id && venue.id == *plan.venue_id) return venue.name;
  }
  return "";
}

// The emergency meeting's command: its place is read as for any meeting (an unknown mode is read
// as in person, whose missing venue the app refuses).
app::concerns::PlanEmergencyMeetingCommand MeetingCommand(const Context& context, std::int64_t id,
                                                          const Form& form) {
  app::concerns::PlanEmergencyMeetingCommand command{
      .concern_id = id,
      .plan = {.kind = domain::MeetingKind::kEmergency,
               .date = ParseIsoDate(form.Get("date")),
               .start_minute = circles::ParseTime(form.Get("time")),
               .duration_minutes = ParseDuration(form.Get("duration")),
               .mode = domain::ParseEnum<domain::MeetingMode>(form.Get("mode"))
                           .value_or(domain::MeetingMode::kInPerson),
               .venue_id = ParseId(form.Get("venue"))},
      .override_clashes = form.Get("override") == "yes",
      .override_reason = form.Get("override_reason")};
  if (command.plan.date && command.plan.start_minute) {
    command.starts = circles::LocalInstant(context, *command.plan.date, *command.plan.start_minute);
    command.note =
        context.Format({N_("Emergency meeting on {moment}, {place}."),
                        {{"moment", circles::FormatMeetingTime(context, *command.starts)},
                         {"place", PlaceInNote(context, command.plan)}}});
  }
  return command;
}

app::concerns::RecordDisclosureCommand DisclosureCommand(const Context& context, std::int64_t id,
                                                         const Form& form) {
  return {.concern_id = id,
          .draft = {.recipient_kind =
                        domain::ParseEnum<domain::RecipientKind>(form.Get("recipient_kind")),
                    .partner_contact_id = ParseId(form.Get("partner_contact")),
                    .recipient_name = form.Get("recipient_name"),
                    .recipient_organisation = form.Get("recipient_organisation"),
                    .disclosed_at = ParseMoment(context, form.Get("disclosed_at")),
                    .means = domain::ParseEnum<domain::DisclosureMeans>(form.Get("means")),
                    .shared = form.Get("shared"),
                    .basis = domain::ParseEnum<domain::LegalBasis>(form.Get("basis")),
                    .explanation = form.Get("explanation")}};
}

}  // namespace

Response Show(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "concern", context.Parameter("id"));
  const auto page = app::concerns::LoadConcernPage(context.services.app, context.signed_in(), *id,
                                                   RecordView::kYes);
  if (!page) return Deny(context, "concern", context.Parameter("id"));
  std::string query = context.request.query;
  if (query == "raised=1")
    query = domain::Alerts(page->row.concern.severity) ? "done=raised-alert" : "done=raised";
  return RenderConcern(
      context, *page,
      {"", nullptr, nullptr, NoticeFor(context, query), query != context.request.query});
}

Response Acknowledge(Context& context) {
  return Step(context, {"status", "acknowledged"}, [&](std::int64_t id, const Form&) {
    return app::concerns::Acknowledge(context.services.app, context.signed_in(),
                                      {.concern_id = id});
  });
}

Response Start(Context& context) {
  return Step(context, {"status", "started"}, [&](std::int64_t id, const Form&) {
    return app::concerns::Start(context.services.app, context.signed_in(), {.concern_id = id});
  });
}

Response RecordAction(Context& context) {
  return Step(context, {"action", "action", "actions"}, [&](std::int64_t id, const Form& form) {
    return app::concerns::RecordAction(
        context.services.app, context.signed_in(),
        {.concern_id = id,
         .kind = domain::ParseEnum<domain::ActionKind>(form.Get("kind")),
         .note = form.Get("note"),
         .taken_at = ParseMoment(context, form.Get("taken_at"))});
  });
}

Response PlanEmergencyMeeting(Context& context) {
  return Step(context, {"meeting", "meeting", "actions"}, [&](std::int64_t id, const Form& form) {
    return app::concerns::PlanEmergencyMeeting(context.services.app, context.signed_in(),
                                               MeetingCommand(context, id, form));
  });
}

Response RecordDisclosure(Context& context) {
  return Step(context, {"disclosure", "disclosure", "disclosures"},
              [&](std::int64_t id, const Form& form) {
                return app::concerns::RecordDisclosure(context.services.app, context.signed_in(),
                                                       DisclosureCommand(context, id, form));
              });
}

Response Reply(Context& context) {
  return Step(context, {"reply", "reply", "reply"}, [&](std::int64_t id, const Form& form) {
    return app::concerns::Reply(context.services.app, context.signed_in(),
                                {.concern_id = id, .reply = form.Get("reply")});
  });
}

Response Close(Context& context) {
  return Step(context, {"close", "closed"}, [&](std::int64_t id, const Form& form) {
    return app::concerns::Close(
        context.services.app, context.signed_in(),
        {.concern_id = id,
         .outcome = domain::ParseEnum<domain::ConcernOutcome>(form.Get("outcome")),
         .note = form.Get("outcome_note")});
  });
}

}  // namespace cercle::web::pages::concerns
