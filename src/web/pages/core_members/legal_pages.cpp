// The forms of a file's legal status (supervision orders and their conditions), risk assessments
// and consents.
#include <algorithm>

#include "auth/policies/core_member_policy.hpp"
#include "domain/intake_fields.hpp"
#include "domain/legal.hpp"
#include "store/core_member_store.hpp"
#include "store/document_store.hpp"
#include "store/legal_store.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/core_member_pages.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

using auth::policies::CoreMemberPolicy;

constexpr const char* kObjectType = "core_member";

const std::initializer_list<std::string> kOrderFields = {
    "order_type", "starts_on", "ends_on", "officer", "officer_name", "officer_contact"};
const std::initializer_list<std::string> kConditionFields = {
    "kind", "text", "starts_on", "ends_on", "victim_identity", "victim_places", "protects_victim"};
const std::initializer_list<std::string> kRiskFields = {
    "tool", "tool_other", "score", "level", "assessed_on", "assessor", "source_document"};
const std::initializer_list<std::string> kConsentFields = {"scope", "partner_organisation",
                                                           "given_on", "expires_on"};

std::string IsoOrEmpty(const std::optional<domain::CivilDate>& date) {
  return date ? domain::FormatIsoDate(*date) : "";
}

// The partner accounts of the organisation, who can be named supervising officers.
std::vector<Choice> OfficerChoices(Context& context) {
  std::vector<Choice> choices;
  for (const auto& [id, user] : OrganisationUsers(context)) {
    if (user.active && user.roles.Has(domain::Role::kPartner))
      choices.push_back({std::to_string(id), user.display_name});
  }
  std::sort(choices.begin(), choices.end(),
            [](const Choice& a, const Choice& b) { return a.label < b.label; });
  return choices;
}

// True when the actor may change `member`'s file.
bool MayChange(const Context& context, const std::optional<domain::CoreMember>& member) {
  return member && CoreMemberPolicy::CanChange(context.signed_in(), member->organisation_id);
}

// Records that the actor opened a form of the file, which shows parts of it.
void RecordFormView(Context& context, const domain::CoreMember& member) {
  RecordView(context, "core_member.view", kObjectType, std::to_string(member.id));
}

// ---- Supervision orders ----

Response RenderOrder(Context& context, const domain::CoreMember& member, mstch::map model,
                     const std::string& action, bool editing, int status) {
  std::vector<Choice> types;
  for (const auto type : domain::OrderTypes()) {
    types.push_back({std::string(domain::OrderTypeName(type)),
                     context.Translate(domain::OrderTypeLabel(type))});
  }
  model["type_choices"] = Choices(types, ValueOf(model, "order_type"));
  model["officer_choices"] = Choices(OfficerChoices(context), ValueOf(model, "officer"));
  model["action"] = action;
  model["editing"] = editing;
  model["name"] = member.name_used();
  model["file_href"] = FileHref(member.id);
  const std::string title =
      context.Translate(editing ? N_("Edit the supervision order") : N_("New supervision order"));
  return RenderPage(context, "core_member_order", title, std::move(model), status);
}

// Reads the order form into `order`; returns the problems, if any.
std::optional<Error> ReadOrder(const Form& form, domain::SupervisionOrder& order,
                               const std::vector<Choice>& officers) {
  std::vector<FieldError> errors;
  const auto type = domain::ParseOrderType(form.Get("order_type"));
  if (!type) errors.push_back({"order_type", {N_("Choose the type of order."), {}}});
  order.type = type.value_or(domain::OrderType::kStatutoryRelease);
  const auto starts =
      DateField(form, "starts_on", true, N_("Enter the date the order starts."), errors);
  if (starts) order.starts_on = *starts;
  order.ends_on = DateField(form, "ends_on", false, "", errors);
  order.officer_user_id = IdField(form, "officer", errors);
  if (order.officer_user_id) {
    const std::string chosen = std::to_string(*order.officer_user_id);
    if (std::none_of(officers.begin(), officers.end(),
                     [&](const Choice& c) { return c.value == chosen; })) {
      errors.push_back({"officer", {N_("Choose one of the options."), {}}});
    }
  }
  order.officer_name =
      order.officer_user_id ? "" : domain::intake::Trimmed(form.Get("officer_name"));
  order.officer_contact =
      order.officer_user_id ? "" : domain::intake::Trimmed(form.Get("officer_contact"));
  // Without a start date the rule cannot compare the end with it: report the parse errors alone.
  if (!starts) return Error::Fields(std::move(errors));
  return Combine(std::move(errors), domain::CheckSupervisionOrder(order));
}

