// The concern page for coordinators and organisation admins: what was raised and by whom, the
// alerts sent, the duty to report for a concern about access to children, and every handling step —
// acknowledgement, actions, an emergency circle meeting, disclosures with their legal basis checked
// against the record, the reply to the volunteers, closure with an outcome — with who viewed the
// record. A failed form is shown again in its section with what was typed and why.
#include <map>

#include "auth/policies/concern_policy.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/concern_disclosure.hpp"
#include "store/circle_store.hpp"
#include "store/concern_escalation_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "store/partner_store.hpp"
#include "store/user_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"
#include "web/pages/concerns/concern_pages.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::concerns {
namespace {

using auth::policies::ConcernPolicy;

// The fields of each section's form.
const std::initializer_list<std::string> kActionFields = {"kind", "note", "taken_at"};
const std::initializer_list<std::string> kMeetingFields = {"date", "time", "duration", "place"};
const std::initializer_list<std::string> kDisclosureFields = {
    "recipient_kind", "partner_contact", "recipient_name", "recipient_organisation",
    "disclosed_at",   "means",           "shared",         "basis",
    "explanation"};
const std::initializer_list<std::string> kReplyFields = {"reply"};
const std::initializer_list<std::string> kCloseFields = {"outcome", "outcome_note"};

// How many "who viewed this record" entries the page lists.
constexpr int kViewerRows = 50;
// The length of an emergency meeting unless the coordinator changes it.
constexpr int kEmergencyMeetingMinutes = 90;

// What the page shows besides the concern: a failed form of one section, or a notice.
struct PageState {
  // "status", "action", "meeting", "disclosure", "reply", "close"; "" when no form failed.
  std::string section;
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string notice;
  // Just raised: an emergency shows the 911 notice again.
  bool just_raised = false;
};

// The concern named by {id}, when the actor may see it.
std::optional<store::ConcernRow> FindManagedConcern(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !ConcernPolicy::CanManage(actor)) return std::nullopt;
  auto row = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::ConcernStore(session).FindRow(*id, *actor.organisation_id);
  });
  if (!row || !ConcernPolicy::CanView(actor, row->concern.organisation_id)) return std::nullopt;
  return row;
}

// Everything the page reads besides the concern, in one read transaction.
struct PageData {
  std::optional<domain::Circle> circle;
  std::optional<domain::CoreMember> core_member;
  std::vector<store::ActionRow> actions;
  std::vector<store::DisclosureRow> disclosures;
  std::vector<store::EscalationStep> steps;
  std::map<std::int64_t, std::string> names;
  std::vector<domain::PartnerContact> contacts;
  std::vector<domain::SharingAgreement> agreements;
  std::vector<domain::Consent> consents;
};

PageData ReadPageData(Context& context, const domain::Concern& concern) {
  const std::int64_t organisation = concern.organisation_id;
  return context.services.database.Read(context.signed_in().scope(), [&](soci::session& session) {
    PageData data;
    data.circle = store::CircleStore(session).Find(concern.circle_id, organisation);
    store::CoreMemberStore core_members(session);
    if (data.circle) {
      data.core_member = core_members.Find(data.circle->core_member_id, organisation);
      data.consents = core_members.Consents(data.circle->core_member_id, organisation);
      data.agreements =
          store::PartnerStore(session).AgreementsOfCircle(data.circle->id, organisation);
    }
    store::ConcernStore concerns(session);
    data.actions = concerns.Actions(concern.id, organisation);
    data.disclosures = concerns.Disclosures(concern.id, organisation);
    data.steps = store::ConcernEscalationStore(session).StepsOf(concern.id, organisation);
    for (const auto& user : store::UserStore(session).ListOrganisation(organisation)) {
      data.names[user.id] = user.display_name;
    }
    data.contacts = store::PartnerStore(session).List(organisation);
    return data;
  });
}

std::string NameOf(const Context& context, const PageData& data, std::optional<std::int64_t> user) {
  if (user) {
    if (const auto found = data.names.find(*user); found != data.names.end()) return found->second;
  }
  return context.Translate(N_("Unknown user"));
}

