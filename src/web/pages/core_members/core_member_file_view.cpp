// The file page's view: the template's data, one function per section of the page.
#include <algorithm>

#include "domain/legal.hpp"
#include "web/badges.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"

namespace cercle::web::pages::core_members {
namespace {

constexpr const char* kDocumentPath = "/core-members/documents/";

std::string ConsentTone(domain::ConsentState state) {
  using enum domain::ConsentState;
  return ToneOf(state,
                {.ok = {kActive}, .warning = {kNotYetValid}, .danger = {kExpired, kWithdrawn}});
}

// Status: the moves allowed by hand, each a button; closing asks for confirmation.
mstch::array Moves(const Context& context, const domain::CoreMember& member) {
  mstch::array moves;
  for (const auto to : domain::AllowedCoreMemberMoves(member.status)) {
    const bool closing = to == domain::CoreMemberStatus::kClosed;
    moves.push_back(mstch::map{{"value", std::string(domain::NameOf(to))},
                               {"label", context.Translate(domain::LabelOf(to))},
                               {"danger", closing}});
  }
  return moves;
}

// True when `date` is one of the key dates coming up.
struct Near {
  std::vector<domain::KeyDate> upcoming;
  bool operator()(const std::optional<CivilDate>& date) const {
    return date && std::any_of(upcoming.begin(), upcoming.end(),
                               [&](const domain::KeyDate& key) { return key.date == *date; });
  }
};

mstch::array Conditions(const Context& context, const app::intake::CoreMemberFile& file,
                        const domain::SupervisionOrder& order, const Near& near) {
  mstch::array conditions;
  for (const auto& condition : file.conditions) {
    if (condition.order_id != order.id) continue;
    mstch::map row{
        {"kind", context.Translate(domain::LabelOf(condition.kind))},
        {"text", condition.text},
        {"starts", ShowDate(context, condition.starts_on)},
        {"ends", ShowDate(context, condition.ends_on)},
        {"ending_soon", near(condition.ends_on)},
        {"in_force", condition.InForceOn(file.today)},
        {"protects_victim", condition.protects_victim},
        {"edit_href", "/core-members/conditions/" + std::to_string(condition.id) + "/edit"}};
    if (file.victim_details && condition.protects_victim) {
      row["victim_identity"] = condition.victim_identity;
      row["victim_places"] = condition.victim_places;
    }
    conditions.push_back(std::move(row));
  }
  return conditions;
}

// Legal status: each order with its conditions.
mstch::array Orders(const Context& context, const app::intake::CoreMemberFile& file,
                    const Near& near) {
  mstch::array orders;
  for (const auto& order : file.orders) {
    const auto conditions = Conditions(context, file, order, near);
    std::string officer = order.officer_user_id
                              ? UserName(context, file.users, order.officer_user_id)
                              : order.officer_name;
    orders.push_back(mstch::map{
        {"type", context.Translate(domain::LabelOf(order.type))},
        {"starts", ShowDate(context, order.starts_on)},
        {"ends", ShowDate(context, order.ends_on)},
        {"ending_soon", near(order.ends_on)},
        {"officer", officer},
        {"officer_contact", order.officer_user_id ? std::string() : order.officer_contact},
        {"edit_href", "/core-members/orders/" + std::to_string(order.id) + "/edit"},
        {"new_condition_href",
         "/core-members/orders/" + std::to_string(order.id) + "/conditions/new"},
        {"conditions", conditions},
        {"no_conditions", conditions.empty()}});
  }
  return orders;
}

mstch::array Risks(const Context& context, const app::intake::CoreMemberFile& file) {
  mstch::array risks;
  for (const auto& risk : file.risks) {
    mstch::map row{{"tool", risk.tool == domain::RiskTool::kOther
                                ? risk.tool_other
                                : context.Translate(domain::LabelOf(risk.tool))},
                   {"score", risk.score},
                   {"level", risk.level},
                   {"assessed_on", ShowDate(context, risk.assessed_on)},
                   {"assessor", risk.assessor}};
    if (risk.source_document_id) {
      for (const auto& document : file.documents) {
        if (document.id != *risk.source_document_id) continue;
        row["document_title"] = document.title;
        row["document_href"] = kDocumentPath + std::to_string(document.id);
      }
    }
    risks.push_back(std::move(row));
  }
  return risks;
}

// A consent's row, with the withdrawal form as typed when it failed.
mstch::map ConsentRow(const Context& context, const domain::Consent& consent, CivilDate today,
                      const FilePageState& state) {
  const auto consent_state = domain::ConsentStateOn(consent, today);
  mstch::map row{
      {"id", std::to_string(consent.id)},
      {"scope", context.Translate(domain::LabelOf(consent.scope))},
      {"partner", consent.partner_organisation},
      {"given", ShowDate(context, consent.given_on)},
      {"expires", ShowDate(context, consent.expires_on)},
      {"withdrawn", ShowDate(context, consent.withdrawn_on)},
      {"state", context.Translate(domain::LabelOf(consent_state))},
      {"tone", ConsentTone(consent_state)},
      {"can_withdraw", !consent.withdrawn_on},
      {"withdraw_action", "/core-members/consents/" + std::to_string(consent.id) + "/withdraw"},
      {"today", FormatIsoDate(today)}};
  if (state.section == "consents" && state.form &&
      state.form->Get("consent") == std::to_string(consent.id)) {
    row["today"] = state.form->Get("withdrawn_on");
    if (state.error) {
      for (const auto& field : state.error->fields)
        row["withdraw_error"] = context.Format(field.message);
      if (state.error->fields.empty()) row["withdraw_error"] = context.Format(state.error->message);
    }
  }
  return row;
}

// Consents: each with its state today; the lapsed ones also at the top of the page.
void AddConsents(const Context& context, const app::intake::CoreMemberFile& file,
                 const FilePageState& state, mstch::map& model) {
  mstch::array consents;
  for (const auto& consent : file.consents)
    consents.push_back(ConsentRow(context, consent, file.today, state));
  mstch::array lapsed;
  for (const auto& consent : domain::LapsedConsents(file.consents, file.today)) {
    lapsed.push_back(mstch::map{{"scope", context.Translate(domain::LabelOf(consent.scope))},
                                {"partner", consent.partner_organisation},
                                {"state", context.Translate(domain::LabelOf(
                                              domain::ConsentStateOn(consent, file.today)))}});
  }
  model["no_consents"] = consents.empty();
  model["consents"] = std::move(consents);
  model["has_lapsed"] = !lapsed.empty();
  model["lapsed"] = std::move(lapsed);
}

// The referrals that opened the file, and their documents beside the file's own.
void AddReferralsAndDocuments(const Context& context, const app::intake::CoreMemberFile& file,
                              mstch::map& model) {
  mstch::array referrals;
  mstch::array referral_documents;
  for (std::size_t index = 0; index < file.referrals.size(); ++index) {
    const auto& referral = file.referrals[index];
    referrals.push_back(
        mstch::map{{"href", "/referrals/" + std::to_string(referral.id)},
                   {"received", ShowDate(context, referral.received_on)},
                   {"source", context.Translate(domain::LabelOf(referral.source))},
                   {"status", context.Translate(domain::LabelOf(referral.status))}});
    for (auto& row : DocumentRows(context, file.referral_documents[index], "/referrals/documents/",
                                  file.users)) {
      referral_documents.push_back(std::move(row));
    }
  }
  mstch::array documents = DocumentRows(context, file.documents, kDocumentPath, file.users);
  model["no_referrals"] = referrals.empty();
  model["referrals"] = std::move(referrals);
  model["no_documents"] = documents.empty() && referral_documents.empty();
  model["documents"] = std::move(documents);
  model["referral_documents"] = std::move(referral_documents);
}

// The identity, contact and summaries of the file.
mstch::map Identity(const Context& context, const app::intake::CoreMemberFile& file) {
  const auto& member = file.member;
  return mstch::map{
      {"id", std::to_string(member.id)},
      {"href", FileHref(member.id)},
      {"file_number", member.file_number},
      {"legal_name", member.legal_name},
      {"preferred_name", member.preferred_name},
      {"name", member.name_used()},
      {"birth_date", ShowDate(context, member.birth_date)},
      {"language", member.preferred_language == domain::PreferredLanguage::kOther
                       ? member.other_language
                       : context.Translate(domain::LabelOf(member.preferred_language))},
      {"phone", member.phone},
      {"email", member.email},
      {"address", member.address},
      {"region", member.region},
      {"coordinator", member.coordinator_user_id
                          ? UserName(context, file.users, member.coordinator_user_id)
                          : std::string()},
      {"offence_summary", member.offence_summary},
      {"volunteer_summary", member.volunteer_summary},
      {"status", context.Translate(domain::LabelOf(member.status))},
      {"tone", StatusTone(member.status)},
      {"closed", member.status == domain::CoreMemberStatus::kClosed}};
}

}  // namespace

std::string StatusTone(domain::CoreMemberStatus status) {
  using enum domain::CoreMemberStatus;
  return ToneOf(status, {.ok = {kInCircle}, .warning = {kWaitingForCircle, kBetweenCircles}});
}

mstch::map FileView(const Context& context, const app::intake::CoreMemberFile& file,
                    const FilePageState& state) {
  const auto& member = file.member;
  const Near near{domain::UpcomingKeyDates(member, file.orders, file.conditions, file.today)};
  mstch::map model = Identity(context, file);
  model["moves"] = Moves(context, member);
  model["history"] = HistoryRows(context, file.history, file.users);
  model["statutory_release"] = ShowDate(context, member.statutory_release_date);
  model["statutory_release_soon"] = near(member.statutory_release_date);
  model["warrant_expiry"] = ShowDate(context, member.warrant_expiry_date);
  model["warrant_expiry_soon"] = near(member.warrant_expiry_date);
  const auto orders = Orders(context, file, near);
  model["no_orders"] = orders.empty();
  model["orders"] = orders;
  const auto risks = Risks(context, file);
  model["no_risks"] = risks.empty();
  model["risks"] = risks;
  AddConsents(context, file, state, model);
  AddReferralsAndDocuments(context, file, model);
  model["viewers"] = ViewerRows(context, file.viewers, file.users);
  // The forms of the page, as typed when one of them failed.
  const Form* form = state.form;
  model["reason"] = mstch::map{
      {"value", form && state.section == "status" ? form->Get("reason") : std::string()}};
  model["title"] = mstch::map{
      {"value", form && state.section == "documents" ? form->Get("title") : std::string()}};
  if (state.error) AddErrors(context, WithTranslatedArguments(context, *state.error), model);
  if (!state.notice.empty()) model["notice"] = state.notice;
  return model;
}

Response RenderFile(Context& context, std::int64_t core_member_id, const FilePageState& state) {
  const auto file =
      app::intake::LoadCoreMemberFile(context.services.app, context.signed_in(), core_member_id);
  if (!file) return Deny(context, "core_member", std::to_string(core_member_id));
  const int status = state.error ? StatusFor(state.error->kind) : 200;
  return RenderPage(context, "core_member_file", file->member.name_used(),
                    FileView(context, *file, state), status);
}

}  // namespace cercle::web::pages::core_members
