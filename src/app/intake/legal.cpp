#include "app/intake/legal.hpp"

#include <algorithm>

#include "auth/policies/core_member_policy.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"

namespace cercle::app::intake {
namespace {

using auth::policies::CoreMemberPolicy;

constexpr const char* kObjectType = "core_member";

// The order `id` and its file, read in `unit`, when the actor may change them.
Result<LegalForm> FindChangeableOrder(store::Unit& unit, const auth::Actor& actor,
                                      std::int64_t id) {
  if (!CoreMemberPolicy::CanList(actor)) return Error::NotFound();
  const auto order = store::LegalStore(unit.session()).FindOrder(id, *actor.organisation_id);
  if (!order) return Error::NotFound();
  LegalForm found;
  found.member = TRY(FindChangeableFile(unit, actor, order->core_member_id));
  found.order = order;
  return found;
}

// The condition `id`, its order and its file, read in `unit`, when the actor may change them.
Result<LegalForm> FindChangeableCondition(store::Unit& unit, const auth::Actor& actor,
                                          std::int64_t id) {
  if (!CoreMemberPolicy::CanList(actor)) return Error::NotFound();
  const auto condition =
      store::LegalStore(unit.session()).FindCondition(id, *actor.organisation_id);
  if (!condition) return Error::NotFound();
  LegalForm found = TRY(FindChangeableOrder(unit, actor, condition->order_id));
  found.member = TRY(FindChangeableFile(unit, actor, condition->core_member_id));
  found.condition = condition;
  return found;
}

// Completes a form found by `find` with the users and, for a file form, its documents; records the
// view of the file when asked.
template <class Find>
Result<LegalForm> LoadForm(const Services& services, const auth::Actor& actor, Viewing record,
                           Find&& find) {
  auto form = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<LegalForm> {
    auto found = TRY(find(unit));
    found.documents = store::DocumentStore(unit.session())
                          .ListForOwner(*actor.organisation_id, kObjectType, found.member.id);
    return found;
  }));
  if (record == Viewing::kRecorded)
    AuditView(services, actor, {"core_member.view", kObjectType, std::to_string(form.member.id)});
  form.users = LoadUsers(services, actor);
  return form;
}

// The order `details` describe, or the field errors of the form and the rule.
Result<domain::SupervisionOrder> ReadOrder(store::Unit& unit, const auth::Actor& actor,
                                           domain::SupervisionOrder order,
                                           const OrderDetails& details) {
  auto errors = details.field_errors;
  order.type = details.type;
  order.ends_on = details.ends_on;
  order.officer_user_id = details.officer_user_id;
  if (details.officer_user_id) {
    const auto user =
        store::UserStore(unit.session()).Find(*details.officer_user_id, actor.organisation_id);
    const bool partner = user && user->organisation_id == actor.organisation_id && user->active &&
                         user->roles.Has(domain::Role::kPartner);
    if (!partner) errors.push_back({"officer", {N_("Choose one of the options."), {}}});
  }
  order.officer_name = order.officer_user_id ? "" : details.officer_name;
  order.officer_contact = order.officer_user_id ? "" : details.officer_contact;
  // Without a start date the rule cannot compare the end with it: report the parse errors alone.
  if (!details.starts_on) return Error::Fields(std::move(errors));
  order.starts_on = *details.starts_on;
  TRY(Combine(std::move(errors), domain::CheckSupervisionOrder(order)));
  order.updated_at = unit.now();
  return order;
}

// The condition `details` describe, normalised, or the field errors of the form and the rule.
Result<domain::Condition> ReadCondition(domain::Condition condition,
                                        const ConditionDetails& details, Instant now) {
  condition.kind = details.kind;
  condition.text = details.text;
  condition.starts_on = details.starts_on;
  condition.ends_on = details.ends_on;
  condition.protects_victim = details.protects_victim;
  condition.victim_identity = details.victim_identity;
  condition.victim_places = details.victim_places;
  condition.zone = details.zone;
  condition.updated_at = now;
  condition = domain::NormalisedCondition(condition);
  TRY(Combine(details.field_errors, domain::CheckCondition(condition)));
  return condition;
}

// The form of file `core_member_id`, read in `unit`, when the actor may change it.
Result<LegalForm> FindChangeableFileForm(store::Unit& unit, const auth::Actor& actor,
                                         std::int64_t core_member_id) {
  return LegalForm{TRY(FindChangeableFile(unit, actor, core_member_id)), {}, {}, {}, {}};
}

