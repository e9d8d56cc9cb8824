// The volunteer's phone view of their circles: the next meeting, the minutes to write (within 48
// hours) and the coordinator's comments, the contacts between meetings, and their calendar feed. Of
// the core member, volunteers read domain::ProjectForVolunteers only. A circle they were never in,
// or one that closed (or that they left) longer ago than the organisation's delay, answers 404.
#include <algorithm>
#include <set>

#include "auth/crypto.hpp"
#include "auth/policies/circle_policy.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/core_member_projection.hpp"
#include "domain/hours.hpp"
#include "store/calendar_token_store.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"
#include "store/meeting_store.hpp"
#include "store/settings_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_portal.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using auth::policies::CirclePolicy;

// How many held meetings and contacts the phone view lists.
constexpr std::size_t kPhoneRows = 8;

// The actor's own volunteer file, when they may have the circles' phone view.
std::optional<domain::Volunteer> OwnFile(Context& context) {
  if (!context.actor || !CirclePolicy::MayHaveVolunteerView(*context.actor)) return std::nullopt;
  const auto& actor = *context.actor;
  auto volunteer = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::VolunteerStore(session).FindByUser(actor.user_id, *actor.organisation_id);
  });
  if (!volunteer || volunteer->user_id != actor.user_id) return std::nullopt;
  return volunteer;
}

// A circle the volunteer may read, with their stays in it and the access delay.
struct OwnCircle {
  domain::Volunteer volunteer;
  domain::Circle circle;
  std::vector<domain::CircleMember> stays;
  CircleSettings settings;
};

std::optional<OwnCircle> FindOwnCircle(Context& context, std::int64_t circle_id) {
  const auto volunteer = OwnFile(context);
  if (!volunteer) return std::nullopt;
  const auto& actor = context.signed_in();
  struct Data {
    std::optional<domain::Circle> circle;
    std::vector<domain::CircleMember> stays;
    CircleSettings settings;
  };
  auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    store::CircleStore circles(session);
    data.circle = circles.Find(circle_id, volunteer->organisation_id);
    if (!data.circle) return data;
    for (auto& stay : circles.StaysOf(volunteer->id, volunteer->organisation_id)) {
      if (stay.circle_id == circle_id) data.stays.push_back(std::move(stay));
    }
    data.settings =
        CircleSettingsOf(store::SettingsStore(session).Load(volunteer->organisation_id));
    return data;
  });
  if (!data.circle || !CirclePolicy::CanVolunteerRead(actor, *volunteer, *data.circle, data.stays,
                                                      data.settings.access_days, Today(context))) {
    return std::nullopt;
  }
  return OwnCircle{*volunteer, std::move(*data.circle), std::move(data.stays), data.settings};
}

// The meeting named by the {id} path parameter, in a circle the volunteer may read.
struct OwnMeeting {
  OwnCircle own;
  store::MeetingRecord record;
};

std::optional<OwnMeeting> FindOwnMeeting(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !context.actor || !CirclePolicy::MayHaveVolunteerView(*context.actor))
    return std::nullopt;
  const auto& actor = context.signed_in();
  auto record = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::MeetingStore(session).Find(*id, *actor.organisation_id);
  });
  if (!record) return std::nullopt;
  auto own = FindOwnCircle(context, record->meeting.circle_id);
  if (!own) return std::nullopt;
  return OwnMeeting{std::move(*own), std::move(*record)};
}

bool MayWriteMinutes(Context& context, const OwnCircle& own, const domain::Meeting& meeting) {
  return CirclePolicy::CanVolunteerWriteMinutes(context.signed_in(), own.volunteer, own.circle,
                                                own.stays, own.settings.access_days,
                                                LocalDay(context, meeting.starts), Today(context));
}

