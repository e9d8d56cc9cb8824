// Meetings for coordinators: planning (one, or a series at the phase's rhythm), a meeting's page
// with its minutes, cancelling, and acknowledging minutes with a comment the volunteers read.
#include "auth/policies/circle_policy.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/hours.hpp"
#include "store/circle_store.hpp"
#include "store/meeting_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

// The meeting named by the {id} path parameter and its circle, when the actor may manage the
// circle.
struct ManagedMeeting {
  store::MeetingRecord record;
  domain::Circle circle;
};

std::optional<ManagedMeeting> FindManagedMeeting(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !auth::policies::CirclePolicy::CanManage(actor)) return std::nullopt;
  auto record = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::MeetingStore(session).Find(*id, *actor.organisation_id);
  });
  if (!record) return std::nullopt;
  auto circle = FindManagedCircle(context, record->meeting.circle_id);
  if (!circle) return std::nullopt;
  return ManagedMeeting{std::move(*record), std::move(*circle)};
}

// The parts of the minutes, in the order they are written, with their labels.
mstch::array MinutesParts(const Context& context, const domain::Minutes& minutes) {
  const std::pair<const char*, const std::string*> parts[] = {
      {N_("Check-in"), &minutes.check_in},
      {N_("Accountability: relationships, risk factors, situations"), &minutes.accountability},
      {N_("Support given"), &minutes.support},
      {N_("Decisions"), &minutes.decisions},
      {N_("Next steps"), &minutes.next_steps}};
  mstch::array rows;
  for (const auto& [label, text] : parts) {
    rows.push_back(
        mstch::map{{"label", context.Translate(label)}, {"text", *text}, {"empty", text->empty()}});
  }
  return rows;
}

Response RenderMeeting(Context& context, const ManagedMeeting& managed, const Form* form,
                       const Error* error, const std::string& notice) {
  const auto& actor = context.signed_in();
  const auto& meeting = managed.record.meeting;
  const auto names = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    std::map<std::int64_t, std::string> names;
    store::VolunteerFilter every;
    every.include_closed = true;
    for (const auto& volunteer :
         store::VolunteerStore(session).List(managed.circle.organisation_id, every)) {
      names[volunteer.id] = volunteer.FullName();
    }
    return names;
  });
  const auto name_of = [&](std::optional<std::int64_t> id) {
    const auto found = id ? names.find(*id) : names.end();
    return found == names.end() ? std::string("—") : found->second;
  };
  const Instant now = context.services.clock.Now();
  const domain::Minutes* minutes = managed.record.minutes ? &*managed.record.minutes : nullptr;
  const auto state = domain::MinutesStateOf(meeting, minutes, now);
  mstch::map model{{"id", std::to_string(meeting.id)},
                   {"circle", managed.circle.code_name},
                   {"circle_href", CircleHref(managed.circle.id)},
                   {"when", FormatMeetingTime(context, meeting.starts)},
                   {"kind", context.Translate(domain::MeetingKindLabel(meeting.kind))},
                   {"place", meeting.place},
                   {"length", FormatLength(context, meeting.duration_minutes)},
                   {"writer", meeting.writer_volunteer_id ? name_of(meeting.writer_volunteer_id)
                                                          : std::string()},
                   {"state", context.Translate(domain::MinutesStateLabel(state))},
                   {"late", state == domain::MinutesState::kLate},
                   {"cancelled", meeting.cancelled()},
                   {"can_cancel", !minutes && !meeting.cancelled() && !managed.circle.closed()}};
  if (state == domain::MinutesState::kDue || state == domain::MinutesState::kLate) {
    model["due"] =
        context.services.translator.FormatDateTime(context.language, domain::MinutesDueAt(meeting));
  }
  if (minutes) {
    mstch::array present;
    for (const auto id : minutes->present_volunteers) present.push_back(name_of(id));
    model["minutes"] = mstch::map{
        {"writer", name_of(minutes->written_by_volunteer_id)},
        {"submitted",
         context.services.translator.FormatDateTime(context.language, minutes->submitted_at)},
        {"on_time", minutes->submitted_at <= domain::MinutesDueAt(meeting)},
        {"length", FormatLength(context, minutes->duration_minutes)},
        {"core_member_present", minutes->core_member_present},
        {"present", present},
        {"parts", MinutesParts(context, *minutes)},
        {"acknowledged", minutes->acknowledged()},
        {"comment", minutes->coordinator_comment}};
    if (minutes->acknowledged()) {
      model["acknowledged_on"] =
          context.services.translator.FormatDateTime(context.language, *minutes->acknowledged_at);
    } else {
      mstch::map acknowledge =
          form ? form->Model(context, {"comment"}, error) : EmptyForm({"comment"});
      model["acknowledge"] = acknowledge;
    }
  }
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(
      context, "circle_meeting",
      managed.circle.code_name + " — " + context.Translate(domain::MeetingKindLabel(meeting.kind)),
      std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response PlanMeetings(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto refuse = [&](const Error& error) {
    return RenderCircle(context, *circle, {"meeting", 0, &form, &error, ""});
  };
  if (circle->closed())
    return refuse(Error::Conflict(N_("This circle is closed: it can no longer change.")));
  domain::MeetingPlan plan;
  plan.kind = domain::ParseMeetingKind(form.Get("kind"));
  plan.date = domain::ParseIsoDate(domain::volunteer_text::Trimmed(form.Get("date")));
  plan.start_minute = ParseTime(form.Get("time"));
  plan.duration_minutes = domain::ParseDuration(form.Get("duration"));
  plan.place = form.Get("place");
  const std::string count = domain::volunteer_text::Trimmed(form.Get("count"));
  plan.count = count.empty() ? 1
               : count.size() <= 2 && count.find_first_not_of("0123456789") == std::string::npos
                   ? std::stoi(count)
                   : 0;
  if (auto checked = domain::CheckMeetingPlan(plan, circle->phase, Today(context)); !checked) {
    return refuse(checked.error());
  }
  const auto writer = ParseId(form.Get("writer"));
  const auto& actor = context.signed_in();
  const Instant now = context.services.clock.Now();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (writer) {
          const auto members =
              store::CircleStore(session).Members(circle->id, circle->organisation_id);
          const bool member =
              std::any_of(members.begin(), members.end(), [&](const domain::CircleMember& m) {
                return m.current() && m.volunteer_id == *writer;
              });
          if (!member)
            return Error::Fields({{"writer", {N_("Choose a volunteer of the circle."), {}}}});
        }
        store::MeetingStore meetings(session);
        for (const auto date : domain::MeetingSeries(circle->phase, *plan.date, plan.count)) {
          domain::Meeting meeting;
          meeting.organisation_id = circle->organisation_id;
          meeting.circle_id = circle->id;
          meeting.kind = *plan.kind;
          meeting.starts = LocalInstant(context, date, *plan.start_minute);
          meeting.duration_minutes = *plan.duration_minutes;
          meeting.place = domain::volunteer_text::Trimmed(plan.place);
          meeting.writer_volunteer_id = writer;
          meeting.created_by = actor.user_id;
          meeting.created_at = now;
          meetings.Insert(meeting);
        }
        Audit(context, session, "circle.meeting_plan", "circle", circle->id);
        return {};
      });
  if (!done) return refuse(done.error());
  return Response::Redirect(CircleHref(circle->id) + "?saved=meetings#meetings");
}

