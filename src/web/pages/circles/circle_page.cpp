// The coordinators' circle page: members, phase, covenant, meetings and minutes, contacts, reviews,
// the outer circle, closure, and who viewed the record. Everything it shows is read in one
// transaction, in a fixed number of queries whatever the size of the circle.
#include <algorithm>
#include <set>

#include "auth/policies/circle_policy.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_flags.hpp"
#include "domain/circle_formation.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_reviews.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "store/partner_store.hpp"
#include "store/settings_store.hpp"
#include "store/user_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_attention.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pagination.hpp"
#include "web/pages/circles/circle_view.hpp"

namespace cercle::web::pages::circles {
namespace {

// How many held meetings and contacts the page lists unless asked for all.
constexpr std::size_t kRecentRows = 12;
// How far back the meetings that could have decided a phase change are read: the 90 days the form
// offers, and two more so that no time zone cuts one off (the form checks the days itself).
constexpr auto kPhaseMeetingWindow = std::chrono::days(92);

// Everything the page shows.
struct CircleData {
  std::optional<domain::CoreMember> core_member;
  std::vector<domain::CircleMember> members;
  std::vector<domain::Volunteer> volunteers;
  std::vector<domain::PhaseChange> phases;
  std::vector<domain::CovenantVersion> versions;
  std::vector<domain::CovenantSignature> signatures;
  // The meetings still planned, and one page of the others (held, cancelled, with minutes), latest
  // first: the recent ones, or a page of them all when the page asks for every meeting.
  std::vector<store::MeetingRecord> planned;
  std::vector<store::MeetingRecord> past;
  std::optional<Pagination> past_pages;
  // The meetings held in the last 90 days or so (those that could have decided a phase change),
  // latest first; those whose minutes are missing or not acknowledged; the latest held one.
  std::vector<store::MeetingRecord> recent_held;
  std::vector<store::MeetingRecord> unsettled;
  std::optional<Instant> last_held;
  // One page of the contacts, newest first, and the day of the latest.
  std::vector<domain::CircleContact> contacts;
  Pagination contact_pages;
  std::optional<CivilDate> last_contact;
  std::vector<domain::CircleReview> reviews;
  std::vector<domain::SharingAgreement> agreements;
  std::vector<domain::PartnerContact> partners;
  std::map<std::int64_t, std::string> users;
  CircleSettings settings;
};

// Whether the page lists every held meeting (a page at a time) or only the recent ones.
enum class AllMeetings { kNo, kYes };

CircleData Load(Context& context, const domain::Circle& circle, AllMeetings all_meetings) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = circle.organisation_id;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    CircleData data;
    data.settings = CircleSettingsOf(store::SettingsStore(session).Load(organisation));
    data.core_member = store::CoreMemberStore(session).Find(circle.core_member_id, organisation);
    store::CircleStore circles(session);
    data.members = circles.Members(circle.id, organisation);
    data.phases = circles.PhaseChanges(circle.id, organisation);
    data.versions = circles.CovenantVersions(circle.id, organisation);
    data.signatures = circles.Signatures(circle.id, organisation);
    store::VolunteerFilter every;
    every.include_closed = true;
    data.volunteers = store::VolunteerStore(session).List(organisation, every);
    const Instant now = context.services.clock.Now();
    store::MeetingStore meetings(session);
    data.planned = meetings.PlannedOfCircle(circle.id, organisation, now);
    if (all_meetings == AllMeetings::kYes) {
      data.past_pages =
          Paginate(context.request, meetings.CountPastOfCircle(circle.id, organisation, now),
                   kPageSize, "meetings_page");
      data.past = meetings.PastOfCircle(circle.id, organisation, now, data.past_pages->Slice());
    } else {
      // One row more than shown tells whether there are more.
      data.past = meetings.PastOfCircle(circle.id, organisation, now,
                                        {static_cast<std::int64_t>(kRecentRows) + 1, 0});
    }
    data.recent_held =
        meetings.HeldOfCircleSince(circle.id, organisation, now - kPhaseMeetingWindow, now);
    data.unsettled = meetings.UnsettledOfCircle(circle.id, organisation, now);
    data.last_held = meetings.LastHeldOfCircle(circle.id, organisation, now);
    store::CircleContactStore contacts(session);
    data.contact_pages = Paginate(context.request, contacts.CountOfCircle(circle.id, organisation),
                                  static_cast<std::int64_t>(kRecentRows * 2), "contacts_page");
    data.contacts = contacts.OfCircle(circle.id, organisation, data.contact_pages.Slice());
    data.last_contact = contacts.LastContactOfCircle(circle.id, organisation);
    data.reviews = store::CircleReviewStore(session).OfCircle(circle.id, organisation);
    store::PartnerStore partners(session);
    data.agreements = partners.AgreementsOfCircle(circle.id, organisation);
    data.partners = partners.List(organisation);
    for (const auto& user : store::UserStore(session).ListOrganisation(organisation)) {
      data.users[user.id] = user.display_name;
    }
    return data;
  });
}

