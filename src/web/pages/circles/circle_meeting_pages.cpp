// Meetings for coordinators: planning (one, or a series at the phase's rhythm), a meeting's page
// with its minutes, cancelling, and acknowledging minutes with a comment the volunteers read. The
// work is app::circles'; these handlers parse, call and show.
#include "app/circles/circle_meetings.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/hours.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/pages/circles/minutes_view.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using app::circles::MeetingPage;

// The minutes section of a meeting's page: who wrote them and when, who was there, and what they
// say.
mstch::map MinutesView(const Context& context, const MeetingPage& page) {
  const auto& minutes = *page.minutes;
  const auto name_of = [&](std::int64_t id) {
    const auto found = page.volunteer_names.find(id);
    return found == page.volunteer_names.end() ? std::string("—") : found->second;
  };
  mstch::array present;
  for (const auto id : minutes.present_volunteers) present.push_back(name_of(id));
  const auto& translator = context.services.translator;
  mstch::map model{{"writer", name_of(minutes.written_by_volunteer_id)},
                   {"submitted", translator.FormatDateTime(context.language, minutes.submitted_at)},
                   {"on_time", minutes.submitted_at <= domain::MinutesDueAt(page.meeting)},
                   {"length", FormatLength(context, minutes.duration_minutes)},
                   {"core_member_present", minutes.core_member_present},
                   {"present", present},
                   {"parts", MinutesParts(context, minutes)},
                   {"acknowledged", minutes.acknowledged()},
                   {"comment", minutes.coordinator_comment}};
  return model;
}

// The template data of a meeting's page.
mstch::map MeetingView(const Context& context, const MeetingPage& page, const Form* form,
                       const Error* error, const std::string& notice) {
  const auto& meeting = page.meeting;
  const domain::Minutes* minutes = page.minutes ? &*page.minutes : nullptr;
  const auto state = domain::MinutesStateOf(meeting, minutes, context.services.clock.Now());
  const auto writer = meeting.writer_volunteer_id
                          ? page.volunteer_names.find(*meeting.writer_volunteer_id)
                          : page.volunteer_names.end();
  mstch::map model =
      MeetingHead(context, meeting, page.circle.code_name, CircleHref(page.circle.id));
  model["length"] = FormatLength(context, meeting.duration_minutes);
  // The coordinators' page only: why it was planned despite a condition.
  model["override_reason"] = meeting.clash_override_reason;
  model["writer"] = !meeting.writer_volunteer_id           ? std::string()
                    : writer == page.volunteer_names.end() ? std::string("—")
                                                           : writer->second;
  model["state"] = context.Translate(domain::LabelOf(state));
  model["late"] = state == domain::MinutesState::kLate;
  model["cancelled"] = meeting.cancelled();
  model["can_cancel"] = !minutes && !meeting.cancelled() && !page.circle.closed();
  if (state == domain::MinutesState::kDue || state == domain::MinutesState::kLate) {
    model["due"] =
        context.services.translator.FormatDateTime(context.language, domain::MinutesDueAt(meeting));
  }
  if (minutes) {
    model["minutes"] = MinutesView(context, page);
    // The acknowledgement, or its form (with what was typed when it failed).
    if (minutes->acknowledged()) {
      model["acknowledged_on"] =
          context.services.translator.FormatDateTime(context.language, *minutes->acknowledged_at);
    } else {
      model["acknowledge"] =
          form ? form->Model(context, {"comment"}, error) : EmptyForm({"comment"});
    }
  }
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return model;
}

Response RenderMeeting(Context& context, const MeetingPage& page, const Form* form,
                       const Error* error, const std::string& notice) {
  return RenderPage(
      context, "circle_meeting",
      page.circle.code_name + " — " + context.Translate(domain::LabelOf(page.meeting.kind)),
      MeetingView(context, page, form, error, notice), error ? StatusFor(error->kind) : 200);
}

// A meeting's page.
constexpr RecordPage<MeetingPage> kMeetingPage{"meeting", app::circles::LoadMeetingPage,
                                               RenderMeeting};

// Plans the meetings of the form posted about circle `circle_id`.
Result<std::int64_t> Plan(Context& context, std::int64_t circle_id, const Form& form) {
  domain::MeetingPlan plan;
  plan.kind = domain::ParseEnum<domain::MeetingKind>(form.Get("kind"));
  plan.date = ParseIsoDate(Trimmed(form.Get("date")));
  plan.start_minute = ParseTime(form.Get("time"));
  plan.duration_minutes = domain::ParseDuration(form.Get("duration"));
  // The place is the venue chosen (the form no longer takes free text); an unknown mode is read as
  // in person, whose missing venue the app refuses.
  plan.mode = domain::ParseEnum<domain::MeetingMode>(form.Get("mode"))
                  .value_or(domain::MeetingMode::kInPerson);
  plan.venue_id = ParseId(form.Get("venue"));
  const std::string count = Trimmed(form.Get("count"));
  plan.count = count.empty() ? 1
               : count.size() <= 2 && count.find_first_not_of("0123456789") == std::string::npos
                   ? std::stoi(count)
                   : 0;
  return app::circles::PlanMeetings(context.services.app, context.signed_in(),
                                    {.circle_id = circle_id,
                                     .plan = plan,
                                     .writer_volunteer_id = ParseId(form.Get("writer")),
                                     .override_clashes = form.Get("override") == "yes",
                                     .override_reason = form.Get("override_reason")});
}

}  // namespace

Response PlanMeetings(Context& context) {
  return PostCircleForm(context, "meeting", "?saved=meetings#meetings", Plan);
}

Response ShowMeeting(Context& context) {
  std::string notice;
  const auto query = context.request.QueryParameters();
  if (const auto saved = query.find("saved");
      saved != query.end() && saved->second == "acknowledged") {
    notice = context.Translate(
        N_("The minutes are acknowledged. The volunteers will see your comment."));
  }
  return ShowRecord(context, kMeetingPage, notice);
}

Response CancelMeeting(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "meeting", context.Parameter("id"));
  const auto circle = app::circles::CancelMeeting(context.services.app, context.signed_in(), *id);
  if (!circle) return RefusedOnRecord(context, kMeetingPage, *id, nullptr, circle.error());
  return Response::Redirect(CircleHref(*circle) + "?saved=meetings#meetings");
}

Response AcknowledgeMinutes(Context& context) {
  return PostForm(
      context, kMeetingPage.object_type,
      [&](std::int64_t id, const Form& form) {
        return app::circles::AcknowledgeMinutes(context.services.app, context.signed_in(),
                                                {.meeting_id = id, .comment = form.Get("comment")});
      },
      ShowAgain(context, kMeetingPage),
      [](std::int64_t id, std::int64_t) {
        return "/circles/meetings/" + std::to_string(id) + "?saved=acknowledged";
      });
}

}  // namespace cercle::web::pages::circles