// What the legal commands share: in one write transaction, the form `find(unit)` reads (NotFound
// when the actor may not change it), `change(unit, found)`, and when the change holds the audit
// entry `action` on the file. Returns what `change` returns.
template <class Find, class Change>
Result<std::int64_t> ChangeLegal(const Services& services, const auth::Actor& actor,
                                 const char* action, Find&& find, Change&& change) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const LegalForm found = TRY(find(unit));
    const std::int64_t id = TRY(change(unit, found));
    Audit(services, unit, actor, {action, kObjectType, std::to_string(found.member.id)});
    return id;
  });
}

// The finder of the file `id` for ChangeLegal; likewise of order `id`, of condition `id`.
auto FileNumbered(const auth::Actor& actor, std::int64_t id) {
  return [&actor, id](store::Unit& unit) { return FindChangeableFileForm(unit, actor, id); };
}
auto OrderNumbered(const auth::Actor& actor, std::int64_t id) {
  return [&actor, id](store::Unit& unit) { return FindChangeableOrder(unit, actor, id); };
}
auto ConditionNumbered(const auth::Actor& actor, std::int64_t id) {
  return [&actor, id](store::Unit& unit) { return FindChangeableCondition(unit, actor, id); };
}

}  // namespace

std::vector<const store::User*> Officers(const Users& users) {
  std::vector<const store::User*> officers;
  for (const auto& [id, user] : users) {
    if (user.active && user.roles.Has(domain::Role::kPartner)) officers.push_back(&user);
  }
  return officers;
}

Result<LegalForm> LoadFileForm(const Services& services, const auth::Actor& actor,
                               std::int64_t core_member_id, Viewing record) {
  return LoadForm(services, actor, record, FileNumbered(actor, core_member_id));
}

Result<LegalForm> LoadRiskForm(const Services& services, const auth::Actor& actor,
                               std::int64_t core_member_id, Viewing record) {
  return LoadForm(services, actor, record, [&](store::Unit& unit) -> Result<LegalForm> {
    auto member = TRY(FindChangeableFile(unit, actor, core_member_id));
    if (!CoreMemberPolicy::CanReadRisk(actor, member.organisation_id)) return Error::NotFound();
    return LegalForm{std::move(member), {}, {}, {}, {}};
  });
}

Result<LegalForm> LoadOrderForm(const Services& services, const auth::Actor& actor,
                                std::int64_t order_id, Viewing record) {
  return LoadForm(services, actor, record, OrderNumbered(actor, order_id));
}

Result<LegalForm> LoadConditionForm(const Services& services, const auth::Actor& actor,
                                    std::int64_t condition_id, Viewing record) {
  return LoadForm(services, actor, record, ConditionNumbered(actor, condition_id));
}

Result<std::int64_t> CreateOrder(const Services& services, const auth::Actor& actor,
                                 std::int64_t core_member_id, const OrderDetails& details) {
  return ChangeLegal(services, actor, "core_member.order_create",
                     FileNumbered(actor, core_member_id),
                     [&](store::Unit& unit, const LegalForm& found) -> Result<std::int64_t> {
                       domain::SupervisionOrder order;
                       order.organisation_id = found.member.organisation_id;
                       order.core_member_id = found.member.id;
                       order.created_at = unit.now();
                       order = TRY(ReadOrder(unit, actor, order, details));
                       return store::LegalStore(unit.session()).InsertOrder(order);
                     });
}

Result<std::int64_t> EditOrder(const Services& services, const auth::Actor& actor,
                               std::int64_t order_id, const OrderDetails& details) {
  return ChangeLegal(services, actor, "core_member.order_update", OrderNumbered(actor, order_id),
                     [&](store::Unit& unit, const LegalForm& found) -> Result<std::int64_t> {
                       const auto order = TRY(ReadOrder(unit, actor, *found.order, details));
                       store::LegalStore(unit.session()).UpdateOrder(order);
                       return found.member.id;
                     });
}

Result<std::int64_t> CreateCondition(const Services& services, const auth::Actor& actor,
                                     std::int64_t order_id, const ConditionDetails& details) {
  return ChangeLegal(services, actor, "core_member.condition_create",
                     OrderNumbered(actor, order_id),
                     [&](store::Unit& unit, const LegalForm& found) -> Result<std::int64_t> {
                       domain::Condition condition;
                       condition.organisation_id = found.member.organisation_id;
                       condition.core_member_id = found.member.id;
                       condition.order_id = found.order->id;
                       condition.created_at = unit.now();
                       condition = TRY(ReadCondition(condition, details, unit.now()));
                       store::LegalStore(unit.session()).InsertCondition(condition);
                       return found.member.id;
                     });
}