// The value of field `name` typed in the failed form of `section`, or `fallback`.
std::string Typed(const CirclePageState& state, const std::string& section, const std::string& name,
                  const std::string& fallback) {
  return state.section == section && state.form ? state.form->Get(name) : fallback;
}

mstch::map MembersSection(Context& context, const domain::Circle& circle, const CircleData& data,
                          const std::map<std::int64_t, std::string>& names,
                          const CirclePageState& state) {
  const auto today = Today(context);
  std::set<std::int64_t> current_ids;
  for (const auto& member : data.members) {
    if (member.current()) current_ids.insert(member.volunteer_id);
  }
  // Who could replace a member: approved and active volunteers not in the circle (the gate
  // decides).
  mstch::array candidates;
  for (const auto& volunteer : data.volunteers) {
    if (current_ids.contains(volunteer.id)) continue;
    if (volunteer.stage != domain::VolunteerStage::kApproved &&
        volunteer.stage != domain::VolunteerStage::kActive) {
      continue;
    }
    candidates.push_back(mstch::map{{"value", std::to_string(volunteer.id)},
                                    {"label", volunteer.last_name + ", " + volunteer.first_name}});
  }
  mstch::array current, past;
  for (const auto& member : data.members) {
    const auto name = names.find(member.volunteer_id);
    mstch::map row{{"id", std::to_string(member.id)},
                   {"name", name == names.end() ? std::string("—") : name->second},
                   {"href", "/volunteers/" + std::to_string(member.volunteer_id)},
                   {"primary", member.primary},
                   {"joined", FormatDay(context, member.joined_on)}};
    if (!member.current()) {
      row["left"] = FormatDay(context, *member.left_on);
      row["left_reason"] = member.left_reason;
      past.push_back(std::move(row));
      continue;
    }
    const bool leave_failed = state.section == "leave" && state.member_id == member.id;
    const bool replace_failed = state.section == "replace" && state.member_id == member.id;
    mstch::map leave =
        SectionModel(context, leave_failed, state.form, state.error, {"left_on", "left_reason"},
                     {{"left_on", FormatIsoDate(today)}});
    leave["open"] = leave_failed;
    mstch::map replace =
        SectionModel(context, replace_failed, state.form, state.error, {"volunteer", "reason"});
    const std::string chosen = replace_failed ? state.form->Get("volunteer") : "";
    mstch::array options;
    for (const auto& candidate : candidates) {
      auto option = boost::get<mstch::map>(candidate);
      option["selected"] = boost::get<std::string>(option["value"]) == chosen;
      options.push_back(option);
    }
    replace["candidates"] = options;
    replace["open"] = replace_failed;
    row["leave"] = leave;
    row["replace"] = replace;
    row["can_change"] = !circle.closed();
    current.push_back(std::move(row));
  }
  const int count = domain::CurrentMemberCount(data.members);
  const bool has_past = !past.empty();
  mstch::map section{
      {"current", current},
      {"past", past},
      {"has_past", has_past},
      {"no_members", current.empty()},
      {"size",
       context.Format({N_("{count} volunteer(s); the program asks for {minimum} to {maximum}."),
                       {{"count", std::to_string(count)},
                        {"minimum", std::to_string(data.settings.minimum)},
                        {"maximum", std::to_string(data.settings.maximum)}}})},
      {"below_minimum", count < data.settings.minimum},
      {"can_add", !circle.closed() && count < data.settings.maximum}};
  return section;
}