// The model of a section's form: what was typed when it failed, or empty fields with `defaults`.
mstch::map Section(const Context& context, const PageState& state, const std::string& section,
                   std::initializer_list<std::string> names,
                   const std::map<std::string, std::string>& defaults) {
  const bool failed = state.section == section;
  mstch::map model = circles::SectionModel(context, failed, state.form,
                                           failed ? state.error : nullptr, names, defaults);
  // A section shows its own error only, and never the page's notice (form_error.mustache shows
  // both).
  model["form_error"] = failed && state.error ? mstch::node(context.Format(state.error->message))
                                              : mstch::node(false);
  model["notice"] = false;
  return model;
}

std::string FieldValue(const PageState& state, const std::string& section, const std::string& name,
                       const std::string& fallback) {
  return state.section == section && state.form ? state.form->Get(name) : fallback;
}

mstch::array AlertRows(const Context& context, const PageData& data) {
  mstch::array rows;
  for (const auto& step : data.steps) {
    std::string recipients;
    for (const auto user : step.recipients) {
      if (!recipients.empty()) recipients += ", ";
      recipients += NameOf(context, data, user);
    }
    mstch::map row{
        {"label", step.step == 0 ? context.Translate(N_("On-call coordinators"))
                                 : context.Format({N_("Escalation {step}"),
                                                   {{"step", std::to_string(step.step)}}})},
        {"recipients", recipients}};
    if (step.fired_at) {
      row["sent"] = FormatMoment(context, *step.fired_at);
    } else if (step.cancelled_at) {
      row["cancelled"] = true;
    } else {
      row["due"] = FormatMoment(context, step.due_at);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

mstch::array ActionRows(const Context& context, const std::vector<store::ActionRow>& actions) {
  mstch::array rows;
  for (const auto& row : actions) {
    mstch::map model{{"kind", context.Translate(domain::ActionKindLabel(row.action.kind))},
                     {"note", row.action.note},
                     {"taken_at", FormatMoment(context, row.action.taken_at)},
                     {"recorded_by", row.recorded_by_name},
                     {"recorded_at", FormatMoment(context, row.action.recorded_at)}};
    if (row.action.meeting_id)
      model["meeting_href"] = "/circles/meetings/" + std::to_string(*row.action.meeting_id);
    rows.push_back(std::move(model));
  }
  return rows;
}

mstch::array DisclosureRows(const Context& context,
                            const std::vector<store::DisclosureRow>& disclosures) {
  mstch::array rows;
  for (const auto& row : disclosures) {
    const auto& disclosure = row.disclosure;
    mstch::map model{{"recipient", disclosure.recipient_name},
                     {"recipient_organisation", disclosure.recipient_organisation},
                     {"recipient_kind",
                      context.Translate(domain::RecipientKindLabel(disclosure.recipient_kind))},
                     {"disclosed_at", FormatMoment(context, disclosure.disclosed_at)},
                     {"means", context.Translate(domain::DisclosureMeansLabel(disclosure.means))},
                     {"shared", disclosure.shared},
                     {"basis", context.Translate(domain::LegalBasisLabel(disclosure.basis))},
                     {"explanation", disclosure.explanation},
                     {"recorded_by", row.recorded_by_name},
                     {"recorded_at", FormatMoment(context, disclosure.recorded_at)}};
    if (disclosure.partner_contact_id) {
      model["partner_href"] = "/partners/" + std::to_string(*disclosure.partner_contact_id);
    }
    rows.push_back(std::move(model));
  }
  return rows;
}

// The consents and agreements a basis may rest on, with their state today, to help choose it.
void AddRecordForBases(const Context& context, const PageData& data, domain::CivilDate today,
                       mstch::map& model) {
  mstch::array consents;
  for (const auto& consent : data.consents) {
    if (consent.scope != domain::ConsentScope::kOuterCircle &&
        consent.scope != domain::ConsentScope::kPartnerOrganisation) {
      continue;
    }
    const auto state = domain::ConsentStateOn(consent, today);
    std::string scope = context.Translate(domain::ConsentScopeLabel(consent.scope));
    if (!consent.partner_organisation.empty()) scope += " — " + consent.partner_organisation;
    consents.push_back(mstch::map{{"scope", scope},
                                  {"state", context.Translate(domain::ConsentStateLabel(state))},
                                  {"in_force", state == domain::ConsentState::kActive}});
  }
  model["consents"] = consents;
  std::map<std::int64_t, std::string> contact_names;
  for (const auto& contact : data.contacts) contact_names[contact.id] = contact.name;
  mstch::array agreements;
  for (const auto& agreement : data.agreements) {
    const auto name = contact_names.find(agreement.partner_contact_id);
    std::string dates = circles::FormatDay(context, agreement.starts_on);
    if (agreement.ends_on) dates += " – " + circles::FormatDay(context, *agreement.ends_on);
    agreements.push_back(
        mstch::map{{"partner", name == contact_names.end() ? std::string("—") : name->second},
                   {"dates", dates},
                   {"in_force", agreement.InForceOn(today)}});
  }
  model["agreements"] = agreements;
}

Response RenderConcern(Context& context, const store::ConcernRow& row, const PageState& state) {
  const auto& concern = row.concern;
  const auto data = ReadPageData(context, concern);
  const Instant now = context.services.clock.Now();
  const auto today = circles::Today(context);
  mstch::map model = ConcernSummary(context, row);
  model["observed"] = concern.observed;
  model["observed_at"] = FormatMoment(context, concern.observed_at);
  model["already_done"] = concern.already_done;
  model["raised_by_volunteer"] = concern.raised_by_volunteer.has_value();
  model["duty_to_report"] = domain::ShowsDutyToReport(concern.category);
  model["circle_href"] = circles::CircleHref(concern.circle_id);
  if (data.core_member) {
    model["core_member"] = data.core_member->name_used();
    model["core_member_href"] = "/core-members/" + std::to_string(data.core_member->id);
  }
  if (concern.meeting_id)
    model["meeting_href"] = "/circles/meetings/" + std::to_string(*concern.meeting_id);
  if (concern.acknowledged_at) {
    model["acknowledged"] =
        context.Format({N_("Acknowledged by {name} on {moment}, after {delay}."),
                        {{"name", NameOf(context, data, concern.acknowledged_by)},
                         {"moment", FormatMoment(context, *concern.acknowledged_at)},
                         {"delay", context.Format(domain::DurationMessage(*concern.acknowledged_at -
                                                                          concern.raised_at))}}});
  }
  if (concern.closed_at) {
    model["closed"] = context.Format({N_("Closed by {name} on {moment}."),
                                      {{"name", NameOf(context, data, concern.closed_by)},
                                       {"moment", FormatMoment(context, *concern.closed_at)}}});
    if (concern.outcome)
      model["outcome"] = context.Translate(domain::ConcernOutcomeLabel(*concern.outcome));
    model["outcome_note"] = concern.outcome_note;
  }
  model["alerts"] = AlertRows(context, data);
  model["has_alerts"] = !data.steps.empty();
  model["can_acknowledge"] = concern.status == domain::ConcernStatus::kRaised;
  model["can_start"] = concern.status == domain::ConcernStatus::kAcknowledged;
  const bool working = domain::AcceptsWork(concern.status);
  model["working"] = working;
  model["awaiting_acknowledgement"] = concern.status == domain::ConcernStatus::kRaised;
  model["is_open"] = concern.open();

  // Actions and the emergency meeting.
  model["actions"] = ActionRows(context, data.actions);
  mstch::map action_form =
      Section(context, state, "action", kActionFields, {{"taken_at", MomentValue(context, now)}});
  mstch::array kinds;
  const std::string chosen_kind = FieldValue(state, "action", "kind", "");
  for (const auto kind : domain::ActionKinds()) {
    if (kind == domain::ActionKind::kEmergencyMeeting) continue;
    const std::string name(domain::ActionKindName(kind));
    kinds.push_back(mstch::map{{"value", name},
                               {"label", context.Translate(domain::ActionKindLabel(kind))},
                               {"selected", name == chosen_kind}});
  }
  action_form["kinds"] = kinds;
  model["action_form"] = action_form;
  const bool circle_open = data.circle && !data.circle->closed();
  model["can_plan_meeting"] = working && circle_open;
  model["meeting_form"] = Section(context, state, "meeting", kMeetingFields,
                                  {{"date", domain::FormatIsoDate(today)},
                                   {"duration", std::to_string(kEmergencyMeetingMinutes)}});

  // Disclosures.
  model["disclosures"] = DisclosureRows(context, data.disclosures);
  mstch::map disclosure_form = Section(context, state, "disclosure", kDisclosureFields,
                                       {{"disclosed_at", MomentValue(context, now)}});
  disclosure_form["recipient_kinds"] = circles::Choices(
      context, domain::RecipientKinds(), domain::RecipientKindName, domain::RecipientKindLabel,
      FieldValue(state, "disclosure", "recipient_kind", "partner_contact"));
  mstch::array contacts;
  const std::string chosen_contact = FieldValue(state, "disclosure", "partner_contact", "");
  for (const auto& contact : data.contacts) {
    std::string label =
        contact.name + " — " + context.Translate(domain::PartnerKindLabel(contact.kind));
    if (!contact.partner_organisation.empty()) label += ", " + contact.partner_organisation;
    const std::string value = std::to_string(contact.id);
    contacts.push_back(
        mstch::map{{"value", value}, {"label", label}, {"selected", value == chosen_contact}});
  }
  disclosure_form["contacts"] = contacts;
  disclosure_form["has_contacts"] = !contacts.empty();
  disclosure_form["means_choices"] = circles::Choices(
      context, domain::DisclosureMeansList(), domain::DisclosureMeansName,
      domain::DisclosureMeansLabel, FieldValue(state, "disclosure", "means", "phone"));
  mstch::array bases{
      mstch::map{{"value", std::string()},
                 {"label", context.Translate(N_("Choose…"))},
                 {"selected", FieldValue(state, "disclosure", "basis", "").empty()}}};
  for (auto& basis :
       circles::Choices(context, domain::LegalBases(), domain::LegalBasisName,
                        domain::LegalBasisLabel, FieldValue(state, "disclosure", "basis", ""))) {
    bases.push_back(std::move(basis));
  }
  disclosure_form["bases"] = bases;
  AddRecordForBases(context, data, today, disclosure_form);
  model["disclosure_form"] = disclosure_form;

  // The reply to the volunteers, and closure.
  model["reply"] = concern.reply;
  if (concern.replied_at) {
    model["replied"] = context.Format({N_("Written by {name} on {moment}."),
                                       {{"name", NameOf(context, data, concern.replied_by)},
                                        {"moment", FormatMoment(context, *concern.replied_at)}}});
  }
  model["reply_form"] = Section(context, state, "reply", kReplyFields, {{"reply", concern.reply}});
  mstch::map close_form = Section(context, state, "close", kCloseFields, {});
  mstch::array outcomes{
      mstch::map{{"value", std::string()},
                 {"label", context.Translate(N_("Choose…"))},
                 {"selected", FieldValue(state, "close", "outcome", "").empty()}}};
  for (auto& outcome :
       circles::Choices(context, domain::ConcernOutcomes(), domain::ConcernOutcomeName,
                        domain::ConcernOutcomeLabel, FieldValue(state, "close", "outcome", ""))) {
    outcomes.push_back(std::move(outcome));
  }
  close_form["outcomes"] = outcomes;
  model["close_form"] = close_form;

  // Who viewed this record.
  const auto& actor = context.signed_in();
  audit::Filter filter;
  filter.action_prefix = "concern.";
  filter.object_type = "concern";
  filter.object_id = std::to_string(concern.id);
  filter.limit = kViewerRows;
  mstch::array viewers;
  for (const auto& entry :
       context.services.audit.List(context.services.database, *actor.organisation_id, filter)) {
    const auto& action = entry.event.action;
    if (action != "concern.view" && action != "concern.volunteer_view" &&
        action != "concern.partner_view")
      continue;
    viewers.push_back(mstch::map{{"who", NameOf(context, data, entry.event.actor_user_id)},
                                 {"when", FormatMoment(context, entry.event.at)}});
  }
  model["viewers"] = viewers;

  // A failed form's summary at the top too: the form itself may be far down the page.
  if (state.error) model["form_error"] = context.Format(state.error->message);
  if (!state.notice.empty()) model["notice"] = state.notice;
  model["just_raised"] = state.just_raised;
  const std::string title =
      row.code_name + " — " + context.Translate(domain::ConcernCategoryLabel(concern.category));
  return RenderPage(context, "concern_page", title, std::move(model),
                    state.error ? StatusFor(state.error->kind) : 200);
}

// Shows the page again with the failed form of `section`.
Response Refuse(Context& context, const store::ConcernRow& row, const std::string& section,
                const Form& form, const Error& error) {
  const Error localised = Localised(context, error);
  return RenderConcern(context, row, {section, &form, &localised, "", false});
}

Response Redirect(const store::ConcernRow& row, const std::string& notice,
                  const std::string& anchor = "") {
  return Response::Redirect(ConcernHref(row.concern.id) + "?done=" + notice +
                            (anchor.empty() ? "" : "#" + anchor));
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

// Moves the concern to in progress when it is acknowledged and work is recorded, inside the
// caller's transaction.
void StartIfAcknowledged(Context& context, soci::session& session, const domain::Concern& concern,
                         Instant now) {
  if (concern.status != domain::ConcernStatus::kAcknowledged) return;
  if (store::ConcernStore(session).Start(concern.id, concern.organisation_id, now)) {
    AuditConcern(context, session, "concern.start", concern.id);
  }
}

// Refuses work on a concern that is not acknowledged or already closed.
std::optional<Error> WorkRefused(const domain::Concern& concern) {
  if (domain::AcceptsWork(concern.status)) return std::nullopt;
  if (concern.status == domain::ConcernStatus::kClosed)
    return Error::Conflict(N_("This concern is closed."));
  return Error::Conflict(N_("Acknowledge the concern first."));
}

}  // namespace

Response Show(Context& context) {
  const auto row = FindManagedConcern(context);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  RecordConcernView(context, "concern.view", row->concern.id);
  std::string query = context.request.query;
  if (query == "raised=1")
    query = domain::Alerts(row->concern.severity) ? "done=raised-alert" : "done=raised";
  return RenderConcern(
      context, *row,
      {"", nullptr, nullptr, NoticeFor(context, query), query != context.request.query});
}

Response Acknowledge(Context& context) {
  const auto row = FindManagedConcern(context);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  const Form form(context.request);
  if (auto checked =
          domain::CheckConcernTransition(row->concern.status, domain::ConcernStatus::kAcknowledged);
      !checked) {
    return Refuse(context, *row, "status", form, checked.error());
  }
  const auto& actor = context.signed_in();
  const Instant now = context.services.clock.Now();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!store::ConcernStore(session).Acknowledge(row->concern.id, row->concern.organisation_id,
                                                      actor.user_id, now)) {
          return Error::Conflict(N_("This concern is already acknowledged."));
        }
        store::ConcernEscalationStore(session).CancelPending(row->concern.id,
                                                             row->concern.organisation_id, now);
        AuditConcern(context, session, "concern.acknowledge", row->concern.id);
        return {};
      });
  if (!done) return Refuse(context, *row, "status", form, done.error());
  return Redirect(*row, "acknowledged");
}