// The order named by {id} and its file, when the actor may change it.
std::optional<std::pair<domain::SupervisionOrder, domain::CoreMember>> FindVisibleOrder(
    Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !CoreMemberPolicy::CanList(actor)) return std::nullopt;
  const auto order = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::LegalStore(session).FindOrder(*id, *actor.organisation_id);
  });
  if (!order) return std::nullopt;
  const auto member = FindVisibleCoreMember(context, order->core_member_id);
  if (!MayChange(context, member)) return std::nullopt;
  return std::pair{*order, *member};
}

// ---- Conditions ----

Response RenderCondition(Context& context, const domain::CoreMember& member,
                         const domain::SupervisionOrder& order, mstch::map model,
                         const std::string& action, bool editing, int status) {
  std::vector<Choice> kinds;
  for (const auto kind : domain::ConditionKinds()) {
    kinds.push_back({std::string(domain::ConditionKindName(kind)),
                     context.Translate(domain::ConditionKindLabel(kind))});
  }
  model["kind_choices"] = Choices(kinds, ValueOf(model, "kind"));
  model["protects_victim_checked"] = !ValueOf(model, "protects_victim").empty();
  model["action"] = action;
  model["editing"] = editing;
  model["name"] = member.name_used();
  model["order"] = context.Translate(domain::OrderTypeLabel(order.type));
  model["file_href"] = FileHref(member.id);
  const std::string title =
      context.Translate(editing ? N_("Edit the condition") : N_("New condition"));
  return RenderPage(context, "core_member_condition", title, std::move(model), status);
}

std::optional<Error> ReadCondition(const Form& form, domain::Condition& condition) {
  std::vector<FieldError> errors;
  const auto kind = domain::ParseConditionKind(form.Get("kind"));
  if (!kind) errors.push_back({"kind", {N_("Choose the kind of condition."), {}}});
  condition.kind = kind.value_or(domain::ConditionKind::kOther);
  condition.text = form.Get("text");
  condition.starts_on = DateField(form, "starts_on", false, "", errors);
  condition.ends_on = DateField(form, "ends_on", false, "", errors);
  condition.protects_victim = !form.Get("protects_victim").empty();
  condition.victim_identity = form.Get("victim_identity");
  condition.victim_places = form.Get("victim_places");
  condition = domain::NormalisedCondition(condition);
  return Combine(std::move(errors), domain::CheckCondition(condition));
}

mstch::map ConditionModel(const domain::Condition& condition) {
  return Values({{"kind", std::string(domain::ConditionKindName(condition.kind))},
                 {"text", condition.text},
                 {"starts_on", IsoOrEmpty(condition.starts_on)},
                 {"ends_on", IsoOrEmpty(condition.ends_on)},
                 {"protects_victim", condition.protects_victim ? "1" : ""},
                 {"victim_identity", condition.victim_identity},
                 {"victim_places", condition.victim_places}});
}

// ---- Risk assessments and consents ----

std::vector<store::Document> FileDocuments(Context& context, const domain::CoreMember& member) {
  const auto& actor = context.signed_in();
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::DocumentStore(session).ListForOwner(*actor.organisation_id, kObjectType,
                                                      member.id);
  });
}

Response RenderRisk(Context& context, const domain::CoreMember& member, mstch::map model,
                    int status) {
  std::vector<Choice> tools;
  for (const auto tool : domain::RiskTools()) {
    tools.push_back(
        {std::string(domain::RiskToolName(tool)), context.Translate(domain::RiskToolLabel(tool))});
  }
  std::vector<Choice> documents;
  for (const auto& document : FileDocuments(context, member)) {
    documents.push_back({std::to_string(document.id), document.title});
  }
  model["tool_choices"] = Choices(tools, ValueOf(model, "tool"));
  model["document_choices"] = Choices(documents, ValueOf(model, "source_document"));
  model["name"] = member.name_used();
  model["id"] = std::to_string(member.id);
  model["file_href"] = FileHref(member.id);
  return RenderPage(context, "core_member_risk", context.Translate(N_("New risk assessment")),
                    std::move(model), status);
}