mstch::map PhaseSection(Context& context, const domain::Circle& circle, const CircleData& data,
                        const CirclePageState& state) {
  const auto today = Today(context);
  const bool failed = state.section == "phase";
  const std::string current_body = data.versions.empty() ? "" : data.versions.back().body;
  mstch::map form =
      SectionModel(context, failed, state.form, state.error,
                   {"to", "decided_on", "meeting", "reason", "covenant_body"},
                   {{"decided_on", FormatIsoDate(today)}, {"covenant_body", current_body}});
  const std::string chosen = Typed(state, "phase", "to", "");
  mstch::array choices;
  for (const auto phase : domain::AllPhases()) {
    if (phase == domain::CirclePhase::kClosed || !domain::CheckPhaseChange(circle.phase, phase))
      continue;
    const std::string name(domain::PhaseName(phase));
    choices.push_back(mstch::map{{"value", name},
                                 {"label", context.Translate(domain::PhaseLabel(phase))},
                                 {"selected", name == chosen}});
  }
  form["choices"] = choices;
  // The meetings that could have decided it: the held ones of the last 90 days, latest first.
  const Instant now = context.services.clock.Now();
  const std::string chosen_meeting = Typed(state, "phase", "meeting", "");
  mstch::array meetings;
  for (auto it = data.recent_held.begin(); it != data.recent_held.end(); ++it) {
    if (!it->meeting.HeldBy(now)) continue;
    if (DaysBetween(LocalDay(context, it->meeting.starts), today) > 90) break;
    const std::string id = std::to_string(it->meeting.id);
    meetings.push_back(
        mstch::map{{"value", id},
                   {"label", FormatMeetingTime(context, it->meeting.starts) + " — " +
                                 context.Translate(domain::MeetingKindLabel(it->meeting.kind))},
                   {"selected", id == chosen_meeting}});
  }
  form["meetings"] = meetings;
  // The first active phase keeps the covenant everyone signed; later changes amend it.
  form["amends"] = circle.phase != domain::CirclePhase::kForming;
  mstch::array history;
  for (auto it = data.phases.rbegin(); it != data.phases.rend(); ++it) {
    const auto who = it->decided_by ? data.users.find(*it->decided_by) : data.users.end();
    mstch::map entry{{"to", context.Translate(domain::PhaseLabel(it->to))},
                     {"date", FormatDay(context, it->decided_on)},
                     {"reason", it->reason},
                     {"who", who == data.users.end() ? std::string("—") : who->second}};
    if (it->from) entry["from"] = context.Translate(domain::PhaseLabel(*it->from));
    if (it->meeting_id)
      entry["meeting_href"] = "/circles/meetings/" + std::to_string(*it->meeting_id);
    history.push_back(std::move(entry));
  }
  return mstch::map{{"form", form},
                    {"can_change", !choices.empty()},
                    {"history", history},
                    {"forming", circle.phase == domain::CirclePhase::kForming}};
}

