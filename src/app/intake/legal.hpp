#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/intake/core_members.hpp"
#include "domain/legal.hpp"

// A file's legal status (supervision orders and their conditions), its risk assessments as
// received, and its consents. Changes need the core member policy's CanChange on the file; risk
// assessments also its CanReadRisk. Anything else is NotFound.
namespace cercle::app::intake {

// What a form of the file shows besides what was typed: the file, the order or condition it edits,
// the organisation's users (officers) and the file's documents (sources of a risk assessment).
struct LegalForm {
  domain::CoreMember member;
  std::optional<domain::SupervisionOrder> order;
  std::optional<domain::Condition> condition;
  Users users;
  std::vector<store::Document> documents;
};

// The form of a new order, a new risk assessment or a new consent of file `core_member_id`.
Result<LegalForm> LoadFileForm(const Services& services, const auth::Actor& actor,
                               std::int64_t core_member_id, Viewing record);
// The form of a new risk assessment: also needs the right to read risk.
Result<LegalForm> LoadRiskForm(const Services& services, const auth::Actor& actor,
                               std::int64_t core_member_id, Viewing record);
// The order `order_id` with its file, to edit it or to add a condition to it.
Result<LegalForm> LoadOrderForm(const Services& services, const auth::Actor& actor,
                                std::int64_t order_id, Viewing record);
// The condition `condition_id` with its order and file.
Result<LegalForm> LoadConditionForm(const Services& services, const auth::Actor& actor,
                                    std::int64_t condition_id, Viewing record);

// The partner accounts among `users`, who can be named supervising officers.
std::vector<const store::User*> Officers(const Users& users);

// An order's type, dates and officer, as typed.
struct OrderDetails {
  domain::OrderType type = domain::OrderType::kStatutoryRelease;
  std::optional<CivilDate> starts_on;  // required
  std::optional<CivilDate> ends_on;
  std::optional<std::int64_t> officer_user_id;  // a partner account, or the typed name below
  std::string officer_name;
  std::string officer_contact;
  std::vector<FieldError> field_errors;  // what the form could not read
};

// Adds an order to file `core_member_id` (audited "core_member.order_create"); returns its id.
Result<std::int64_t> CreateOrder(const Services& services, const auth::Actor& actor,
                                 std::int64_t core_member_id, const OrderDetails& details);
// Changes order `order_id` (audited "core_member.order_update"); returns its file's id.
Result<std::int64_t> EditOrder(const Services& services, const auth::Actor& actor,
                               std::int64_t order_id, const OrderDetails& details);

// A condition's kind, text, dates and victim details, as typed.
struct ConditionDetails {
  domain::ConditionKind kind = domain::ConditionKind::kOther;
  std::string text;
  std::optional<CivilDate> starts_on;
  std::optional<CivilDate> ends_on;
  bool protects_victim = false;
  std::string victim_identity;
  std::string victim_places;
  std::string zone;  // an exclusion zone's name, as venues list it
  std::vector<FieldError> field_errors;
};

// Adds a condition to order `order_id` (audited "core_member.condition_create"); returns its file's
// id.
Result<std::int64_t> CreateCondition(const Services& services, const auth::Actor& actor,
                                     std::int64_t order_id, const ConditionDetails& details);
// Changes condition `condition_id` (audited "core_member.condition_update"); returns its file's id.
Result<std::int64_t> EditCondition(const Services& services, const auth::Actor& actor,
                                   std::int64_t condition_id, const ConditionDetails& details);

// A risk assessment as received.
struct NewRiskAssessment {
  std::int64_t core_member_id = 0;
  domain::RiskTool tool = domain::RiskTool::kOther;
  std::string tool_other;
  std::string score;
  std::string level;
  std::optional<CivilDate> assessed_on;  // required
  std::string assessor;
  std::optional<std::int64_t> source_document_id;  // one of the file's documents
  std::vector<FieldError> field_errors;
};

// Records the assessment (audited "core_member.risk_create"); returns its id.
Result<std::int64_t> CreateRiskAssessment(const Services& services, const auth::Actor& actor,
                                          const NewRiskAssessment& command);

// A consent the core member gave.
struct NewConsent {
  std::int64_t core_member_id = 0;
  domain::ConsentScope scope = domain::ConsentScope::kOuterCircle;
  std::string partner_organisation;   // for a partner organisation's scope
  std::optional<CivilDate> given_on;  // required
  std::optional<CivilDate> expires_on;
  std::vector<FieldError> field_errors;
};

// Records the consent (audited "core_member.consent_create"); returns its id.
Result<std::int64_t> CreateConsent(const Services& services, const auth::Actor& actor,
                                   const NewConsent& command);

// The withdrawal of a consent.
struct ConsentWithdrawal {
  std::int64_t consent_id = 0;
  std::optional<CivilDate> withdrawn_on;  // required
  std::vector<FieldError> field_errors;
};

// Records the withdrawal (audited "core_member.consent_withdraw"); returns the file's id.
Result<std::int64_t> WithdrawConsent(const Services& services, const auth::Actor& actor,
                                     const ConsentWithdrawal& command);
// The file of consent `consent_id`, when the actor may change it.
Result<std::int64_t> ConsentFile(const Services& services, const auth::Actor& actor,
                                 std::int64_t consent_id);

}  // namespace cercle::app::intake
