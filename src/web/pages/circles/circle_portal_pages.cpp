// The volunteer's phone view of their circles: the next meeting, the minutes to write (within 48
// hours) and the coordinator's comments, the contacts between meetings, and their calendar feed.
// Each handler parses the request, calls one app::circles function (which reads only what the
// volunteer may read, and answers NotFound for a circle they were never in or may no longer read),
// and turns the typed page into the template's data with one view function per section.
#include <set>

#include "app/circles/portal_circle.hpp"
#include "base/text.hpp"
#include "domain/enum_names.hpp"
#include "domain/hours.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_details.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_portal.hpp"
#include "web/pages/circles/minutes_view.hpp"
#include "web/pages/drafts/draft_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using app::circles::PortalCirclePage;
using app::circles::PortalMeetingPage;
using app::circles::PortalMeetingRow;

// When the minutes of `meeting` are due, in the reader's language.
std::string DueText(const Context& context, const domain::Meeting& meeting) {
  return context.services.translator.FormatDateTime(context.language,
                                                    domain::MinutesDueAt(meeting));
}

mstch::map MeetingRowView(const Context& context, const PortalMeetingRow& row) {
  const auto& meeting = row.meeting;
  return mstch::map{{"href", PortalMeetingHref(meeting.id)},
                    {"when", FormatMeetingTime(context, meeting.starts)},
                    {"kind", context.Translate(domain::LabelOf(meeting.kind))},
                    {"place", PlaceShown(context, meeting)},
                    {"state", context.Translate(domain::LabelOf(row.state))},
                    {"late", row.state == domain::MinutesState::kLate},
                    {"writer_is_me", row.writer_is_me},
                    {"commented", row.commented}};
}

mstch::array MeetingRowsView(const Context& context, const std::vector<PortalMeetingRow>& rows) {
  mstch::array views;
  for (const auto& row : rows) views.push_back(MeetingRowView(context, row));
  return views;
}

// The core member, as volunteers may know him.
mstch::map CoreMemberView(const Context& context, const domain::VolunteerCoreMemberView& view) {
  mstch::array conditions;
  for (const auto& condition : view.conditions) {
    mstch::map row{
        {"kind", context.Translate(condition.kind_label)},
        {"text", condition.protects_victim ? context.Translate(condition.text) : condition.text},
        {"protected", condition.protects_victim}};
    if (condition.ends_on) row["ends"] = FormatDay(context, *condition.ends_on);
    conditions.push_back(std::move(row));
  }
  std::string language = context.Translate(domain::LabelOf(view.preferred_language));
  if (view.preferred_language == domain::PreferredLanguage::kOther &&
      !view.other_language.empty()) {
    language = view.other_language;
  }
  return mstch::map{{"name", view.name},
                    {"language", language},
                    {"region", view.region},
                    {"summary", view.summary},
                    {"conditions", conditions}};
}

mstch::array MembersView(const PortalCirclePage& page) {
  mstch::array members;
  for (const auto& member : page.members) {
    members.push_back(
        mstch::map{{"name", member.name}, {"primary", member.primary}, {"me", member.me}});
  }
  return members;
}

// Meetings: the next ones, the minutes to write, and the latest held ones.
void AddMeetingsView(const Context& context, const PortalCirclePage& page, mstch::map& model) {
  if (page.next_meeting) model["next_meeting"] = MeetingRowView(context, *page.next_meeting);
  model["has_more_upcoming"] = !page.later.empty();
  model["later"] = MeetingRowsView(context, page.later);
  mstch::array to_write;
  for (const auto& row : page.to_write) {
    auto view = MeetingRowView(context, row);
    view["due"] = DueText(context, row.meeting);
    to_write.push_back(std::move(view));
  }
  model["has_to_write"] = !to_write.empty();
  model["to_write"] = to_write;
  model["held"] = MeetingRowsView(context, page.held);
}

// Contacts between meetings.
mstch::array ContactsView(const Context& context, const PortalCirclePage& page) {
  mstch::array contacts;
  for (const auto& [contact, who] : page.contacts) {
    contacts.push_back(mstch::map{{"date", FormatDay(context, contact.contacted_on)},
                                  {"who", who},
                                  {"kind", context.Translate(domain::LabelOf(contact.kind))},
                                  {"length", FormatLength(context, contact.duration_minutes)},
                                  {"note", contact.note}});
  }
  return contacts;
}

// The form that logs a contact: today and a call unless a refused form is shown again.
mstch::map ContactFormView(const Context& context, const PortalCirclePage& page, const Form* form,
                           const Error* error) {
  mstch::map contact_form =
      form ? form->Model(context, {"contacted_on", "kind", "duration", "note"}, error)
           : EmptyForm({"contacted_on", "kind", "duration", "note"});
  if (!form) contact_form["contacted_on"] = mstch::map{{"value", FormatIsoDate(page.today)}};
  contact_form["kinds"] = Choices(
      context, domain::EnumValues<domain::ContactKind>(), domain::NameOf<domain::ContactKind>,
      domain::LabelOf<domain::ContactKind>, form ? form->Get("kind") : "call");
  return contact_form;
}