mstch::map CovenantSection(Context& context, const domain::Circle& circle, const CircleData& data,
                           const std::map<std::int64_t, std::string>& names,
                           const CirclePageState& state) {
  const auto today = Today(context);
  mstch::map section;
  if (data.versions.empty()) {
    section["none"] = true;
    return section;
  }
  const auto& current = data.versions.back();
  const auto signature_rows = [&](std::int64_t version_id) {
    mstch::array rows;
    for (const auto& signature : data.signatures) {
      if (signature.version_id != version_id) continue;
      std::string who = context.Translate(N_("The core member"));
      if (signature.volunteer_id) {
        const auto name = names.find(*signature.volunteer_id);
        who = name == names.end() ? "—" : name->second;
      }
      rows.push_back(mstch::map{{"who", who}, {"date", FormatDay(context, signature.signed_on)}});
    }
    return rows;
  };
  const auto missing = domain::SignaturesOf(current.id, data.signatures, data.members, names);
  section["version"] = std::to_string(current.version);
  section["note"] = current.note;
  section["body"] = current.body;
  section["drafted"] = FormatDay(context, LocalDay(context, current.created_at));
  section["signatures"] = signature_rows(current.id);
  mstch::array unsigned_names;
  if (!missing.core_member_signed)
    unsigned_names.push_back(context.Translate(N_("The core member")));
  for (const auto& name : missing.unsigned_volunteers) unsigned_names.push_back(name);
  section["missing"] = unsigned_names;
  section["all_signed"] = unsigned_names.empty();
  // Who may still sign the current version.
  const std::string chosen = Typed(state, "sign", "signatory", "");
  mstch::array signatories;
  if (!missing.core_member_signed) {
    signatories.push_back(mstch::map{{"value", std::string("core_member")},
                                     {"label", context.Translate(N_("The core member"))},
                                     {"selected", chosen == "core_member"}});
  }
  for (const auto& member : data.members) {
    if (!member.current()) continue;
    const bool signed_it =
        std::any_of(data.signatures.begin(), data.signatures.end(), [&](const auto& s) {
          return s.version_id == current.id && s.volunteer_id == member.volunteer_id;
        });
    if (signed_it) continue;
    const std::string value = "volunteer:" + std::to_string(member.volunteer_id);
    const auto name = names.find(member.volunteer_id);
    signatories.push_back(
        mstch::map{{"value", value},
                   {"label", name == names.end() ? std::string("—") : name->second},
                   {"selected", chosen == value}});
  }
  mstch::map sign =
      SectionModel(context, state.section == "sign", state.form, state.error,
                   {"signatory", "signed_on"}, {{"signed_on", FormatIsoDate(today)}});
  sign["signatories"] = signatories;
  section["sign"] = sign;
  section["can_sign"] = !signatories.empty() && !circle.closed();
  mstch::map amend = SectionModel(context, state.section == "covenant", state.form, state.error,
                                  {"body", "note"}, {{"body", current.body}});
  amend["open"] = state.section == "covenant";
  section["amend"] = amend;
  section["can_amend"] = !circle.closed();
  mstch::array earlier;
  for (auto it = data.versions.rbegin() + 1; it < data.versions.rend(); ++it) {
    earlier.push_back(mstch::map{{"version", std::to_string(it->version)},
                                 {"note", it->note},
                                 {"body", it->body},
                                 {"drafted", FormatDay(context, LocalDay(context, it->created_at))},
                                 {"signatures", signature_rows(it->id)}});
  }
  section["has_earlier"] = !earlier.empty();
  section["earlier"] = earlier;
  return section;
}

mstch::map MeetingsSection(Context& context, const domain::Circle& circle, const CircleData& data,
                           const std::map<std::int64_t, std::string>& names,
                           const CirclePageState& state) {
  const auto today = Today(context);
  const Instant now = context.services.clock.Now();
  mstch::array upcoming, held;
  const auto row_of = [&](const store::MeetingRecord& record) {
    const auto& meeting = record.meeting;
    const auto writer =
        meeting.writer_volunteer_id ? names.find(*meeting.writer_volunteer_id) : names.end();
    const auto minutes_state =
        domain::MinutesStateOf(meeting, record.minutes ? &*record.minutes : nullptr, now);
    mstch::map row{
        {"id", std::to_string(meeting.id)},
        {"href", "/circles/meetings/" + std::to_string(meeting.id)},
        {"when", FormatMeetingTime(context, meeting.starts)},
        {"kind", context.Translate(domain::MeetingKindLabel(meeting.kind))},
        {"place", meeting.place},
        {"writer", writer == names.end() ? std::string() : writer->second},
        {"state", context.Translate(domain::MinutesStateLabel(minutes_state))},
        {"late", minutes_state == domain::MinutesState::kLate},
        {"to_acknowledge", minutes_state == domain::MinutesState::kAwaitingAcknowledgement},
        {"cancelled", meeting.cancelled()}};
    row["can_cancel"] = minutes_state == domain::MinutesState::kPlanned;
    return row;
  };
  for (const auto& record : data.planned) upcoming.push_back(row_of(record));
  for (const auto& record : data.past) held.push_back(row_of(record));
  const bool more = !data.past_pages && held.size() > kRecentRows;
  if (more) held.resize(kRecentRows);
  // Every meeting, when asked for, comes a page at a time.
  mstch::map held_pages;
  if (data.past_pages) {
    AddPagination(context, *data.past_pages, held_pages, "pagination", N_("Pages of the meetings"));
  }
  // The plan form: the primary volunteer writes the minutes unless someone else is chosen.
  std::string primary;
  mstch::array writers;
  const bool failed = state.section == "meeting";
  for (const auto& member : data.members) {
    if (member.current() && member.primary) primary = std::to_string(member.volunteer_id);
  }
  const std::string chosen_writer = failed && state.form ? state.form->Get("writer") : primary;
  for (const auto& member : data.members) {
    if (!member.current()) continue;
    const std::string id = std::to_string(member.volunteer_id);
    const auto name = names.find(member.volunteer_id);
    writers.push_back(mstch::map{{"value", id},
                                 {"label", name == names.end() ? std::string("—") : name->second},
                                 {"selected", id == chosen_writer}});
  }
  mstch::map form = SectionModel(context, failed, state.form, state.error,
                                 {"kind", "date", "time", "duration", "place", "writer", "count"},
                                 {{"date", FormatIsoDate(AddDays(today, 7))},
                                  {"time", "19:00"},
                                  {"duration", "2"},
                                  {"count", "1"}});
  form["kinds"] =
      Choices(context, domain::MeetingKinds(), domain::MeetingKindName, domain::MeetingKindLabel,
              failed && state.form ? state.form->Get("kind") : "group");
  form["writers"] = writers;
  form["rhythm"] = domain::HasMeetingRhythm(circle.phase);
  return mstch::map{
      {"upcoming", upcoming}, {"held", held},
      {"more", more},         {"all_href", CircleHref(circle.id) + "?meetings=all#meetings"},
      {"form", form},         {"can_plan", !circle.closed()},
      {"held_pages", held_pages.empty() ? mstch::node(false) : mstch::node(held_pages)}};
}