Response Start(Context& context) {
  const auto row = FindManagedConcern(context);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  const Form form(context.request);
  if (auto checked =
          domain::CheckConcernTransition(row->concern.status, domain::ConcernStatus::kInProgress);
      !checked) {
    return Refuse(context, *row, "status", form, checked.error());
  }
  const auto& actor = context.signed_in();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!store::ConcernStore(session).Start(row->concern.id, row->concern.organisation_id,
                                                context.services.clock.Now())) {
          return Error::Conflict(N_("This concern is already in progress."));
        }
        AuditConcern(context, session, "concern.start", row->concern.id);
        return {};
      });
  if (!done) return Refuse(context, *row, "status", form, done.error());
  return Redirect(*row, "started");
}

Response RecordAction(Context& context) {
  const auto row = FindManagedConcern(context);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  const Form form(context.request);
  if (const auto refused = WorkRefused(row->concern))
    return Refuse(context, *row, "action", form, *refused);
  const Instant now = context.services.clock.Now();
  domain::ConcernAction action;
  action.organisation_id = row->concern.organisation_id;
  action.concern_id = row->concern.id;
  const auto kind = domain::ParseActionKind(form.Get("kind"));
  action.note = form.Get("note");
  const auto taken_at = ParseMoment(context, form.Get("taken_at"));
  if (auto checked = domain::CheckAction(kind, action.note, taken_at, row->concern, now);
      !checked) {
    return Refuse(context, *row, "action", form, checked.error());
  }
  action.kind = *kind;
  action.taken_at = *taken_at;
  const auto& actor = context.signed_in();
  action.recorded_by = actor.user_id;
  action.recorded_at = now;
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::ConcernStore(session).InsertAction(action);
    AuditConcern(context, session, "concern.action", row->concern.id);
    StartIfAcknowledged(context, session, row->concern, now);
    return {};
  });
  return Redirect(*row, "action", "actions");
}