// The volunteers of the circle on `day` (their stays covering it), by name.
std::vector<std::pair<std::int64_t, std::string>> MembersOn(
    const std::vector<domain::CircleMember>& members,
    const std::map<std::int64_t, std::string>& names, CivilDate day) {
  std::vector<std::pair<std::int64_t, std::string>> present;
  std::set<std::int64_t> seen;
  for (const auto& member : members) {
    if (member.joined_on > day || (member.left_on && *member.left_on < day) ||
        seen.contains(member.volunteer_id)) {
      continue;
    }
    seen.insert(member.volunteer_id);
    const auto name = names.find(member.volunteer_id);
    present.emplace_back(member.volunteer_id,
                         name == names.end() ? std::string("—") : name->second);
  }
  return present;
}

std::map<std::int64_t, std::string> VolunteerNames(
    soci::session& session, std::int64_t organisation_id,
    const std::vector<domain::CircleMember>& members) {
  std::map<std::int64_t, std::string> names;
  store::VolunteerStore volunteers(session);
  for (const auto& member : members) {
    if (names.contains(member.volunteer_id)) continue;
    if (const auto volunteer = volunteers.Find(member.volunteer_id, organisation_id)) {
      names[member.volunteer_id] = volunteer->FullName();
    }
  }
  return names;
}