Response RenderConsent(Context& context, const domain::CoreMember& member, mstch::map model,
                       int status) {
  std::vector<Choice> scopes;
  for (const auto scope : domain::ConsentScopes()) {
    scopes.push_back({std::string(domain::ConsentScopeName(scope)),
                      context.Translate(domain::ConsentScopeLabel(scope))});
  }
  model["scope_choices"] = Choices(scopes, ValueOf(model, "scope"));
  model["name"] = member.name_used();
  model["id"] = std::to_string(member.id);
  model["file_href"] = FileHref(member.id);
  return RenderPage(context, "core_member_consent", context.Translate(N_("New consent")),
                    std::move(model), status);
}

}  // namespace

Response ShowNewOrder(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  if (!MayChange(context, member)) return Deny(context, kObjectType, context.Parameter("id"));
  RecordFormView(context, *member);
  return RenderOrder(context, *member, EmptyForm(kOrderFields),
                     FileHref(member->id) + "/orders/new", false, 200);
}

Response CreateOrder(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  if (!MayChange(context, member)) return Deny(context, kObjectType, context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  domain::SupervisionOrder order;
  order.organisation_id = member->organisation_id;
  order.core_member_id = member->id;
  order.created_at = order.updated_at = context.services.clock.Now();
  if (auto problem = ReadOrder(form, order, OfficerChoices(context))) {
    return RenderOrder(context, *member, form.Model(context, kOrderFields, &*problem),
                       FileHref(member->id) + "/orders/new", false, StatusFor(problem->kind));
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::LegalStore(session).InsertOrder(order);
    RecordChange(context, session, "core_member.order_create", kObjectType,
                 std::to_string(member->id));
    return {};
  });
  return Response::Redirect(FileHref(member->id) + "?saved=1#legal");
}

Response ShowEditOrder(Context& context) {
  const auto found = FindVisibleOrder(context);
  if (!found) return Deny(context, "supervision_order", context.Parameter("id"));
  const auto& [order, member] = *found;
  RecordFormView(context, member);
  mstch::map model =
      Values({{"order_type", std::string(domain::OrderTypeName(order.type))},
              {"starts_on", domain::FormatIsoDate(order.starts_on)},
              {"ends_on", IsoOrEmpty(order.ends_on)},
              {"officer", order.officer_user_id ? std::to_string(*order.officer_user_id) : ""},
              {"officer_name", order.officer_name},
              {"officer_contact", order.officer_contact}});
  return RenderOrder(context, member, std::move(model),
                     "/core-members/orders/" + std::to_string(order.id) + "/edit", true, 200);
}

Response EditOrder(Context& context) {
  const auto found = FindVisibleOrder(context);
  if (!found) return Deny(context, "supervision_order", context.Parameter("id"));
  const auto& [stored, member] = *found;
  const Form form(context.request);
  domain::SupervisionOrder order = stored;
  order.updated_at = context.services.clock.Now();
  const std::string action = "/core-members/orders/" + std::to_string(order.id) + "/edit";
  if (auto problem = ReadOrder(form, order, OfficerChoices(context))) {
    return RenderOrder(context, member, form.Model(context, kOrderFields, &*problem), action, true,
                       StatusFor(problem->kind));
  }
  (void)context.services.database.Write(context.signed_in().scope(),
                                        [&](soci::session& session) -> Status {
                                          store::LegalStore(session).UpdateOrder(order);
                                          RecordChange(context, session, "core_member.order_update",
                                                       kObjectType, std::to_string(member.id));
                                          return {};
                                        });
  return Response::Redirect(FileHref(member.id) + "?saved=1#legal");
}

Response ShowNewCondition(Context& context) {
  const auto found = FindVisibleOrder(context);
  if (!found) return Deny(context, "supervision_order", context.Parameter("id"));
  const auto& [order, member] = *found;
  RecordFormView(context, member);
  return RenderCondition(context, member, order, EmptyForm(kConditionFields),
                         "/core-members/orders/" + std::to_string(order.id) + "/conditions/new",
                         false, 200);
}

