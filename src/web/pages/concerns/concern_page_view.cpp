#include "web/pages/concerns/concern_page_view.hpp"

#include <map>

#include "domain/concern_disclosure.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/meeting_place_form.hpp"
#include "web/pages/concerns/concern_common.hpp"

namespace cercle::web::pages::concerns {
namespace {

using app::concerns::ConcernPage;

// The fields of each section's form.
const std::initializer_list<std::string> kActionFields = {"kind", "note", "taken_at"};
const std::initializer_list<std::string> kMeetingFields = {"date", "time",  "duration",
                                                           "mode", "venue", "override_reason"};
const std::initializer_list<std::string> kDisclosureFields = {
    "recipient_kind", "partner_contact", "recipient_name", "recipient_organisation",
    "disclosed_at",   "means",           "shared",         "basis",
    "explanation"};
const std::initializer_list<std::string> kReplyFields = {"reply"};
const std::initializer_list<std::string> kCloseFields = {"outcome", "outcome_note"};

// The length of an emergency meeting unless the coordinator changes it.
constexpr int kEmergencyMeetingMinutes = 90;

std::string NameOf(const Context& context, const ConcernPage& page,
                   std::optional<std::int64_t> user) {
  if (user) {
    if (const auto found = page.names.find(*user); found != page.names.end()) return found->second;
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

// What was raised, by whom, about whom, and how far it went.
void AddSummary(const Context& context, const ConcernPage& page, mstch::map& model) {
  const auto& concern = page.row.concern;
  model["observed"] = concern.observed;
  model["observed_at"] = FormatMoment(context, concern.observed_at);
  model["already_done"] = concern.already_done;
  model["raised_by_volunteer"] = concern.raised_by_volunteer.has_value();
  model["duty_to_report"] = domain::ShowsDutyToReport(concern.category);
  model["circle_href"] = circles::CircleHref(concern.circle_id);
  if (page.core_member) {
    model["core_member"] = page.core_member->name_used();
    model["core_member_href"] = "/core-members/" + std::to_string(page.core_member->id);
  }
  if (concern.meeting_id)
    model["meeting_href"] = "/circles/meetings/" + std::to_string(*concern.meeting_id);
  if (concern.acknowledged_at) {
    model["acknowledged"] =
        context.Format({N_("Acknowledged by {name} on {moment}, after {delay}."),
                        {{"name", NameOf(context, page, concern.acknowledged_by)},
                         {"moment", FormatMoment(context, *concern.acknowledged_at)},
                         {"delay", context.Format(domain::DurationMessage(*concern.acknowledged_at -
                                                                          concern.raised_at))}}});
  }
  if (concern.closed_at) {
    model["closed"] = context.Format({N_("Closed by {name} on {moment}."),
                                      {{"name", NameOf(context, page, concern.closed_by)},
                                       {"moment", FormatMoment(context, *concern.closed_at)}}});
    if (concern.outcome) model["outcome"] = context.Translate(domain::LabelOf(*concern.outcome));
    model["outcome_note"] = concern.outcome_note;
  }
}

mstch::array AlertRows(const Context& context, const ConcernPage& page) {
  mstch::array rows;
  for (const auto& step : page.steps) {
    std::string recipients;
    for (const auto user : step.recipients) {
      if (!recipients.empty()) recipients += ", ";
      recipients += NameOf(context, page, user);
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

mstch::array ActionRows(const Context& context, const ConcernPage& page) {
  mstch::array rows;
  for (const auto& row : page.actions) {
    mstch::map model{{"kind", context.Translate(domain::LabelOf(row.action.kind))},
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

mstch::map ActionForm(const Context& context, const ConcernPage& page, const PageState& state) {
  mstch::map form = Section(context, state, "action", kActionFields,
                            {{"taken_at", MomentValue(context, page.now)}});
  mstch::array kinds;
  const std::string chosen = FieldValue(state, "action", "kind", "");
  for (const auto kind : domain::EnumValues<domain::ActionKind>()) {
    if (kind == domain::ActionKind::kEmergencyMeeting) continue;
    const std::string name(domain::NameOf(kind));
    kinds.push_back(mstch::map{{"value", name},
                               {"label", context.Translate(domain::LabelOf(kind))},
                               {"selected", name == chosen}});
  }
  form["kinds"] = kinds;
  return form;
}

mstch::array DisclosureRows(const Context& context, const ConcernPage& page) {
  mstch::array rows;
  for (const auto& row : page.disclosures) {
    const auto& disclosure = row.disclosure;
    mstch::map model{
        {"recipient", disclosure.recipient_name},
        {"recipient_organisation", disclosure.recipient_organisation},
        {"recipient_kind", context.Translate(domain::LabelOf(disclosure.recipient_kind))},
        {"disclosed_at", FormatMoment(context, disclosure.disclosed_at)},
        {"means", context.Translate(domain::LabelOf(disclosure.means))},
        {"shared", disclosure.shared},
        {"basis", context.Translate(domain::LabelOf(disclosure.basis))},
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

// The consents a basis may rest on, with their state today, to help choose it.
mstch::array ConsentRows(const Context& context, const ConcernPage& page) {
  mstch::array consents;
  for (const auto& consent : page.consents) {
    if (consent.scope != domain::ConsentScope::kOuterCircle &&
        consent.scope != domain::ConsentScope::kPartnerOrganisation) {
      continue;
    }
    const auto state = domain::ConsentStateOn(consent, page.today);
    std::string scope = context.Translate(domain::LabelOf(consent.scope));
    if (!consent.partner_organisation.empty()) scope += " — " + consent.partner_organisation;
    consents.push_back(mstch::map{{"scope", scope},
                                  {"state", context.Translate(domain::LabelOf(state))},
                                  {"in_force", state == domain::ConsentState::kActive}});
  }
  return consents;
}

// The agreements a basis may rest on, with whether they are in effect today (in force, and not
// suspended for want of the core member's consent).
mstch::array AgreementRows(const Context& context, const ConcernPage& page) {
  std::map<std::int64_t, const domain::PartnerContact*> contacts;
  for (const auto& contact : page.contacts) contacts[contact.id] = &contact;
  std::map<std::int64_t, domain::AgreementEffect> effects;
  mstch::array agreements;
  for (const auto& agreement : page.agreements) {
    const auto contact = contacts.find(agreement.partner_contact_id);
    std::string dates = circles::FormatDay(context, agreement.starts_on);
    if (agreement.ends_on) dates += " – " + circles::FormatDay(context, *agreement.ends_on);
    mstch::map row{
        {"partner", contact == contacts.end() ? std::string("—") : contact->second->name},
        {"dates", dates}};
    if (contact != contacts.end()) {
      effects[agreement.id] =
          domain::EffectOn(agreement, *contact->second, page.consents, page.today);
    }
    circles::AddAgreementEffect(context, effects, agreement.id, row);
    agreements.push_back(std::move(row));
  }
  return agreements;
}

mstch::array ContactChoices(const Context& context, const ConcernPage& page,
                            const std::string& chosen) {
  mstch::array contacts;
  for (const auto& contact : page.contacts) {
    std::string label = contact.name + " — " + context.Translate(domain::LabelOf(contact.kind));
    if (!contact.partner_organisation.empty()) label += ", " + contact.partner_organisation;
    const std::string value = std::to_string(contact.id);
    contacts.push_back(
        mstch::map{{"value", value}, {"label", label}, {"selected", value == chosen}});
  }
  return contacts;
}

mstch::map DisclosureForm(const Context& context, const ConcernPage& page, const PageState& state) {
  mstch::map form = Section(context, state, "disclosure", kDisclosureFields,
                            {{"disclosed_at", MomentValue(context, page.now)}});
  form["recipient_kinds"] = EnumChoices<domain::RecipientKind>(
      context, FieldValue(state, "disclosure", "recipient_kind", "partner_contact"));
  const auto contacts =
      ContactChoices(context, page, FieldValue(state, "disclosure", "partner_contact", ""));
  form["contacts"] = contacts;
  form["has_contacts"] = !contacts.empty();
  form["means_choices"] = EnumChoices<domain::DisclosureMeans>(
      context, FieldValue(state, "disclosure", "means", "phone"));
  const std::string basis = FieldValue(state, "disclosure", "basis", "");
  form["bases"] =
      WithPrompt(context, N_("Choose…"), basis, EnumChoices<domain::LegalBasis>(context, basis));
  form["consents"] = ConsentRows(context, page);
  form["agreements"] = AgreementRows(context, page);
  return form;
}

// The reply to the volunteers, and closure.
void AddReplyAndClosure(const Context& context, const ConcernPage& page, const PageState& state,
                        mstch::map& model) {
  const auto& concern = page.row.concern;
  model["reply"] = concern.reply;
  if (concern.replied_at) {
    model["replied"] = context.Format({N_("Written by {name} on {moment}."),
                                       {{"name", NameOf(context, page, concern.replied_by)},
                                        {"moment", FormatMoment(context, *concern.replied_at)}}});
  }
  model["reply_form"] = Section(context, state, "reply", kReplyFields, {{"reply", concern.reply}});
  mstch::map close_form = Section(context, state, "close", kCloseFields, {});
  const std::string outcome = FieldValue(state, "close", "outcome", "");
  close_form["outcomes"] = WithPrompt(context, N_("Choose…"), outcome,
                                      EnumChoices<domain::ConcernOutcome>(context, outcome));
  model["close_form"] = close_form;
}

// The emergency meeting's form: today, the usual length, and the place chosen as for any meeting
// (the circle's usual venue at first).
mstch::map MeetingForm(const Context& context, const ConcernPage& page, const PageState& state) {
  mstch::map form = Section(context, state, "meeting", kMeetingFields,
                            {{"date", FormatIsoDate(page.today)},
                             {"duration", std::to_string(kEmergencyMeetingMinutes)}});
  const bool failed = state.section == "meeting" && state.form;
  circles::AddPlaceChoices(context, page.venues, page.circle ? page.circle->meeting_place : "",
                           failed ? state.form : nullptr, failed ? state.error : nullptr, form);
  return form;
}

mstch::array ViewerRows(const Context& context, const ConcernPage& page) {
  mstch::array viewers;
  for (const auto& viewer : page.viewers) {
    viewers.push_back(mstch::map{{"who", NameOf(context, page, viewer.user_id)},
                                 {"when", FormatMoment(context, viewer.at)}});
  }
  return viewers;
}

}  // namespace

mstch::map ConcernView(const Context& context, const ConcernPage& page, const PageState& state) {
  const auto& concern = page.row.concern;
  mstch::map model = ConcernSummary(context, page.row);
  AddSummary(context, page, model);
  model["alerts"] = AlertRows(context, page);
  model["has_alerts"] = !page.steps.empty();
  model["can_acknowledge"] = concern.status == domain::ConcernStatus::kRaised;
  model["can_start"] = concern.status == domain::ConcernStatus::kAcknowledged;
  const bool working = domain::AcceptsWork(concern.status);
  model["working"] = working;
  model["awaiting_acknowledgement"] = concern.status == domain::ConcernStatus::kRaised;
  model["is_open"] = concern.open();
  model["actions"] = ActionRows(context, page);
  model["action_form"] = ActionForm(context, page, state);
  model["can_plan_meeting"] = working && page.circle && !page.circle->closed();
  model["meeting_form"] = MeetingForm(context, page, state);
  model["disclosures"] = DisclosureRows(context, page);
  model["disclosure_form"] = DisclosureForm(context, page, state);
  AddReplyAndClosure(context, page, state, model);
  model["viewers"] = ViewerRows(context, page);
  AddCitedSigns(page.signs, model);
  // A failed form's summary at the top too: the form itself may be far down the page.
  if (state.error) model["form_error"] = context.Format(state.error->message);
  if (!state.notice.empty()) model["notice"] = state.notice;
  model["just_raised"] = state.just_raised;
  return model;
}

}  // namespace cercle::web::pages::concerns