Response RenderPortalCircle(Context& context, const OwnCircle& own, const Form* form,
                            const Error* error, const std::string& notice) {
  const auto& actor = context.signed_in();
  const auto& circle = own.circle;
  const std::int64_t organisation = circle.organisation_id;
  const auto today = Today(context);
  const Instant now = context.services.clock.Now();
  struct Data {
    std::optional<domain::CoreMember> core_member;
    std::vector<domain::Condition> conditions;
    std::vector<domain::CircleMember> members;
    std::map<std::int64_t, std::string> names;
    // The planned meetings, the held ones whose minutes are missing, and the latest held ones
    // (enough of them to fill the list once those this volunteer must write are set apart).
    std::vector<store::MeetingRecord> planned;
    std::vector<store::MeetingRecord> without_minutes;
    std::vector<store::MeetingRecord> held;
    std::vector<domain::CircleContact> contacts;  // the latest few
    bool has_feed = false;
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    data.core_member = store::CoreMemberStore(session).Find(circle.core_member_id, organisation);
    data.conditions = store::LegalStore(session).Conditions(circle.core_member_id, organisation);
    data.members = store::CircleStore(session).Members(circle.id, organisation);
    data.names = VolunteerNames(session, organisation, data.members);
    store::MeetingStore meetings(session);
    data.planned = meetings.PlannedOfCircle(circle.id, organisation, now);
    data.without_minutes = meetings.WithoutMinutesOfCircle(circle.id, organisation, now);
    data.held = meetings.HeldOfCircle(
        circle.id, organisation, now,
        {static_cast<std::int64_t>(kPhoneRows + data.without_minutes.size()), 0});
    data.contacts = store::CircleContactStore(session).OfCircle(
        circle.id, organisation, {static_cast<std::int64_t>(kPhoneRows), 0});
    data.has_feed = store::CalendarTokenStore(session).HasToken(own.volunteer.id, organisation);
    return data;
  });
  mstch::map model{{"id", std::to_string(circle.id)},
                   {"code_name", circle.code_name},
                   {"phase", context.Translate(domain::PhaseLabel(circle.phase))},
                   {"phase_badge", PhaseBadge(circle.phase)},
                   {"closed", circle.closed()},
                   {"has_feed", data.has_feed}};
  for (const auto& stay : own.stays) {
    if (const auto ends = domain::VolunteerAccessEnds(circle, stay, own.settings.access_days)) {
      model["access_ends"] = FormatDay(context, *ends);
    }
  }
  // The core member, as volunteers may know him.
  if (data.core_member) {
    const auto view = domain::ProjectForVolunteers(*data.core_member, data.conditions, today);
    mstch::array conditions;
    for (const auto& condition : view.conditions) {
      mstch::map row{
          {"kind", context.Translate(condition.kind_label)},
          {"text", condition.protects_victim ? context.Translate(condition.text) : condition.text},
          {"protected", condition.protects_victim}};
      if (condition.ends_on) row["ends"] = FormatDay(context, *condition.ends_on);
      conditions.push_back(std::move(row));
    }
    std::string language =
        context.Translate(domain::PreferredLanguageLabel(view.preferred_language));
    if (view.preferred_language == domain::PreferredLanguage::kOther &&
        !view.other_language.empty()) {
      language = view.other_language;
    }
    model["core_member"] = mstch::map{{"name", view.name},
                                      {"language", language},
                                      {"region", view.region},
                                      {"summary", view.summary},
                                      {"conditions", conditions}};
  }
  mstch::array members;
  for (const auto& member : data.members) {
    if (!member.current()) continue;
    const auto name = data.names.find(member.volunteer_id);
    members.push_back(
        mstch::map{{"name", name == data.names.end() ? std::string("—") : name->second},
                   {"primary", member.primary},
                   {"me", member.volunteer_id == own.volunteer.id}});
  }
  model["members"] = members;
  // Meetings: the next ones, the minutes to write, and the latest held ones.
  mstch::array upcoming, to_write, held;
  const auto row_of = [&](const store::MeetingRecord& record) {
    const auto& meeting = record.meeting;
    const domain::Minutes* minutes = record.minutes ? &*record.minutes : nullptr;
    const auto state = domain::MinutesStateOf(meeting, minutes, now);
    return mstch::map{{"href", "/portal/meetings/" + std::to_string(meeting.id)},
                      {"when", FormatMeetingTime(context, meeting.starts)},
                      {"kind", context.Translate(domain::MeetingKindLabel(meeting.kind))},
                      {"place", meeting.place},
                      {"state", context.Translate(domain::MinutesStateLabel(state))},
                      {"late", state == domain::MinutesState::kLate},
                      {"writer_is_me", meeting.writer_volunteer_id == own.volunteer.id},
                      {"commented", minutes && !minutes->coordinator_comment.empty()}};
  };
  for (const auto& record : data.planned) {
    if (upcoming.size() > kPhoneRows) break;
    upcoming.push_back(row_of(record));
  }
  // The minutes this volunteer may write now; the other held meetings are listed below.
  std::set<std::int64_t> writing;
  for (const auto& record : data.without_minutes) {
    const auto& meeting = record.meeting;
    const auto state =
        domain::MinutesStateOf(meeting, record.minutes ? &*record.minutes : nullptr, now);
    if ((state != domain::MinutesState::kDue && state != domain::MinutesState::kLate) ||
        !MayWriteMinutes(context, own, meeting)) {
      continue;
    }
    auto row = row_of(record);
    row["due"] =
        context.services.translator.FormatDateTime(context.language, domain::MinutesDueAt(meeting));
    to_write.push_back(std::move(row));
    writing.insert(meeting.id);
  }
  for (const auto& record : data.held) {
    if (writing.contains(record.meeting.id)) continue;
    held.push_back(row_of(record));
  }
  if (held.size() > kPhoneRows) held.resize(kPhoneRows);
  if (!upcoming.empty()) model["next_meeting"] = upcoming.front();
  // The following meetings, after the next one, at most a handful.
  mstch::array later;
  for (std::size_t i = 1; i < upcoming.size() && later.size() < kPhoneRows; ++i)
    later.push_back(upcoming[i]);
  model["has_more_upcoming"] = !later.empty();
  model["later"] = later;
  model["has_to_write"] = !to_write.empty();
  model["to_write"] = to_write;
  model["held"] = held;
  // Contacts between meetings.
  mstch::array contacts;
  for (const auto& contact : data.contacts) {
    const auto name = data.names.find(contact.volunteer_id);
    contacts.push_back(
        mstch::map{{"date", FormatDay(context, contact.contacted_on)},
                   {"who", name == data.names.end() ? std::string("—") : name->second},
                   {"kind", context.Translate(domain::ContactKindLabel(contact.kind))},
                   {"length", FormatLength(context, contact.duration_minutes)},
                   {"note", contact.note}});
  }
  model["contacts"] = contacts;
  const bool can_act = CirclePolicy::CanVolunteerAct(actor, own.volunteer, circle, own.stays);
  model["can_log"] = can_act;
  mstch::map contact_form =
      form ? form->Model(context, {"contacted_on", "kind", "duration", "note"}, error)
           : EmptyForm({"contacted_on", "kind", "duration", "note"});
  if (!form) contact_form["contacted_on"] = mstch::map{{"value", FormatIsoDate(today)}};
  contact_form["kinds"] = Choices(context, domain::ContactKinds(), domain::ContactKindName,
                                  domain::ContactKindLabel, form ? form->Get("kind") : "call");
  model["contact_form"] = contact_form;
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "circle_portal", circle.code_name, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