mstch::array ContactRows(Context& context, const CircleData& data,
                         const std::map<std::int64_t, std::string>& names, mstch::map& model) {
  AddPagination(context, data.contact_pages, model, "contact_pages", N_("Pages of the contacts"));
  mstch::array rows;
  for (const auto& contact : data.contacts) {
    const auto name = names.find(contact.volunteer_id);
    rows.push_back(mstch::map{{"date", FormatDay(context, contact.contacted_on)},
                              {"who", name == names.end() ? std::string("—") : name->second},
                              {"kind", context.Translate(domain::ContactKindLabel(contact.kind))},
                              {"length", FormatLength(context, contact.duration_minutes)},
                              {"note", contact.note}});
  }
  return rows;
}

mstch::map ReviewsSection(Context& context, const domain::Circle& circle, const CircleData& data,
                          const CirclePageState& state) {
  const auto today = Today(context);
  mstch::map section;
  if (circle.started_on) {
    const auto schedule =
        domain::ScheduleOf(*circle.started_on, data.reviews, data.settings.review_months);
    section["next_review"] = FormatDay(context, schedule.next_review);
    if (schedule.next_renewal) section["next_renewal"] = FormatDay(context, *schedule.next_renewal);
  }
  mstch::array rows;
  for (const auto& review : data.reviews) {
    mstch::map row{{"kind", context.Translate(domain::ReviewKindLabel(review.kind))},
                   {"date", FormatDay(context, review.held_on)},
                   {"participants", review.participants},
                   {"outcome", review.outcome},
                   {"decisions", review.decisions}};
    if (review.renewal)
      row["renewal"] = context.Translate(domain::RenewalDecisionLabel(*review.renewal));
    rows.push_back(std::move(row));
  }
  section["reviews"] = rows;
  const bool failed = state.section == "review";
  mstch::map form =
      SectionModel(context, failed, state.form, state.error,
                   {"kind", "held_on", "participants", "outcome", "decisions", "renewal"},
                   {{"held_on", FormatIsoDate(today)}});
  const std::string kind = failed && state.form ? state.form->Get("kind") : "review";
  form["kinds"] =
      Choices(context, std::vector{domain::ReviewKind::kReview, domain::ReviewKind::kRenewal},
              domain::ReviewKindName, domain::ReviewKindLabel, kind);
  form["decisions_choices"] = Choices(
      context, std::vector{domain::RenewalDecision::kRenewed, domain::RenewalDecision::kClosing},
      domain::RenewalDecisionName, domain::RenewalDecisionLabel,
      failed && state.form ? state.form->Get("renewal") : "");
  section["form"] = form;
  section["can_record"] = circle.started_on.has_value() && !circle.closed();
  return section;
}