Response ShowMeeting(Context& context) {
  const auto managed = FindManagedMeeting(context);
  if (!managed) return Deny(context, "meeting", context.Parameter("id"));
  RecordView(context, managed->record.minutes ? "circle.minutes_view" : "circle.meeting_view",
             "meeting", managed->record.meeting.id);
  std::string notice;
  const auto query = context.request.QueryParameters();
  if (const auto saved = query.find("saved");
      saved != query.end() && saved->second == "acknowledged") {
    notice = context.Translate(
        N_("The minutes are acknowledged. The volunteers will see your comment."));
  }
  return RenderMeeting(context, *managed, nullptr, nullptr, notice);
}

Response CancelMeeting(Context& context) {
  const auto managed = FindManagedMeeting(context);
  if (!managed) return Deny(context, "meeting", context.Parameter("id"));
  const auto& actor = context.signed_in();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (managed->circle.closed())
          return Error::Conflict(N_("This circle is closed: it can no longer change."));
        if (!store::MeetingStore(session).Cancel(managed->record.meeting.id,
                                                 managed->circle.organisation_id, actor.user_id,
                                                 context.services.clock.Now())) {
          return Error::Conflict(N_("This meeting has minutes or was cancelled already."));
        }
        Audit(context, session, "circle.meeting_cancel", "meeting", managed->record.meeting.id);
        return {};
      });
  if (!done) return RenderMeeting(context, *managed, nullptr, &done.error(), "");
  return Response::Redirect(CircleHref(managed->circle.id) + "?saved=meetings#meetings");
}

Response AcknowledgeMinutes(Context& context) {
  const auto managed = FindManagedMeeting(context);
  if (!managed) return Deny(context, "meeting", context.Parameter("id"));
  const Form form(context.request);
  if (!managed->record.minutes) {
    const Error error = Error::Conflict(N_("This meeting has no minutes yet."));
    return RenderMeeting(context, *managed, &form, &error, "");
  }
  const std::string comment = domain::volunteer_text::Trimmed(form.Get("comment"));
  if (auto checked = domain::CheckAcknowledgement(*managed->record.minutes, comment); !checked) {
    return RenderMeeting(context, *managed, &form, &checked.error(), "");
  }
  const auto& actor = context.signed_in();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!store::MeetingStore(session).Acknowledge(
                managed->record.meeting.id, managed->circle.organisation_id, actor.user_id, comment,
                context.services.clock.Now())) {
          return Error::Conflict(N_("These minutes are already acknowledged."));
        }
        Audit(context, session, "circle.minutes_acknowledge", "meeting",
              managed->record.meeting.id);
        return {};
      });
  if (!done) return RenderMeeting(context, *managed, &form, &done.error(), "");
  return Response::Redirect("/circles/meetings/" + std::to_string(managed->record.meeting.id) +
                            "?saved=acknowledged");
}

}  // namespace cercle::web::pages::circles