Response RenderPortalMeeting(Context& context, const OwnMeeting& own, const Form* form,
                             const Error* error, const std::string& notice) {
  const auto& actor = context.signed_in();
  const auto& meeting = own.record.meeting;
  const auto day = LocalDay(context, meeting.starts);
  const Instant now = context.services.clock.Now();
  const auto members = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    const auto stays =
        store::CircleStore(session).Members(own.own.circle.id, own.own.circle.organisation_id);
    return MembersOn(stays, VolunteerNames(session, own.own.circle.organisation_id, stays), day);
  });
  const domain::Minutes* minutes = own.record.minutes ? &*own.record.minutes : nullptr;
  const auto state = domain::MinutesStateOf(meeting, minutes, now);
  mstch::map model{{"id", std::to_string(meeting.id)},
                   {"circle", own.own.circle.code_name},
                   {"circle_href", PortalCircleHref(own.own.circle.id)},
                   {"when", FormatMeetingTime(context, meeting.starts)},
                   {"kind", context.Translate(domain::MeetingKindLabel(meeting.kind))},
                   {"place", meeting.place},
                   {"state", context.Translate(domain::MinutesStateLabel(state))},
                   {"late", state == domain::MinutesState::kLate},
                   {"cancelled", meeting.cancelled()}};
  const auto name_of = [&](std::int64_t id) {
    for (const auto& [member, name] : members) {
      if (member == id) return name;
    }
    return std::string("—");
  };
  if (minutes) {
    mstch::array present;
    for (const auto id : minutes->present_volunteers) present.push_back(name_of(id));
    const std::pair<const char*, const std::string*> parts[] = {
        {N_("Check-in"), &minutes->check_in},
        {N_("Accountability: relationships, risk factors, situations"), &minutes->accountability},
        {N_("Support given"), &minutes->support},
        {N_("Decisions"), &minutes->decisions},
        {N_("Next steps"), &minutes->next_steps}};
    mstch::array rows;
    for (const auto& [label, text] : parts) {
      if (!text->empty())
        rows.push_back(mstch::map{{"label", context.Translate(label)}, {"text", *text}});
    }
    model["minutes"] = mstch::map{{"writer", name_of(minutes->written_by_volunteer_id)},
                                  {"length", FormatLength(context, minutes->duration_minutes)},
                                  {"core_member_present", minutes->core_member_present},
                                  {"present", present},
                                  {"parts", rows},
                                  {"acknowledged", minutes->acknowledged()},
                                  {"comment", minutes->coordinator_comment}};
  } else if ((state == domain::MinutesState::kDue || state == domain::MinutesState::kLate) &&
             MayWriteMinutes(context, own.own, meeting)) {
    static const std::initializer_list<std::string> kFields = {
        "duration", "check_in", "accountability", "support", "decisions", "next_steps", "present"};
    mstch::map write = form ? form->Model(context, kFields, error) : EmptyForm(kFields);
    if (!form)
      write["duration"] = mstch::map{{"value", volunteers::DurationText(meeting.duration_minutes)}};
    std::set<std::string> ticked;
    if (form) {
      for (const auto& id : form->All("present")) ticked.insert(id);
    }
    mstch::array choices;
    for (const auto& [id, name] : members) {
      const std::string value = std::to_string(id);
      choices.push_back(mstch::map{
          {"value", value}, {"label", name}, {"checked", form ? ticked.contains(value) : true}});
    }
    write["choices"] = choices;
    write["core_member_present"] = form ? form->Get("core_member_present") == "1" : true;
    write["due"] =
        context.services.translator.FormatDateTime(context.language, domain::MinutesDueAt(meeting));
    model["write"] = write;
  }
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(
      context, "circle_portal_meeting",
      own.own.circle.code_name + " — " + context.Translate(domain::MeetingKindLabel(meeting.kind)),
      std::move(model), error ? StatusFor(error->kind) : 200);
}