Response RenderPortalCircle(Context& context, const PortalCirclePage& page, const Form* form,
                            const Error* error, const std::string& notice) {
  const auto& circle = page.circle;
  mstch::map model{{"id", std::to_string(circle.id)},
                   {"code_name", circle.code_name},
                   {"phase", context.Translate(domain::LabelOf(circle.phase))},
                   {"phase_badge", PhaseBadge(circle.phase)},
                   {"closed", circle.closed()},
                   {"has_feed", page.has_feed}};
  if (page.access_ends) model["access_ends"] = FormatDay(context, *page.access_ends);
  AddDetailRows(context, circle, model);
  if (page.core_member) model["core_member"] = CoreMemberView(context, *page.core_member);
  model["members"] = MembersView(page);
  AddMeetingsView(context, page, model);
  model["contacts"] = ContactsView(context, page);
  model["can_log"] = page.can_log;
  model["contact_form"] = ContactFormView(context, page, form, error);
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "circle_portal", circle.code_name, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// The name of volunteer `id` among the meeting's members.
std::string MemberName(const PortalMeetingPage& page, std::int64_t id) {
  for (const auto& [member, name] : page.members) {
    if (member == id) return name;
  }
  return "—";
}

// The minutes as written, with the coordinator's acknowledgement.
mstch::map MinutesView(const Context& context, const PortalMeetingPage& page,
                       const domain::Minutes& minutes) {
  mstch::array present;
  for (const auto id : minutes.present_volunteers) present.push_back(MemberName(page, id));
  return mstch::map{{"writer", MemberName(page, minutes.written_by_volunteer_id)},
                    {"length", FormatLength(context, minutes.duration_minutes)},
                    {"core_member_present", minutes.core_member_present},
                    {"present", present},
                    {"parts", MinutesParts(context, minutes, BlankParts::kLeaveOut)},
                    {"acknowledged", minutes.acknowledged()},
                    {"comment", minutes.coordinator_comment}};
}

// The form that writes the minutes: the planned length and everyone ticked present, unless a
// refused form is shown again.
mstch::map WriteView(const Context& context, const PortalMeetingPage& page, const Form* form,
                     const Error* error) {
  static const std::initializer_list<std::string> kFields = {
      "duration", "check_in", "accountability", "support", "decisions", "next_steps", "present"};
  mstch::map write = form ? form->Model(context, kFields, error) : EmptyForm(kFields);
  if (!form) {
    write["duration"] =
        mstch::map{{"value", volunteers::DurationText(page.meeting.duration_minutes)}};
  }
  std::set<std::string> ticked;
  if (form) {
    for (const auto& id : form->All("present")) ticked.insert(id);
  }
  mstch::array choices;
  for (const auto& [id, name] : page.members) {
    const std::string value = std::to_string(id);
    choices.push_back(mstch::map{
        {"value", value}, {"label", name}, {"checked", form ? ticked.contains(value) : true}});
  }
  write["choices"] = choices;
  write["core_member_present"] = form ? form->Get("core_member_present") == "1" : true;
  write["due"] = DueText(context, page.meeting);
  return write;
}

Response RenderPortalMeeting(Context& context, const PortalMeetingPage& page, const Form* form,
                             const Error* error, const std::string& notice) {
  const auto& meeting = page.meeting;
  mstch::map model =
      MeetingHead(context, meeting, page.circle.code_name, PortalCircleHref(page.circle.id));
  model["state"] = context.Translate(domain::LabelOf(page.state));
  model["late"] = page.state == domain::MinutesState::kLate;
  model["cancelled"] = meeting.cancelled();
  if (page.minutes) {
    model["minutes"] = MinutesView(context, page, *page.minutes);
  } else if (page.may_write) {
    model["write"] = WriteView(context, page, form, error);
  }
  if (!notice.empty()) model["notice"] = notice;
  // Once the minutes are sent, a concern they mention is one tap away, in the same tab.
  model["offer_concern"] = page.minutes.has_value() && !page.circle.closed();
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(
      context, "circle_portal_meeting",
      page.circle.code_name + " — " + context.Translate(domain::LabelOf(meeting.kind)),
      std::move(model), error ? StatusFor(error->kind) : 200);
}

// The phone view of a circle, and of a meeting.
constexpr RecordPage<PortalCirclePage> kCirclePage{"circle", app::circles::LoadPortalCircle,
                                                   RenderPortalCircle};
constexpr RecordPage<PortalMeetingPage> kMeetingPage{"meeting", app::circles::LoadPortalMeeting,
                                                     RenderPortalMeeting};

// GET of `page` as ShowRecord, with the user's draft of `form` for the record `target` names
// restored in its form when there is one (app/drafts).
template <class Page>
Response ShowWithDraft(Context& context, const RecordPage<Page>& page, const std::string& notice,
                       domain::DraftForm form, std::int64_t (*target)(const Page&)) {
  const auto read = CallWithPathId(context, page.load, app::circles::ViewAudit::kRecord);
  if (!read) return Deny(context, page.object_type, context.Parameter("id"));
  const auto draft = drafts::RestoredForm(context, form, target(*read));
  return page.render(context, *read, draft ? &*draft : nullptr, nullptr, notice);
}

}  // namespace