mstch::map OuterSection(Context& context, const domain::Circle& circle, const CircleData& data,
                        const CirclePageState& state) {
  const auto today = Today(context);
  std::map<std::int64_t, const domain::PartnerContact*> contacts;
  for (const auto& contact : data.partners) contacts[contact.id] = &contact;
  mstch::array rows;
  for (const auto& agreement : data.agreements) {
    const auto found = contacts.find(agreement.partner_contact_id);
    if (found == contacts.end()) continue;
    const auto& contact = *found->second;
    mstch::map row{{"id", std::to_string(agreement.id)},
                   {"name", contact.name},
                   {"contact_href", "/partners/" + std::to_string(contact.id)},
                   {"kind", context.Translate(domain::PartnerKindLabel(contact.kind))},
                   {"organisation", contact.partner_organisation},
                   {"starts", FormatDay(context, agreement.starts_on)},
                   {"scope", agreement.scope},
                   {"in_force", agreement.InForceOn(today)},
                   {"has_account", contact.user_id.has_value()},
                   {"can_end", agreement.InForceOn(today) && !circle.closed()}};
    if (agreement.ends_on) row["ends"] = FormatDay(context, *agreement.ends_on);
    if (agreement.document_id)
      row["document"] = "/circles/documents/" + std::to_string(*agreement.document_id);
    rows.push_back(std::move(row));
  }
  const bool failed = state.section == "agreement";
  mstch::map form = SectionModel(context, failed, state.form, state.error,
                                 {"contact", "starts_on", "ends_on", "scope", "title", "file"},
                                 {{"starts_on", FormatIsoDate(today)}});
  const std::string chosen = failed && state.form ? state.form->Get("contact") : "";
  mstch::array choices;
  for (const auto& contact : data.partners) {
    const std::string id = std::to_string(contact.id);
    choices.push_back(mstch::map{
        {"value", id},
        {"label", contact.name + " — " + context.Translate(domain::PartnerKindLabel(contact.kind))},
        {"selected", id == chosen}});
  }
  form["contacts"] = choices;
  return mstch::map{{"agreements", rows},
                    {"form", form},
                    {"no_contacts", choices.empty()},
                    {"can_attach", !circle.closed() && !choices.empty()}};
}

}  // namespace