// What the portal's list of a volunteer's circles needs.
struct PortalCirclesData {
  std::vector<domain::CircleMember> stays;
  std::vector<domain::Circle> circles;
  std::map<std::int64_t, std::string> names;
  std::vector<store::MeetingRecord> meetings;
  CircleSettings settings;
};

// Reads the circles `volunteer` has stayed in (open ones first, by code name), their core members'
// names and their meetings without minutes.
PortalCirclesData LoadPortalCircles(Context& context, const domain::Volunteer& volunteer) {
  const std::int64_t organisation = volunteer.organisation_id;
  return context.services.database.Read(context.signed_in().scope(), [&](soci::session& session) {
    PortalCirclesData data;
    store::CircleStore circles(session);
    data.stays = circles.StaysOf(volunteer.id, organisation);
    if (data.stays.empty()) return data;
    std::vector<std::int64_t> ids;
    for (const auto& stay : data.stays) ids.push_back(stay.circle_id);
    data.circles = circles.FindMany(ids, organisation);
    // Open circles first, by code name ("Cercle B" before "Cercle AA"), then the closed ones.
    std::sort(data.circles.begin(), data.circles.end(),
              [](const domain::Circle& a, const domain::Circle& b) {
                if (a.closed() != b.closed()) return !a.closed();
                if (a.code_name.size() != b.code_name.size())
                  return a.code_name.size() < b.code_name.size();
                return a.code_name < b.code_name;
              });
    data.settings = CircleSettingsOf(store::SettingsStore(session).Load(organisation));
    std::vector<std::int64_t> core_member_ids;
    for (const auto& circle : data.circles) core_member_ids.push_back(circle.core_member_id);
    for (const auto& core_member :
         store::CoreMemberStore(session).FindMany(core_member_ids, organisation)) {
      data.names[core_member.id] = core_member.name_used();
    }
    // The next meeting and the minutes to write need only the meetings without minutes.
    data.meetings = store::MeetingStore(session).WithoutMinutesOfCircles(ids, organisation);
    return data;
  });
}

// Adds to `row` the circle's next meeting and the minutes its volunteer has to write.
void AddMeetingsToWrite(Context& context, const OwnCircle& own,
                        const std::vector<store::MeetingRecord>& meetings, Instant now,
                        mstch::map& row) {
  mstch::array to_write;
  for (const auto& record : meetings) {
    if (record.meeting.circle_id != own.circle.id) continue;
    const auto state =
        domain::MinutesStateOf(record.meeting, record.minutes ? &*record.minutes : nullptr, now);
    if (state == domain::MinutesState::kPlanned && !row.count("next_meeting")) {
      row["next_meeting"] = FormatMeetingTime(context, record.meeting.starts);
      row["next_place"] = record.meeting.place;
    }
    if ((state == domain::MinutesState::kDue || state == domain::MinutesState::kLate) &&
        (!record.meeting.writer_volunteer_id ||
         record.meeting.writer_volunteer_id == own.volunteer.id) &&
        MayWriteMinutes(context, own, record.meeting)) {
      to_write.push_back(
          mstch::map{{"href", "/portal/meetings/" + std::to_string(record.meeting.id)},
                     {"when", FormatMeetingTime(context, record.meeting.starts)},
                     {"late", state == domain::MinutesState::kLate}});
    }
  }
  row["to_write"] = to_write;
}

}  // namespace