mstch::array PortalCircleRows(const Context& context,
                              const std::vector<app::circles::PortalCircleRow>& circles) {
  mstch::array rows;
  for (const auto& circle_row : circles) {
    const auto& circle = circle_row.circle;
    mstch::map row{{"href", PortalCircleHref(circle.id)},
                   {"code_name", circle.code_name},
                   {"phase", context.Translate(domain::LabelOf(circle.phase))},
                   {"phase_badge", PhaseBadge(circle.phase)},
                   {"closed", circle.closed()}};
    if (circle_row.core_member) row["core_member"] = *circle_row.core_member;
    if (circle_row.access_ends) row["access_ends"] = FormatDay(context, *circle_row.access_ends);
    if (const auto& next = circle_row.next_meeting) {
      row["next_meeting"] = FormatMeetingTime(context, next->starts);
      row["next_place"] = next->place;
    }
    mstch::array to_write;
    for (const auto& meeting : circle_row.to_write) {
      to_write.push_back(mstch::map{{"href", PortalMeetingHref(meeting.meeting.id)},
                                    {"when", FormatMeetingTime(context, meeting.meeting.starts)},
                                    {"late", meeting.state == domain::MinutesState::kLate}});
    }
    row["to_write"] = to_write;
    rows.push_back(std::move(row));
  }
  return rows;
}

Response ShowPortalCircle(Context& context) {
  return ShowWithDraft(
      context, kCirclePage,
      context.request.query == "logged=1"
          ? context.Translate(
                N_("The contact is recorded. The coordinator will approve its hours."))
          : "",
      domain::DraftForm::kContact, +[](const PortalCirclePage& page) { return page.circle.id; });
}

Response ShowPortalMeeting(Context& context) {
  const std::string notice =
      context.request.query == "saved=1"
          ? context.Translate(N_(
                "Thank you: the minutes are sent to the coordinator, and your hours are counted."))
          : "";
  return ShowWithDraft(
      context, kMeetingPage, notice, domain::DraftForm::kMinutes,
      +[](const PortalMeetingPage& page) { return page.meeting.id; });
}

Response SubmitMinutes(Context& context) {
  return PostForm(
      context, kMeetingPage.object_type,
      [&](std::int64_t id, const Form& form) {
        app::circles::MinutesCommand command{
            .meeting_id = id,
            .core_member_present = form.Get("core_member_present") == "1",
            .duration_minutes = domain::ParseDuration(form.Get("duration")),
            .check_in = form.Get("check_in"),
            .accountability = form.Get("accountability"),
            .support = form.Get("support"),
            .decisions = form.Get("decisions"),
            .next_steps = form.Get("next_steps")};
        for (const auto& value : form.All("present"))
          command.present.push_back(ParseId(value).value_or(0));
        return app::circles::SubmitMinutes(context.services.app, context.signed_in(), command);
      },
      ShowAgain(context, kMeetingPage),
      [](std::int64_t, std::int64_t meeting) { return PortalMeetingHref(meeting) + "?saved=1"; });
}

Response LogContact(Context& context) {
  return PostForm(
      context, kCirclePage.object_type,
      [&](std::int64_t id, const Form& form) {
        return app::circles::LogContact(
            context.services.app, context.signed_in(),
            {.circle_id = id,
             .contacted_on = ParseIsoDate(Trimmed(form.Get("contacted_on"))),
             .kind = domain::ParseEnum<domain::ContactKind>(form.Get("kind")),
             .duration_minutes = domain::ParseDuration(form.Get("duration")),
             .note = form.Get("note")});
      },
      ShowAgain(context, kCirclePage),
      [](std::int64_t id, std::int64_t) { return PortalCircleHref(id) + "?logged=1#contacts"; });
}

Response ResetCalendar(Context& context) {
  const auto address = app::circles::ResetCalendar(context.services.app, context.signed_in());
  if (!address) return Deny(context, "volunteer", "");
  mstch::map model{{"address", address->address}, {"webcal", address->webcal}};
  return RenderPage(context, "circle_calendar", context.Translate(N_("My meetings calendar")),
                    std::move(model));
}

}  // namespace cercle::web::pages::circles