Response RenderCircle(Context& context, const domain::Circle& circle,
                      const CirclePageState& state) {
  const auto& actor = context.signed_in();
  const bool all_meetings = context.request.QueryParameters().count("meetings") > 0;
  const auto data = Load(context, circle, all_meetings ? AllMeetings::kYes : AllMeetings::kNo);
  const auto today = Today(context);
  const Instant now = context.services.clock.Now();
  std::map<std::int64_t, std::string> names;
  for (const auto& volunteer : data.volunteers) names[volunteer.id] = volunteer.FullName();

  mstch::map model{{"id", std::to_string(circle.id)},
                   {"code_name", circle.code_name},
                   {"phase", context.Translate(domain::PhaseLabel(circle.phase))},
                   {"phase_badge", PhaseBadge(circle.phase)},
                   {"phase_since", FormatDay(context, circle.phase_since)},
                   {"closed", circle.closed()}};
  if (data.core_member) {
    model["core_member"] = data.core_member->name_used();
    model["core_member_href"] = "/core-members/" + std::to_string(data.core_member->id);
  }
  if (circle.started_on) model["started_on"] = FormatDay(context, *circle.started_on);
  if (circle.offence_profile)
    model["profile"] = context.Translate(domain::OffenceProfileLabel(*circle.offence_profile));
  if (circle.closed()) {
    if (circle.closed_on) model["closed_on"] = FormatDay(context, *circle.closed_on);
    if (circle.closure_reason)
      model["closure_reason"] =
          context.Translate(domain::ClosureReasonLabel(*circle.closure_reason));
    model["closing_note"] = circle.closing_note;
  }
  if (!state.notice.empty()) model["notice"] = state.notice;
  // A refused form's summary ("Please correct the errors below." with field errors), or the refusal
  // itself when it names no field (who has not signed the covenant, a closed circle…).
  if (state.error) model["form_error"] = context.Format(state.error->message);

  // This circle's flags, from what the page read.
  std::optional<CivilDate> last_meeting, last_contact;
  if (data.last_held) last_meeting = LocalDay(context, *data.last_held);
  last_contact = data.last_contact;
  mstch::array flags;
  const domain::FlagSettings flag_settings{data.settings.review_months, data.settings.contact_days};
  for (const auto& flag : domain::CircleFlags(circle, last_meeting, last_contact, data.reviews,
                                              flag_settings, today)) {
    flags.push_back(mstch::map{{"text", FlagText(context, flag, circle.code_name)},
                               {"href", FlagHref(flag)},
                               {"urgent", flag.urgent}});
  }
  for (const auto& record : data.unsettled) {
    if (const auto flag =
            domain::MinutesFlag(record.meeting, record.minutes ? &*record.minutes : nullptr,
                                LocalDay(context, record.meeting.starts), now)) {
      flags.push_back(mstch::map{{"text", FlagText(context, *flag, circle.code_name)},
                                 {"href", FlagHref(*flag)},
                                 {"urgent", flag->urgent}});
    }
  }
  model["has_flags"] = !flags.empty();
  model["flags"] = flags;

  model["members"] = MembersSection(context, circle, data, names, state);
  model["phase_section"] = PhaseSection(context, circle, data, state);
  model["covenant"] = CovenantSection(context, circle, data, names, state);
  model["meetings"] = MeetingsSection(context, circle, data, names, state);
  model["contacts"] = ContactRows(context, data, names, model);
  model["reviews"] = ReviewsSection(context, circle, data, state);
  model["outer"] = OuterSection(context, circle, data, state);

  // Details: offence profile and meeting times.
  const bool details_failed = state.section == "details";
  mstch::map details =
      SectionModel(context, details_failed, state.form, state.error, {"offence_profile"});
  const std::string profile = details_failed && state.form ? state.form->Get("offence_profile")
                              : circle.offence_profile
                                  ? std::string(domain::OffenceProfileName(*circle.offence_profile))
                                  : "";
  details["profiles"] = Choices(context, domain::OffenceProfiles(), domain::OffenceProfileName,
                                domain::OffenceProfileLabel, profile);
  details["slot_rows"] = SlotRows(
      context,
      details_failed && state.form ? SlotsOf(*state.form, "meeting_times") : circle.meeting_times,
      "details");
  details["open"] = details_failed;
  model["details"] = details;

  // Closure.
  const bool close_failed = state.section == "close";
  mstch::map close = SectionModel(context, close_failed, state.form, state.error,
                                  {"closure_reason", "closed_on", "closing_note"},
                                  {{"closed_on", FormatIsoDate(today)}});
  close["reasons"] =
      Choices(context, domain::AllClosureReasons(), domain::ClosureReasonName,
              domain::ClosureReasonLabel, close_failed ? state.form->Get("closure_reason") : "");
  close["open"] = close_failed;
  model["close"] = close;

  // Who viewed this record.
  audit::Filter filter;
  filter.action_prefix = "circle.";
  filter.object_type = "circle";
  filter.object_id = std::to_string(circle.id);
  filter.limit = 30;
  mstch::array viewers;
  for (const auto& entry :
       context.services.audit.List(context.services.database, circle.organisation_id, filter)) {
    if (entry.event.action != "circle.view") continue;
    const auto who =
        entry.event.actor_user_id ? data.users.find(*entry.event.actor_user_id) : data.users.end();
    viewers.push_back(mstch::map{
        {"who", who == data.users.end() ? context.Translate(N_("Unknown user")) : who->second},
        {"when", context.services.translator.FormatDateTime(context.language, entry.event.at)}});
  }
  model["viewers"] = viewers;
  (void)actor;
  return RenderPage(context, "circle_page", circle.code_name, std::move(model),
                    state.error ? StatusFor(state.error->kind) : 200);
}

Response Show(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  RecordView(context, "circle.view", "circle", circle->id);
  const auto query = context.request.QueryParameters();
  const auto saved = query.find("saved");
  std::string notice;
  if (saved != query.end()) {
    static const std::map<std::string, const char*> kNotices = {
        {"opened",
         N_("The circle is open, with the first version of its covenant. Propose its volunteers.")},
        {"member", N_("The volunteer is in the circle.")},
        {"left", N_("The volunteer has left the circle.")},
        {"phase", N_("The phase change is recorded, with its covenant amendment.")},
        {"started", N_("The circle has started.")},
        {"covenant", N_("The new version of the covenant is recorded. Collect its signatures.")},
        {"signed", N_("The signature is recorded.")},
        {"meetings", N_("The meetings are planned.")},
        {"review", N_("The review is recorded.")},
        {"closed", N_("The circle is closed.")},
        {"agreement", N_("The agreement is recorded.")},
        {"details", N_("The change is saved.")},
    };
    if (const auto found = kNotices.find(saved->second); found != kNotices.end()) {
      notice = context.Translate(found->second);
    }
  }
  return RenderCircle(context, *circle, {"", 0, nullptr, nullptr, notice});
}

}  // namespace cercle::web::pages::circles