mstch::array PortalCircles(Context& context, const domain::Volunteer& volunteer) {
  const auto& actor = context.signed_in();
  const auto today = Today(context);
  const Instant now = context.services.clock.Now();
  const auto data = LoadPortalCircles(context, volunteer);
  mstch::array rows;
  for (const auto& circle : data.circles) {
    std::vector<domain::CircleMember> stays;
    for (const auto& stay : data.stays) {
      if (stay.circle_id == circle.id) stays.push_back(stay);
    }
    if (!CirclePolicy::CanVolunteerRead(actor, volunteer, circle, stays, data.settings.access_days,
                                        today))
      continue;
    const OwnCircle own{volunteer, circle, stays, data.settings};
    mstch::map row{{"href", PortalCircleHref(circle.id)},
                   {"code_name", circle.code_name},
                   {"phase", context.Translate(domain::PhaseLabel(circle.phase))},
                   {"phase_badge", PhaseBadge(circle.phase)},
                   {"closed", circle.closed()}};
    if (const auto name = data.names.find(circle.core_member_id); name != data.names.end()) {
      row["core_member"] = name->second;
    }
    for (const auto& stay : stays) {
      if (const auto ends = domain::VolunteerAccessEnds(circle, stay, data.settings.access_days)) {
        row["access_ends"] = FormatDay(context, *ends);
      }
    }
    AddMeetingsToWrite(context, own, data.meetings, now, row);
    rows.push_back(std::move(row));
  }
  return rows;
}

Response ShowPortalCircle(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto own = id ? FindOwnCircle(context, *id) : std::nullopt;
  if (!own) return Deny(context, "circle", context.Parameter("id"));
  RecordView(context, "circle.view", "circle", own->circle.id);
  std::string notice;
  if (context.request.query == "logged=1") {
    notice =
        context.Translate(N_("The contact is recorded. The coordinator will approve its hours."));
  }
  return RenderPortalCircle(context, *own, nullptr, nullptr, notice);
}

Response ShowPortalMeeting(Context& context) {
  const auto own = FindOwnMeeting(context);
  if (!own) return Deny(context, "meeting", context.Parameter("id"));
  RecordView(context, own->record.minutes ? "circle.minutes_view" : "circle.meeting_view",
             "meeting", own->record.meeting.id);
  const std::string notice =
      context.request.query == "saved=1"
          ? context.Translate(N_(
                "Thank you: the minutes are sent to the coordinator, and your hours are counted."))
          : "";
  return RenderPortalMeeting(context, *own, nullptr, nullptr, notice);
}

Response SubmitMinutes(Context& context) {
  const auto own = FindOwnMeeting(context);
  if (!own) return Deny(context, "meeting", context.Parameter("id"));
  const Form form(context.request);
  const auto& meeting = own->record.meeting;
  const auto refuse = [&](const Error& error) {
    return RenderPortalMeeting(context, *own, &form, &error, "");
  };
  if (own->record.minutes)
    return refuse(Error::Conflict(N_("The minutes of this meeting are already written.")));
  if (!MayWriteMinutes(context, own->own, meeting)) {
    return refuse(
        Error::Invalid(N_("You were not a member of this circle on the day of this meeting.")));
  }
  const auto& actor = context.signed_in();
  const auto day = LocalDay(context, meeting.starts);
  const auto members = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    const auto stays =
        store::CircleStore(session).Members(own->own.circle.id, own->own.circle.organisation_id);
    return MembersOn(stays, {}, day);
  });
  domain::Minutes minutes;
  minutes.meeting_id = meeting.id;
  minutes.organisation_id = own->own.circle.organisation_id;
  minutes.written_by_volunteer_id = own->own.volunteer.id;
  minutes.written_by = actor.user_id;
  minutes.core_member_present = form.Get("core_member_present") == "1";
  for (const auto& value : form.All("present")) {
    const auto id = ParseId(value);
    const bool member = id && std::any_of(members.begin(), members.end(),
                                          [&](const auto& entry) { return entry.first == *id; });
    if (!member) return refuse(Error::Fields({{"present", {N_("Tick who was present."), {}}}}));
    if (std::find(minutes.present_volunteers.begin(), minutes.present_volunteers.end(), *id) ==
        minutes.present_volunteers.end()) {
      minutes.present_volunteers.push_back(*id);
    }
  }
  minutes.duration_minutes = domain::ParseDuration(form.Get("duration")).value_or(0);
  minutes.check_in = form.Get("check_in");
  minutes.accountability = form.Get("accountability");
  minutes.support = form.Get("support");
  minutes.decisions = form.Get("decisions");
  minutes.next_steps = form.Get("next_steps");
  minutes.submitted_at = context.services.clock.Now();
  if (auto checked = domain::CheckMinutes(minutes, meeting, minutes.submitted_at); !checked) {
    return refuse(checked.error());
  }
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!store::MeetingStore(session).InsertMinutes(minutes, day, own->own.circle.code_name)) {
          return Error::Conflict(N_("The minutes of this meeting are already written."));
        }
        Audit(context, session, "circle.minutes_submit", "meeting", meeting.id);
        return {};
      });
  if (!done) return refuse(done.error());
  return Response::Redirect("/portal/meetings/" + std::to_string(meeting.id) + "?saved=1");
}