Response PlanEmergencyMeeting(Context& context) {
  const auto row = FindManagedConcern(context);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  const Form form(context.request);
  if (const auto refused = WorkRefused(row->concern))
    return Refuse(context, *row, "meeting", form, *refused);
  const auto& actor = context.signed_in();
  const auto circle = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::CircleStore(session).Find(row->concern.circle_id, row->concern.organisation_id);
  });
  if (!circle || circle->closed()) {
    return Refuse(context, *row, "meeting", form,
                  Error::Conflict(N_("This circle is closed: no meeting can be planned.")));
  }
  domain::MeetingPlan plan;
  plan.kind = domain::MeetingKind::kEmergency;
  plan.date = domain::ParseIsoDate(form.Get("date"));
  plan.start_minute = circles::ParseTime(form.Get("time"));
  const std::string duration = form.Get("duration");
  if (!duration.empty() && duration.size() <= 4 &&
      duration.find_first_not_of("0123456789") == std::string::npos) {
    plan.duration_minutes = std::stoi(duration);
  }
  plan.place = form.Get("place");
  plan.count = 1;
  if (auto checked = domain::CheckMeetingPlan(plan, circle->phase, circles::Today(context));
      !checked) {
    return Refuse(context, *row, "meeting", form, checked.error());
  }
  const Instant now = context.services.clock.Now();
  domain::Meeting meeting;
  meeting.organisation_id = circle->organisation_id;
  meeting.circle_id = circle->id;
  meeting.kind = domain::MeetingKind::kEmergency;
  meeting.starts = circles::LocalInstant(context, *plan.date, *plan.start_minute);
  meeting.duration_minutes = *plan.duration_minutes;
  meeting.place = plan.place;
  meeting.created_by = actor.user_id;
  meeting.created_at = now;
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    const auto meeting_id = store::MeetingStore(session).Insert(meeting);
    circles::Audit(context, session, "circle.meeting_plan", "circle", circle->id);
    domain::ConcernAction action;
    action.organisation_id = row->concern.organisation_id;
    action.concern_id = row->concern.id;
    action.kind = domain::ActionKind::kEmergencyMeeting;
    action.note = context.Format({N_("Emergency meeting on {moment}, {place}."),
                                  {{"moment", circles::FormatMeetingTime(context, meeting.starts)},
                                   {"place", meeting.place}}});
    action.taken_at = now;
    action.meeting_id = meeting_id;
    action.recorded_by = actor.user_id;
    action.recorded_at = now;
    store::ConcernStore(session).InsertAction(action);
    AuditConcern(context, session, "concern.action", row->concern.id);
    StartIfAcknowledged(context, session, row->concern, now);
    return {};
  });
  return Redirect(*row, "meeting", "actions");
}