Response CreateCondition(Context& context) {
  const auto found = FindVisibleOrder(context);
  if (!found) return Deny(context, "supervision_order", context.Parameter("id"));
  const auto& [order, member] = *found;
  const Form form(context.request);
  domain::Condition condition;
  condition.organisation_id = member.organisation_id;
  condition.core_member_id = member.id;
  condition.order_id = order.id;
  condition.created_at = condition.updated_at = context.services.clock.Now();
  if (auto problem = ReadCondition(form, condition)) {
    return RenderCondition(context, member, order, form.Model(context, kConditionFields, &*problem),
                           "/core-members/orders/" + std::to_string(order.id) + "/conditions/new",
                           false, StatusFor(problem->kind));
  }
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::LegalStore(session).InsertCondition(condition);
        RecordChange(context, session, "core_member.condition_create", kObjectType,
                     std::to_string(member.id));
        return {};
      });
  return Response::Redirect(FileHref(member.id) + "?saved=1#legal");
}

namespace {

// The condition named by {id}, its order and its file, when the actor may change them.
struct VisibleCondition {
  domain::Condition condition;
  domain::SupervisionOrder order;
  domain::CoreMember member;
};

std::optional<VisibleCondition> FindVisibleCondition(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !CoreMemberPolicy::CanList(actor)) return std::nullopt;
  struct Found {
    std::optional<domain::Condition> condition;
    std::optional<domain::SupervisionOrder> order;
  };
  const auto found = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::LegalStore legal(session);
    Found result;
    result.condition = legal.FindCondition(*id, *actor.organisation_id);
    if (result.condition)
      result.order = legal.FindOrder(result.condition->order_id, *actor.organisation_id);
    return result;
  });
  if (!found.condition || !found.order) return std::nullopt;
  const auto member = FindVisibleCoreMember(context, found.condition->core_member_id);
  if (!MayChange(context, member)) return std::nullopt;
  return VisibleCondition{*found.condition, *found.order, *member};
}

}  // namespace

Response ShowEditCondition(Context& context) {
  const auto found = FindVisibleCondition(context);
  if (!found) return Deny(context, "condition", context.Parameter("id"));
  RecordFormView(context, found->member);
  return RenderCondition(
      context, found->member, found->order, ConditionModel(found->condition),
      "/core-members/conditions/" + std::to_string(found->condition.id) + "/edit", true, 200);
}

Response EditCondition(Context& context) {
  const auto found = FindVisibleCondition(context);
  if (!found) return Deny(context, "condition", context.Parameter("id"));
  const Form form(context.request);
  domain::Condition condition = found->condition;
  condition.updated_at = context.services.clock.Now();
  if (auto problem = ReadCondition(form, condition)) {
    return RenderCondition(context, found->member, found->order,
                           form.Model(context, kConditionFields, &*problem),
                           "/core-members/conditions/" + std::to_string(condition.id) + "/edit",
                           true, StatusFor(problem->kind));
  }
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::LegalStore(session).UpdateCondition(condition);
        RecordChange(context, session, "core_member.condition_update", kObjectType,
                     std::to_string(found->member.id));
        return {};
      });
  return Response::Redirect(FileHref(found->member.id) + "?saved=1#legal");
}

Response ShowNewRiskAssessment(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  const auto& actor = context.signed_in();
  if (!MayChange(context, member) ||
      !CoreMemberPolicy::CanReadRisk(actor, member->organisation_id)) {
    return Deny(context, kObjectType, context.Parameter("id"));
  }
  RecordFormView(context, *member);
  return RenderRisk(context, *member, EmptyForm(kRiskFields), 200);
}

Response CreateRiskAssessment(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  const auto& actor = context.signed_in();
  if (!MayChange(context, member) ||
      !CoreMemberPolicy::CanReadRisk(actor, member->organisation_id)) {
    return Deny(context, kObjectType, context.Parameter("id"));
  }
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::RiskAssessment assessment;
  assessment.organisation_id = member->organisation_id;
  assessment.core_member_id = member->id;
  const auto tool = domain::ParseRiskTool(form.Get("tool"));
  if (!tool) errors.push_back({"tool", {N_("Choose the assessment tool."), {}}});
  assessment.tool = tool.value_or(domain::RiskTool::kOther);
  assessment.tool_other = assessment.tool == domain::RiskTool::kOther
                              ? domain::intake::Trimmed(form.Get("tool_other"))
                              : "";
  assessment.score = domain::intake::Trimmed(form.Get("score"));
  assessment.level = domain::intake::Trimmed(form.Get("level"));
  const auto assessed =
      DateField(form, "assessed_on", true, N_("Enter the date of the assessment."), errors);
  assessment.assessed_on = assessed.value_or(Today(context));
  assessment.assessor = domain::intake::Trimmed(form.Get("assessor"));
  assessment.source_document_id = IdField(form, "source_document", errors);
  if (assessment.source_document_id) {
    const auto documents = FileDocuments(context, *member);
    if (std::none_of(documents.begin(), documents.end(), [&](const store::Document& d) {
          return d.id == *assessment.source_document_id;
        })) {
      errors.push_back({"source_document", {N_("Choose one of the options."), {}}});
    }
  }
  assessment.recorded_by = actor.user_id;
  assessment.recorded_at = context.services.clock.Now();
  if (auto problem =
          Combine(std::move(errors), domain::CheckRiskAssessment(assessment, Today(context)))) {
    return RenderRisk(context, *member, form.Model(context, kRiskFields, &*problem),
                      StatusFor(problem->kind));
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::CoreMemberStore(session).InsertRiskAssessment(assessment);
    RecordChange(context, session, "core_member.risk_create", kObjectType,
                 std::to_string(member->id));
    return {};
  });
  return Response::Redirect(FileHref(member->id) + "?saved=1#risk");
}