Response LogContact(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto own = id ? FindOwnCircle(context, *id) : std::nullopt;
  if (!own) return Deny(context, "circle", context.Parameter("id"));
  const Form form(context.request);
  const auto& actor = context.signed_in();
  const auto refuse = [&](const Error& error) {
    return RenderPortalCircle(context, *own, &form, &error, "");
  };
  if (!CirclePolicy::CanVolunteerAct(actor, own->volunteer, own->circle, own->stays)) {
    return refuse(Error::Invalid(N_("This circle has ended: contacts can no longer be logged.")));
  }
  domain::CircleContact contact;
  contact.organisation_id = own->circle.organisation_id;
  contact.circle_id = own->circle.id;
  contact.volunteer_id = own->volunteer.id;
  const auto on = ParseIsoDate(domain::volunteer_text::Trimmed(form.Get("contacted_on")));
  const auto kind = domain::ParseContactKind(form.Get("kind"));
  const auto minutes = domain::ParseDuration(form.Get("duration"));
  std::vector<FieldError> errors;
  if (!on) errors.push_back({"contacted_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
  if (!kind) errors.push_back({"kind", {N_("Choose the kind of contact."), {}}});
  if (!minutes) {
    errors.push_back(
        {"duration", {N_("Enter a duration such as 1.5 or 1:30, at most 24 hours."), {}}});
  }
  if (!errors.empty()) return refuse(Error::Fields(std::move(errors)));
  contact.contacted_on = *on;
  contact.kind = *kind;
  contact.duration_minutes = *minutes;
  contact.note = form.Get("note");
  if (auto checked = domain::CheckContact(contact, Today(context)); !checked)
    return refuse(checked.error());
  contact.logged_by = actor.user_id;
  contact.logged_at = context.services.clock.Now();
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    const auto contact_id =
        store::CircleContactStore(session).Insert(contact, own->circle.code_name);
    Audit(context, session, "circle.contact_log", "circle_contact", contact_id);
    return {};
  });
  return Response::Redirect(PortalCircleHref(own->circle.id) + "?logged=1#contacts");
}

Response ResetCalendar(Context& context) {
  const auto volunteer = OwnFile(context);
  if (!volunteer) return Deny(context, "volunteer", "");
  const auto& actor = context.signed_in();
  const std::string token = auth::RandomToken();
  const std::string hash = auth::KeyedHash(context.services.secrets.session_key, "calendar", token);
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::CalendarTokenStore(session).Replace(volunteer->organisation_id, volunteer->id, hash,
                                               context.services.clock.Now());
    Audit(context, session, "calendar.reset", "volunteer", volunteer->id);
    return {};
  });
  // The address is shown once: only its keyed hash is stored.
  std::string base = context.services.config.server.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string address = base + "/calendar/" + token + ".ics";
  const auto scheme = address.find("://");
  const std::string webcal =
      scheme == std::string::npos ? address : "webcal" + address.substr(scheme);
  mstch::map model{{"address", address}, {"webcal", webcal}};
  return RenderPage(context, "circle_calendar", context.Translate(N_("My meetings calendar")),
                    std::move(model));
}

}  // namespace cercle::web::pages::circles