Result<std::int64_t> EditCondition(const Services& services, const auth::Actor& actor,
                                   std::int64_t condition_id, const ConditionDetails& details) {
  return ChangeLegal(
      services, actor, "core_member.condition_update", ConditionNumbered(actor, condition_id),
      [&](store::Unit& unit, const LegalForm& found) -> Result<std::int64_t> {
        const auto condition = TRY(ReadCondition(*found.condition, details, unit.now()));
        store::LegalStore(unit.session()).UpdateCondition(condition);
        return found.member.id;
      });
}

Result<std::int64_t> CreateRiskAssessment(const Services& services, const auth::Actor& actor,
                                          const NewRiskAssessment& command) {
  const auto today = services.Today();
  return ChangeLegal(
      services, actor, "core_member.risk_create", FileNumbered(actor, command.core_member_id),
      [&](store::Unit& unit, const LegalForm& found) -> Result<std::int64_t> {
        const auto& member = found.member;
        if (!CoreMemberPolicy::CanReadRisk(actor, member.organisation_id)) {
          return Error::NotFound();
        }
        auto errors = command.field_errors;
        if (command.source_document_id) {
          const auto documents = store::DocumentStore(unit.session())
                                     .ListForOwner(*actor.organisation_id, kObjectType, member.id);
          if (std::none_of(documents.begin(), documents.end(),
                           [&](const store::Document& document) {
                             return document.id == *command.source_document_id;
                           })) {
            errors.push_back({"source_document", {N_("Choose one of the options."), {}}});
          }
        }
        domain::RiskAssessment assessment{.organisation_id = member.organisation_id,
                                          .core_member_id = member.id,
                                          .tool = command.tool,
                                          .tool_other = command.tool_other,
                                          .score = command.score,
                                          .level = command.level,
                                          .assessed_on = command.assessed_on.value_or(today),
                                          .assessor = command.assessor,
                                          .source_document_id = command.source_document_id,
                                          .recorded_by = actor.user_id,
                                          .recorded_at = unit.now()};
        TRY(Combine(std::move(errors), domain::CheckRiskAssessment(assessment, today)));
        return store::CoreMemberStore(unit.session()).InsertRiskAssessment(assessment);
      });
}

Result<std::int64_t> CreateConsent(const Services& services, const auth::Actor& actor,
                                   const NewConsent& command) {
  const auto today = services.Today();
  return ChangeLegal(services, actor, "core_member.consent_create",
                     FileNumbered(actor, command.core_member_id),
                     [&](store::Unit& unit, const LegalForm& found) -> Result<std::int64_t> {
                       domain::Consent consent{.organisation_id = found.member.organisation_id,
                                               .core_member_id = found.member.id,
                                               .scope = command.scope,
                                               .partner_organisation = command.partner_organisation,
                                               .given_on = command.given_on.value_or(today),
                                               .expires_on = command.expires_on,
                                               .recorded_by = actor.user_id,
                                               .recorded_at = unit.now()};
                       TRY(Combine(command.field_errors, domain::CheckConsent(consent, today)));
                       return store::CoreMemberStore(unit.session()).InsertConsent(consent);
                     });
}

namespace {

// The consent `id` read in `unit`, when the actor may change its file.
Result<domain::Consent> FindChangeableConsent(store::Unit& unit, const auth::Actor& actor,
                                              std::int64_t id) {
  if (!CoreMemberPolicy::CanList(actor)) return Error::NotFound();
  auto consent = store::CoreMemberStore(unit.session()).FindConsent(id, *actor.organisation_id);
  if (!consent) return Error::NotFound();
  TRY(FindChangeableFile(unit, actor, consent->core_member_id));
  return *consent;
}

}  // namespace

Result<std::int64_t> WithdrawConsent(const Services& services, const auth::Actor& actor,
                                     const ConsentWithdrawal& command) {
  const auto today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto consent = TRY(FindChangeableConsent(unit, actor, command.consent_id));
    if (!command.field_errors.empty() || !command.withdrawn_on) {
      if (!command.field_errors.empty()) return Error::Fields(command.field_errors);
      return Error::Fields(
          {{"withdrawn_on", {N_("Enter the date the consent was withdrawn."), {}}}});
    }
    TRY(domain::CheckConsentWithdrawal(consent, *command.withdrawn_on, today));
    store::CoreMemberStore(unit.session())
        .WithdrawConsent(consent.id, consent.organisation_id, *command.withdrawn_on, actor.user_id);
    Audit(services, unit, actor,
          {"core_member.consent_withdraw", kObjectType, std::to_string(consent.core_member_id)});
    return consent.core_member_id;
  });
}

Result<std::int64_t> ConsentFile(const Services& services, const auth::Actor& actor,
                                 std::int64_t consent_id) {
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    return TRY(FindChangeableConsent(unit, actor, consent_id)).core_member_id;
  });
}

}  // namespace cercle::app::intake