Response ShowNewConsent(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  if (!MayChange(context, member)) return Deny(context, kObjectType, context.Parameter("id"));
  RecordFormView(context, *member);
  mstch::map model = EmptyForm(kConsentFields);
  model["given_on"] = mstch::map{{"value", domain::FormatIsoDate(Today(context))}};
  return RenderConsent(context, *member, std::move(model), 200);
}

Response CreateConsent(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  if (!MayChange(context, member)) return Deny(context, kObjectType, context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::Consent consent;
  consent.organisation_id = member->organisation_id;
  consent.core_member_id = member->id;
  const auto scope = domain::ParseConsentScope(form.Get("scope"));
  if (!scope) errors.push_back({"scope", {N_("Choose what the consent allows."), {}}});
  consent.scope = scope.value_or(domain::ConsentScope::kOuterCircle);
  consent.partner_organisation = consent.scope == domain::ConsentScope::kPartnerOrganisation
                                     ? domain::intake::Trimmed(form.Get("partner_organisation"))
                                     : "";
  const auto given =
      DateField(form, "given_on", true, N_("Enter the date the consent was given."), errors);
  consent.given_on = given.value_or(Today(context));
  consent.expires_on = DateField(form, "expires_on", false, "", errors);
  consent.recorded_by = actor.user_id;
  consent.recorded_at = context.services.clock.Now();
  if (auto problem = Combine(std::move(errors), domain::CheckConsent(consent, Today(context)))) {
    return RenderConsent(context, *member, form.Model(context, kConsentFields, &*problem),
                         StatusFor(problem->kind));
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::CoreMemberStore(session).InsertConsent(consent);
    RecordChange(context, session, "core_member.consent_create", kObjectType,
                 std::to_string(member->id));
    return {};
  });
  return Response::Redirect(FileHref(member->id) + "?saved=1#consents");
}

Response WithdrawConsent(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  std::optional<domain::Consent> consent;
  if (id && CoreMemberPolicy::CanList(actor)) {
    consent = context.services.database.Read(actor.scope(), [&](soci::session& session) {
      return store::CoreMemberStore(session).FindConsent(*id, *actor.organisation_id);
    });
  }
  const auto member =
      consent ? FindVisibleCoreMember(context, consent->core_member_id) : std::nullopt;
  if (!MayChange(context, member)) return Deny(context, "consent", context.Parameter("id"));
  const Form form(context.request);
  std::vector<FieldError> errors;
  const auto withdrawn_on = DateField(form, "withdrawn_on", true,
                                      N_("Enter the date the consent was withdrawn."), errors);
  const auto today = Today(context);
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!errors.empty()) return Error::Fields(errors);
        store::CoreMemberStore store(session);
        const auto current = store.FindConsent(consent->id, consent->organisation_id);
        if (!current) return Error::NotFound();
        TRY(domain::CheckConsentWithdrawal(*current, *withdrawn_on, today));
        store.WithdrawConsent(current->id, current->organisation_id, *withdrawn_on, actor.user_id);
        RecordChange(context, session, "core_member.consent_withdraw", kObjectType,
                     std::to_string(member->id));
        return {};
      });
  if (done) return Response::Redirect(FileHref(member->id) + "?saved=1#consents");
  FilePageState state{&done.error(), "consents", &form, ""};
  return RenderFile(context, *member, state);
}

}  // namespace cercle::web::pages::core_members