Response RecordDisclosure(Context& context) {
  const auto row = FindManagedConcern(context);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  const Form form(context.request);
  if (const auto refused = WorkRefused(row->concern))
    return Refuse(context, *row, "disclosure", form, *refused);
  const auto& actor = context.signed_in();
  const auto& concern = row->concern;
  domain::DisclosureDraft draft;
  draft.recipient_kind = domain::ParseRecipientKind(form.Get("recipient_kind"));
  draft.partner_contact_id = ParseId(form.Get("partner_contact"));
  draft.recipient_name = form.Get("recipient_name");
  draft.recipient_organisation = form.Get("recipient_organisation");
  draft.disclosed_at = ParseMoment(context, form.Get("disclosed_at"));
  draft.means = domain::ParseDisclosureMeans(form.Get("means"));
  draft.shared = form.Get("shared");
  draft.basis = domain::ParseLegalBasis(form.Get("basis"));
  draft.explanation = form.Get("explanation");
  // The record the basis is checked against, read at once.
  struct Record {
    std::optional<domain::PartnerContact> contact;
    std::vector<domain::Consent> consents;
    std::vector<domain::SharingAgreement> agreements;
  };
  const auto record = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Record record;
    const std::int64_t organisation = concern.organisation_id;
    store::PartnerStore partners(session);
    if (draft.partner_contact_id)
      record.contact = partners.Find(*draft.partner_contact_id, organisation);
    record.agreements = partners.AgreementsOfCircle(concern.circle_id, organisation);
    if (const auto circle = store::CircleStore(session).Find(concern.circle_id, organisation)) {
      record.consents =
          store::CoreMemberStore(session).Consents(circle->core_member_id, organisation);
    }
    return record;
  });
  const Instant now = context.services.clock.Now();
  std::optional<domain::CivilDate> day;
  if (draft.disclosed_at) day = circles::LocalDay(context, *draft.disclosed_at);
  const domain::DisclosureRecord against{concern,
                                         concern.circle_id,
                                         record.contact ? &*record.contact : nullptr,
                                         record.consents,
                                         record.agreements,
                                         day,
                                         now};
  auto checked = domain::CheckDisclosure(draft, against);
  if (!checked) return Refuse(context, *row, "disclosure", form, checked.error());
  auto disclosure = std::move(checked).value();
  disclosure.recorded_by = actor.user_id;
  disclosure.recorded_at = now;
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::ConcernStore(session).InsertDisclosure(disclosure);
    AuditConcern(context, session, "concern.disclose", concern.id);
    StartIfAcknowledged(context, session, concern, now);
    return {};
  });
  return Redirect(*row, "disclosure", "disclosures");
}

