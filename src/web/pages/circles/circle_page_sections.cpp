// The sections of the coordinators' circle page: members, phase, covenant, meetings, contacts,
// reviews and the outer circle, each from the typed page app::circles::LoadCirclePage read.
#include "web/pages/circles/circle_page_sections.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "domain/circle_covenant.hpp"
#include "domain/circle_formation.hpp"
#include "domain/circle_reviews.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/meeting_place_form.hpp"
#include "web/pagination.hpp"

namespace cercle::web::pages::circles {
namespace {

using app::circles::kRecentMeetings;
using app::circles::MeetingRecord;

// The value of field `name` typed in the failed form of `section`, or `fallback`.
std::string Typed(const CirclePageState& state, const std::string& section, const std::string& name,
                  const std::string& fallback) {
  return state.section == section && state.form ? state.form->Get(name) : fallback;
}

// The name of volunteer `id`, or "—".
std::string NameOf(const CirclePage& page, std::int64_t id) {
  const auto name = page.volunteer_names.find(id);
  return name == page.volunteer_names.end() ? std::string("—") : name->second;
}

// The leave and replace forms of the current stay `member`.
void AddStayForms(const Context& context, const CirclePage& page, const CirclePageState& state,
                  const domain::CircleMember& member, mstch::map& row) {
  const bool leave_failed = state.section == "leave" && state.member_id == member.id;
  const bool replace_failed = state.section == "replace" && state.member_id == member.id;
  mstch::map leave =
      SectionModel(context, leave_failed, state.form, state.error, {"left_on", "left_reason"},
                   {{"left_on", FormatIsoDate(page.today)}});
  leave["open"] = leave_failed;
  mstch::map replace =
      SectionModel(context, replace_failed, state.form, state.error, {"volunteer", "reason"});
  // Who could replace the member: approved and active volunteers not in the circle (the gate
  // decides).
  const std::string chosen = replace_failed ? state.form->Get("volunteer") : "";
  mstch::array options;
  for (const auto& candidate : page.candidates) {
    const std::string id = std::to_string(candidate.id);
    options.push_back(mstch::map{{"value", id},
                                 {"label", candidate.last_name + ", " + candidate.first_name},
                                 {"selected", id == chosen}});
  }
  replace["candidates"] = options;
  replace["open"] = replace_failed;
  row["leave"] = leave;
  row["replace"] = replace;
  row["can_change"] = !page.circle.closed();
}

}  // namespace

mstch::map MembersSection(const Context& context, const CirclePage& page,
                          const CirclePageState& state) {
  mstch::array current, past;
  for (const auto& member : page.members) {
    mstch::map row{{"id", std::to_string(member.id)},
                   {"name", NameOf(page, member.volunteer_id)},
                   {"href", "/volunteers/" + std::to_string(member.volunteer_id)},
                   {"primary", member.primary},
                   {"joined", FormatDay(context, member.joined_on)}};
    if (!member.current()) {
      row["left"] = FormatDay(context, *member.left_on);
      row["left_reason"] = member.left_reason;
      past.push_back(std::move(row));
      continue;
    }
    AddStayForms(context, page, state, member, row);
    current.push_back(std::move(row));
  }
  const int count = domain::CurrentMemberCount(page.members);
  const bool has_past = !past.empty();
  return mstch::map{
      {"current", current},
      {"past", past},
      {"has_past", has_past},
      {"no_members", current.empty()},
      {"size",
       context.Format({N_("{count} volunteer(s); the program asks for {minimum} to {maximum}."),
                       {{"count", std::to_string(count)},
                        {"minimum", std::to_string(page.settings.minimum)},
                        {"maximum", std::to_string(page.settings.maximum)}}})},
      {"below_minimum", count < page.settings.minimum},
      {"can_add", !page.circle.closed() && count < page.settings.maximum}};
}

namespace {

// The phase change form: the phases the circle may move to, and the meetings that could have
// decided it (the held ones of the last 90 days, latest first).
mstch::map PhaseForm(const Context& context, const CirclePage& page, const CirclePageState& state) {
  const auto& circle = page.circle;
  const bool failed = state.section == "phase";
  const std::string current_body = page.versions.empty() ? "" : page.versions.back().body;
  mstch::map form =
      SectionModel(context, failed, state.form, state.error,
                   {"to", "decided_on", "meeting", "reason", "covenant_body"},
                   {{"decided_on", FormatIsoDate(page.today)}, {"covenant_body", current_body}});
  const std::string chosen = Typed(state, "phase", "to", "");
  mstch::array choices;
  for (const auto phase : domain::EnumValues<domain::CirclePhase>()) {
    if (phase == domain::CirclePhase::kClosed || !domain::CheckPhaseChange(circle.phase, phase))
      continue;
    const std::string name(domain::NameOf(phase));
    choices.push_back(mstch::map{{"value", name},
                                 {"label", context.Translate(domain::LabelOf(phase))},
                                 {"selected", name == chosen}});
  }
  form["choices"] = choices;
  const std::string chosen_meeting = Typed(state, "phase", "meeting", "");
  mstch::array meetings;
  for (const auto& record : page.recent_held) {
    if (!record.meeting.HeldBy(page.now)) continue;
    if (DaysBetween(LocalDay(context, record.meeting.starts), page.today) > 90) break;
    const std::string id = std::to_string(record.meeting.id);
    meetings.push_back(
        mstch::map{{"value", id},
                   {"label", FormatMeetingTime(context, record.meeting.starts) + " — " +
                                 context.Translate(domain::LabelOf(record.meeting.kind))},
                   {"selected", id == chosen_meeting}});
  }
  form["meetings"] = meetings;
  // The first active phase keeps the covenant everyone signed; later changes amend it.
  form["amends"] = circle.phase != domain::CirclePhase::kForming;
  const auto next = page.next_step.kind;
  form["open"] =
      failed || next == domain::NextStepKind::kStart || next == domain::NextStepKind::kResume;
  if (!failed && next == domain::NextStepKind::kStart && !page.circle.started_on) {
    // The usual first active phase is preselected; the coordinator may choose pre-release.
    for (auto& choice : boost::get<mstch::array>(form["choices"])) {
      auto& option = boost::get<mstch::map>(choice);
      option["selected"] = boost::get<std::string>(option["value"]) ==
                           domain::NameOf(domain::CirclePhase::kIntensive);
    }
  }
  return form;
}

}  // namespace

mstch::map PhaseSection(const Context& context, const CirclePage& page,
                        const CirclePageState& state) {
  mstch::map form = PhaseForm(context, page, state);
  const bool can_change = !boost::get<mstch::array>(form["choices"]).empty();
  mstch::array history;
  for (auto it = page.phases.rbegin(); it != page.phases.rend(); ++it) {
    const auto who = it->decided_by ? page.user_names.find(*it->decided_by) : page.user_names.end();
    mstch::map entry{{"to", context.Translate(domain::LabelOf(it->to))},
                     {"date", FormatDay(context, it->decided_on)},
                     {"reason", it->reason},
                     {"who", who == page.user_names.end() ? std::string("—") : who->second}};
    if (it->from) entry["from"] = context.Translate(domain::LabelOf(*it->from));
    if (it->meeting_id)
      entry["meeting_href"] = "/circles/meetings/" + std::to_string(*it->meeting_id);
    history.push_back(std::move(entry));
  }
  return mstch::map{{"form", form},
                    {"can_change", can_change},
                    {"history", history},
                    {"forming", page.circle.phase == domain::CirclePhase::kForming}};
}

namespace {

// The signatures of covenant version `version_id`: who signed and when.
mstch::array SignatureRows(const Context& context, const CirclePage& page,
                           std::int64_t version_id) {
  mstch::array rows;
  for (const auto& signature : page.signatures) {
    if (signature.version_id != version_id) continue;
    const std::string who = signature.volunteer_id ? NameOf(page, *signature.volunteer_id)
                                                   : context.Translate(N_("The core member"));
    rows.push_back(mstch::map{{"who", who}, {"date", FormatDay(context, signature.signed_on)}});
  }
  return rows;
}

// The checklist of the current version: everyone who may still sign it, each with a box, and one
// day for them all. A refused checklist keeps what was ticked; otherwise everyone is ticked, as the
// signatures are usually collected together at the meeting that forms the circle.
mstch::map SignForm(const Context& context, const CirclePage& page, const CirclePageState& state,
                    const domain::CovenantVersion& current, bool core_member_signed) {
  const bool failed = state.section == "sign" && state.form;
  std::set<std::string> ticked;
  if (failed) {
    for (const auto& value : state.form->All("signatory")) ticked.insert(value);
  }
  mstch::array signatories;
  const auto add = [&](const std::string& value, const std::string& label) {
    const std::string id = "sign-" + std::to_string(signatories.size() + 1);
    signatories.push_back(mstch::map{{"value", value},
                                     {"label", label},
                                     {"box_id", id},
                                     {"checked", failed ? ticked.contains(value) : true}});
  };
  if (!core_member_signed) add("core_member", context.Translate(N_("The core member")));
  for (const auto& member : page.members) {
    if (!member.current()) continue;
    const bool signed_it =
        std::any_of(page.signatures.begin(), page.signatures.end(), [&](const auto& s) {
          return s.version_id == current.id && s.volunteer_id == member.volunteer_id;
        });
    if (signed_it) continue;
    add("volunteer:" + std::to_string(member.volunteer_id), NameOf(page, member.volunteer_id));
  }
  mstch::map sign =
      SectionModel(context, state.section == "sign", state.form, state.error,
                   {"signatory", "signed_on"}, {{"signed_on", FormatIsoDate(page.today)}});
  sign["signatories"] = signatories;
  return sign;
}

}  // namespace

mstch::map CovenantSection(const Context& context, const CirclePage& page,
                           const CirclePageState& state) {
  mstch::map section;
  if (page.versions.empty()) {
    section["none"] = true;
    return section;
  }
  const auto& current = page.versions.back();
  const auto missing =
      domain::SignaturesOf(current.id, page.signatures, page.members, page.volunteer_names);
  section["version"] = std::to_string(current.version);
  section["note"] = current.note;
  section["body"] = current.body;
  section["drafted"] = FormatDay(context, LocalDay(context, current.created_at));
  section["signatures"] = SignatureRows(context, page, current.id);
  mstch::array unsigned_names;
  if (!missing.core_member_signed)
    unsigned_names.push_back(context.Translate(N_("The core member")));
  for (const auto& name : missing.unsigned_volunteers) unsigned_names.push_back(name);
  section["missing"] = unsigned_names;
  section["all_signed"] = unsigned_names.empty();
  mstch::map sign = SignForm(context, page, state, current, missing.core_member_signed);
  const bool can_sign = !boost::get<mstch::array>(sign["signatories"]).empty();
  section["sign"] = sign;
  section["can_sign"] = can_sign && !page.circle.closed();
  mstch::map amend = SectionModel(context, state.section == "covenant", state.form, state.error,
                                  {"body", "note"}, {{"body", current.body}});
  amend["open"] = state.section == "covenant";
  section["amend"] = amend;
  section["can_amend"] = !page.circle.closed();
  mstch::array earlier;
  for (auto it = page.versions.rbegin() + 1; it < page.versions.rend(); ++it) {
    earlier.push_back(mstch::map{{"version", std::to_string(it->version)},
                                 {"note", it->note},
                                 {"body", it->body},
                                 {"drafted", FormatDay(context, LocalDay(context, it->created_at))},
                                 {"signatures", SignatureRows(context, page, it->id)}});
  }
  section["has_earlier"] = !earlier.empty();
  section["earlier"] = earlier;
  return section;
}

namespace {

// One meeting of the lists: when, what, where, who writes the minutes, and their state.
mstch::map MeetingRow(const Context& context, const CirclePage& page, const MeetingRecord& record) {
  const auto& meeting = record.meeting;
  const auto minutes_state =
      domain::MinutesStateOf(meeting, record.minutes ? &*record.minutes : nullptr, page.now);
  const auto writer = meeting.writer_volunteer_id
                          ? page.volunteer_names.find(*meeting.writer_volunteer_id)
                          : page.volunteer_names.end();
  mstch::map row{
      {"id", std::to_string(meeting.id)},
      {"href", "/circles/meetings/" + std::to_string(meeting.id)},
      {"when", FormatMeetingTime(context, meeting.starts)},
      {"kind", context.Translate(domain::LabelOf(meeting.kind))},
      {"place", PlaceShown(context, meeting)},
      {"writer", writer == page.volunteer_names.end() ? std::string() : writer->second},
      {"state", context.Translate(domain::LabelOf(minutes_state))},
      {"late", minutes_state == domain::MinutesState::kLate},
      {"to_acknowledge", minutes_state == domain::MinutesState::kAwaitingAcknowledgement},
      {"cancelled", meeting.cancelled()}};
  row["can_cancel"] = minutes_state == domain::MinutesState::kPlanned;
  return row;
}

// The plan form: the primary volunteer writes the minutes unless someone else is chosen.
mstch::map PlanForm(const Context& context, const CirclePage& page, const CirclePageState& state) {
  const bool failed = state.section == "meeting";
  std::string primary;
  for (const auto& member : page.members) {
    if (member.current() && member.primary) primary = std::to_string(member.volunteer_id);
  }
  const std::string chosen_writer = failed && state.form ? state.form->Get("writer") : primary;
  mstch::array writers;
  for (const auto& member : page.members) {
    if (!member.current()) continue;
    const std::string id = std::to_string(member.volunteer_id);
    writers.push_back(mstch::map{{"value", id},
                                 {"label", NameOf(page, member.volunteer_id)},
                                 {"selected", id == chosen_writer}});
  }
  mstch::map form = SectionModel(
      context, failed, state.form, state.error,
      {"kind", "date", "time", "duration", "mode", "venue", "override_reason", "writer", "count"},
      {{"date", FormatIsoDate(AddDays(page.today, 7))},
       {"time", "19:00"},
       {"duration", "2"},
       {"count", "1"}});
  const bool place_failed = state.section == "meeting" && state.form;
  AddPlaceChoices(context, page.venues, page.circle.meeting_place,
                  place_failed ? state.form : nullptr, place_failed ? state.error : nullptr, form);
  form["kinds"] = Choices(context, domain::EnumValues<domain::MeetingKind>(),
                          domain::NameOf<domain::MeetingKind>, domain::LabelOf<domain::MeetingKind>,
                          failed && state.form ? state.form->Get("kind") : "group");
  form["writers"] = writers;
  form["rhythm"] = domain::HasMeetingRhythm(page.circle.phase);
  form["open"] = failed || page.next_step.kind == domain::NextStepKind::kPlanMeetings;
  return form;
}

}  // namespace

mstch::map MeetingsSection(const Context& context, const CirclePage& page,
                           const CirclePageState& state) {
  const bool all = page.all_meetings == app::circles::AllMeetings::kYes;
  mstch::array upcoming, held;
  for (const auto& record : page.planned) upcoming.push_back(MeetingRow(context, page, record));
  for (const auto& record : page.past) held.push_back(MeetingRow(context, page, record));
  const bool more = !all && held.size() > kRecentMeetings;
  if (more) held.resize(kRecentMeetings);
  // Every meeting, when asked for, comes a page at a time.
  mstch::map held_pages;
  if (all) {
    AddPagination(context, Paginate(context.request, page.past_total, kPageSize, "meetings_page"),
                  held_pages, "pagination", N_("Pages of the meetings"));
  }
  return mstch::map{
      {"upcoming", upcoming},
      {"held", held},
      {"more", more},
      {"all_href", CircleHref(page.circle.id) + "?meetings=all#meetings"},
      {"form", PlanForm(context, page, state)},
      {"can_plan", !page.circle.closed()},
      {"held_pages", held_pages.empty() ? mstch::node(false) : mstch::node(held_pages)}};
}

mstch::array ContactRows(const Context& context, const CirclePage& page, mstch::map& model) {
  AddPagination(context,
                Paginate(context.request, page.contact_total, app::circles::kContactsPageSize,
                         "contacts_page"),
                model, "contact_pages", N_("Pages of the contacts"));
  mstch::array rows;
  for (const auto& contact : page.contacts) {
    rows.push_back(mstch::map{{"date", FormatDay(context, contact.contacted_on)},
                              {"who", NameOf(page, contact.volunteer_id)},
                              {"kind", context.Translate(domain::LabelOf(contact.kind))},
                              {"length", FormatLength(context, contact.duration_minutes)},
                              {"note", contact.note}});
  }
  return rows;
}

mstch::map ReviewsSection(const Context& context, const CirclePage& page,
                          const CirclePageState& state) {
  const auto& circle = page.circle;
  mstch::map section;
  if (circle.started_on) {
    const auto schedule =
        domain::ScheduleOf(*circle.started_on, page.reviews, page.settings.review_months);
    section["next_review"] = FormatDay(context, schedule.next_review);
    if (schedule.next_renewal) section["next_renewal"] = FormatDay(context, *schedule.next_renewal);
  }
  mstch::array rows;
  for (const auto& review : page.reviews) {
    mstch::map row{{"kind", context.Translate(domain::LabelOf(review.kind))},
                   {"date", FormatDay(context, review.held_on)},
                   {"participants", review.participants},
                   {"outcome", review.outcome},
                   {"decisions", review.decisions},
                   {"factors_href", "/circles/reviews/" + std::to_string(review.id) + "/factors"},
                   {"goals_href", "/circles/reviews/" + std::to_string(review.id) + "/goals"}};
    if (review.renewal) row["renewal"] = context.Translate(domain::LabelOf(*review.renewal));
    rows.push_back(std::move(row));
  }
  section["reviews"] = rows;
  const bool failed = state.section == "review";
  mstch::map form =
      SectionModel(context, failed, state.form, state.error,
                   {"kind", "held_on", "participants", "outcome", "decisions", "renewal"},
                   {{"held_on", FormatIsoDate(page.today)}});
  const auto next = page.next_step.kind;
  const bool renewal_due = next == domain::NextStepKind::kRecordRenewal;
  form["kinds"] = Choices(
      context, std::vector{domain::ReviewKind::kReview, domain::ReviewKind::kRenewal},
      failed && state.form ? state.form->Get("kind") : (renewal_due ? "renewal" : "review"));
  form["open"] = failed || renewal_due || next == domain::NextStepKind::kRecordReview;
  form["decisions_choices"] = Choices(
      context, std::vector{domain::RenewalDecision::kRenewed, domain::RenewalDecision::kClosing},
      failed && state.form ? state.form->Get("renewal") : "");
  section["form"] = form;
  section["can_record"] = circle.started_on.has_value() && !circle.closed();
  return section;
}

namespace {

// One agreement of the outer circle with its contact.
mstch::map AgreementRow(const Context& context, const CirclePage& page,
                        const domain::SharingAgreement& agreement,
                        const domain::PartnerContact& contact) {
  const bool in_force = agreement.InForceOn(page.today);
  mstch::map row{{"id", std::to_string(agreement.id)},
                 {"name", contact.name},
                 {"contact_href", "/partners/" + std::to_string(contact.id)},
                 {"kind", context.Translate(domain::LabelOf(contact.kind))},
                 {"organisation", contact.partner_organisation},
                 {"starts", FormatDay(context, agreement.starts_on)},
                 {"scope", agreement.scope},
                 {"in_force", in_force},
                 {"has_account", contact.user_id.has_value()},
                 {"can_end", in_force && !page.circle.closed()}};
  if (agreement.ends_on) row["ends"] = FormatDay(context, *agreement.ends_on);
  AddAgreementEffect(context, page.effects, agreement.id, row);
  if (agreement.document_id)
    row["document"] = "/circles/documents/" + std::to_string(*agreement.document_id);
  return row;
}

}  // namespace

mstch::map OuterSection(const Context& context, const CirclePage& page,
                        const CirclePageState& state) {
  std::map<std::int64_t, const domain::PartnerContact*> contacts;
  for (const auto& contact : page.partners) contacts[contact.id] = &contact;
  mstch::array rows;
  for (const auto& agreement : page.agreements) {
    const auto found = contacts.find(agreement.partner_contact_id);
    if (found != contacts.end())
      rows.push_back(AgreementRow(context, page, agreement, *found->second));
  }
  const bool failed = state.section == "agreement";
  mstch::map form = SectionModel(context, failed, state.form, state.error,
                                 {"contact", "starts_on", "ends_on", "scope", "title", "file"},
                                 {{"starts_on", FormatIsoDate(page.today)}});
  const std::string chosen = failed && state.form ? state.form->Get("contact") : "";
  mstch::array choices;
  for (const auto& contact : page.partners) {
    const std::string id = std::to_string(contact.id);
    choices.push_back(mstch::map{
        {"value", id},
        {"label", contact.name + " — " + context.Translate(domain::LabelOf(contact.kind))},
        {"selected", id == chosen}});
  }
  form["contacts"] = choices;
  form["open"] = failed;
  return mstch::map{{"agreements", rows},
                    {"form", form},
                    {"no_contacts", choices.empty()},
                    {"can_attach", !page.circle.closed() && !choices.empty()}};
}

namespace {

// What the next step says and where its button leads, by kind: the suggestions page, or the form
// of the circle page that takes the step (opened there).
struct NextStepText {
  domain::NextStepKind kind;
  const char* text;
  const char* action;  // the button's label, or nullptr for none
  const char* target;  // the anchor of the form on the page, or nullptr for the suggestions page
};

constexpr std::array<NextStepText, 9> kNextStepTexts{{
    {domain::NextStepKind::kProposeVolunteers,
     N_("The circle needs {count} more volunteer(s) to reach the program's minimum. Tick them "
        "among "
        "the suggestions and propose them together."),
     N_("Propose volunteers"), nullptr},
    {domain::NextStepKind::kSignCovenant,
     N_("{count} signature(s) of the covenant are missing. Tick everyone who signed and record "
        "them together, with one date."),
     N_("Record the signatures"), "#sign-action"},
    {domain::NextStepKind::kStart,
     N_("Everyone has signed the covenant: the circle can start its first active phase."),
     N_("Start the circle"), "#phase-action"},
    {domain::NextStepKind::kRecordRenewal, N_("The yearly renewal decision was due on {date}."),
     N_("Record the renewal decision"), "#review-action"},
    {domain::NextStepKind::kRecordReview, N_("The review was due on {date}."),
     N_("Record the review"), "#review-action"},
    {domain::NextStepKind::kPlanMeetings,
     N_("No meeting is planned. Plan the next ones at the phase's rhythm."), N_("Plan meetings"),
     "#plan-action"},
    {domain::NextStepKind::kResume,
     N_("The circle is suspended. Decide whether it meets again, and at which rhythm."),
     N_("Change the phase"), "#phase-action"},
    {domain::NextStepKind::kNothingDue, N_("Nothing is due. The next meeting is planned."), nullptr,
     nullptr},
    {domain::NextStepKind::kClosed, N_("This circle is closed: nothing more is recorded on it."),
     nullptr, nullptr},
}};

}  // namespace

mstch::map NextStepSection(const Context& context, const CirclePage& page) {
  const auto& step = page.next_step;
  const NextStepText* found = &kNextStepTexts.back();
  for (const auto& text : kNextStepTexts) {
    if (text.kind == step.kind) found = &text;
  }
  std::vector<MessageArgument> arguments{{"count", std::to_string(step.count)}};
  if (step.due) arguments.push_back({"date", FormatDay(context, *step.due)});
  std::string text = context.Format({found->text, arguments});
  if (step.kind == domain::NextStepKind::kSignCovenant && page.versions.empty()) {
    text = context.Translate(N_("The circle has no covenant yet: write its first version."));
  }
  mstch::map section{{"kind", std::string(domain::NameOf(step.kind))},
                     {"title", context.Translate(domain::LabelOf(step.kind))},
                     {"text", text}};
  if (step.kind == domain::NextStepKind::kNothingDue && !page.planned.empty()) {
    section["next_meeting"] = FormatMeetingTime(context, page.planned.front().meeting.starts);
    section["next_meeting_href"] =
        "/circles/meetings/" + std::to_string(page.planned.front().meeting.id);
  }
  if (found->action) {
    const std::string id = std::to_string(page.circle.id);
    section["action"] = context.Translate(found->action);
    section["href"] =
        found->target ? std::string(found->target) : "/circles/" + id + "/suggestions";
    if (step.kind == domain::NextStepKind::kSignCovenant && page.versions.empty()) {
      section["href"] = std::string("#covenant");
      section["action"] = context.Translate(N_("Write the covenant"));
    }
  }
  return section;
}

}  // namespace cercle::web::pages::circles