Response Reply(Context& context) {
  const auto row = FindManagedConcern(context);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  const Form form(context.request);
  std::string reply = form.Get("reply");
  if (auto checked = domain::CheckReply(reply); !checked)
    return Refuse(context, *row, "reply", form, checked.error());
  const auto& actor = context.signed_in();
  const Instant now = context.services.clock.Now();
  const auto services = AlertServicesOf(context);
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::ConcernStore(session).SetReply(row->concern.id, row->concern.organisation_id,
                                          actor.user_id, reply, now);
    AuditConcern(context, session, "concern.reply", row->concern.id);
    if (row->concern.raised_by != actor.user_id)
      notify::QueueReplyMail(session, services, row->concern, row->code_name, now);
    return {};
  });
  return Redirect(*row, "reply", "reply");
}

Response Close(Context& context) {
  const auto row = FindManagedConcern(context);
  if (!row) return Deny(context, "concern", context.Parameter("id"));
  const Form form(context.request);
  if (auto checked =
          domain::CheckConcernTransition(row->concern.status, domain::ConcernStatus::kClosed);
      !checked) {
    return Refuse(context, *row, "close", form, checked.error());
  }
  const auto outcome = domain::ParseConcernOutcome(form.Get("outcome"));
  std::string note = form.Get("outcome_note");
  if (auto checked = domain::CheckClosure(outcome, note); !checked) {
    return Refuse(context, *row, "close", form, checked.error());
  }
  const auto& actor = context.signed_in();
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!store::ConcernStore(session).Close(row->concern.id, row->concern.organisation_id,
                                                actor.user_id, *outcome, note,
                                                context.services.clock.Now())) {
          return Error::Conflict(N_("This concern is closed."));
        }
        AuditConcern(context, session, "concern.close", row->concern.id);
        return {};
      });
  if (!done) return Refuse(context, *row, "close", form, done.error());
  return Redirect(*row, "closed");
}

}  // namespace cercle::web::pages::concerns
