// The forms of a file's legal status (supervision orders and their conditions), risk assessments
// and consents.
#include "app/intake/legal.hpp"
#include "domain/intake_fields.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/core_member_pages.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

using app::intake::LegalForm;
using app::intake::Viewing;
using domain::intake::Trimmed;

constexpr const char* kObjectType = "core_member";

const std::initializer_list<std::string> kOrderFields = {
    "order_type", "starts_on", "ends_on", "officer", "officer_name", "officer_contact"};
const std::initializer_list<std::string> kConditionFields = {
    "kind", "text", "starts_on", "ends_on", "victim_identity", "victim_places", "protects_victim"};
const std::initializer_list<std::string> kRiskFields = {
    "tool", "tool_other", "score", "level", "assessed_on", "assessor", "source_document"};
const std::initializer_list<std::string> kConsentFields = {"scope", "partner_organisation",
                                                           "given_on", "expires_on"};

std::string IsoOrEmpty(const std::optional<CivilDate>& date) {
  return date ? FormatIsoDate(*date) : "";
}

std::string OrderAction(std::int64_t order_id) {
  return "/core-members/orders/" + std::to_string(order_id) + "/edit";
}
std::string NewConditionAction(std::int64_t order_id) {
  return "/core-members/orders/" + std::to_string(order_id) + "/conditions";
}
std::string ConditionAction(std::int64_t condition_id) {
  return "/core-members/conditions/" + std::to_string(condition_id) + "/edit";
}

// The {id} path parameter, or 0 (which names nothing).
std::int64_t PathId(const Context& context) { return ParseId(context.Parameter("id")).value_or(0); }

// ---- Supervision orders ----

Response RenderOrder(Context& context, const LegalForm& form, mstch::map model,
                     const std::string& action, bool editing, int status) {
  model["type_choices"] =
      Choices(EnumChoices<domain::OrderType>(context), ValueOf(model, "order_type"));
  model["officer_choices"] =
      Choices(UserChoices(app::intake::Officers(form.users)), ValueOf(model, "officer"));
  model["action"] = action;
  model["editing"] = editing;
  model["name"] = form.member.name_used();
  model["file_href"] = FileHref(form.member.id);
  const std::string title =
      context.Translate(editing ? N_("Edit the supervision order") : N_("New supervision order"));
  return RenderPage(context, "core_member_order", title, std::move(model), status);
}

app::intake::OrderDetails ReadOrder(const Form& form) {
  std::vector<FieldError> errors;
  const auto type = domain::ParseEnum<domain::OrderType>(form.Get("order_type"));
  if (!type) errors.push_back({"order_type", {N_("Choose the type of order."), {}}});
  app::intake::OrderDetails details{
      .type = type.value_or(domain::OrderType::kStatutoryRelease),
      .starts_on =
          DateField(form, "starts_on", true, N_("Enter the date the order starts."), errors),
      .ends_on = DateField(form, "ends_on", false, "", errors),
      .officer_user_id = IdField(form, "officer", errors),
      .officer_name = Trimmed(form.Get("officer_name")),
      .officer_contact = Trimmed(form.Get("officer_contact"))};
  details.field_errors = std::move(errors);
  return details;
}

// ---- Conditions ----

Response RenderCondition(Context& context, const LegalForm& form, mstch::map model,
                         const std::string& action, bool editing, int status) {
  model["kind_choices"] =
      Choices(EnumChoices<domain::ConditionKind>(context), ValueOf(model, "kind"));
  model["protects_victim_checked"] = !ValueOf(model, "protects_victim").empty();
  model["action"] = action;
  model["editing"] = editing;
  model["name"] = form.member.name_used();
  model["order"] = context.Translate(domain::LabelOf(form.order->type));
  model["file_href"] = FileHref(form.member.id);
  const std::string title =
      context.Translate(editing ? N_("Edit the condition") : N_("New condition"));
  return RenderPage(context, "core_member_condition", title, std::move(model), status);
}

app::intake::ConditionDetails ReadCondition(const Form& form) {
  std::vector<FieldError> errors;
  const auto kind = domain::ParseEnum<domain::ConditionKind>(form.Get("kind"));
  if (!kind) errors.push_back({"kind", {N_("Choose the kind of condition."), {}}});
  app::intake::ConditionDetails details{
      .kind = kind.value_or(domain::ConditionKind::kOther),
      .text = form.Get("text"),
      .starts_on = DateField(form, "starts_on", false, "", errors),
      .ends_on = DateField(form, "ends_on", false, "", errors),
      .protects_victim = !form.Get("protects_victim").empty(),
      .victim_identity = form.Get("victim_identity"),
      .victim_places = form.Get("victim_places")};
  details.field_errors = std::move(errors);
  return details;
}

mstch::map ConditionModel(const domain::Condition& condition) {
  return Values({{"kind", std::string(domain::NameOf(condition.kind))},
                 {"text", condition.text},
                 {"starts_on", IsoOrEmpty(condition.starts_on)},
                 {"ends_on", IsoOrEmpty(condition.ends_on)},
                 {"protects_victim", condition.protects_victim ? "1" : ""},
                 {"victim_identity", condition.victim_identity},
                 {"victim_places", condition.victim_places}});
}

// ---- Risk assessments and consents ----

Response RenderRisk(Context& context, const LegalForm& form, mstch::map model, int status) {
  std::vector<Choice> documents;
  for (const auto& document : form.documents)
    documents.push_back({std::to_string(document.id), document.title});
  model["tool_choices"] = Choices(EnumChoices<domain::RiskTool>(context), ValueOf(model, "tool"));
  model["document_choices"] = Choices(documents, ValueOf(model, "source_document"));
  model["name"] = form.member.name_used();
  model["id"] = std::to_string(form.member.id);
  model["file_href"] = FileHref(form.member.id);
  return RenderPage(context, "core_member_risk", context.Translate(N_("New risk assessment")),
                    std::move(model), status);
}

Response RenderConsent(Context& context, const LegalForm& form, mstch::map model, int status) {
  model["scope_choices"] =
      Choices(EnumChoices<domain::ConsentScope>(context), ValueOf(model, "scope"));
  model["name"] = form.member.name_used();
  model["id"] = std::to_string(form.member.id);
  model["file_href"] = FileHref(form.member.id);
  return RenderPage(context, "core_member_consent", context.Translate(N_("New consent")),
                    std::move(model), status);
}

// One of app::intake's loaders of a form of the file, by the id in the path.
using Loader = Result<LegalForm> (*)(const app::Services&, const auth::Actor&, std::int64_t,
                                     Viewing);

// A form page: `load` gives the form (or its refusal, denied as `object_type`), `render` shows it.
template <class Render>
Response FormPage(Context& context, std::string_view object_type, Loader load, Render&& render) {
  const auto form =
      load(context.services.app, context.signed_in(), PathId(context), Viewing::kRecorded);
  if (!form) return Deny(context, object_type, context.Parameter("id"));
  return render(*form);
}

// The answer to a submitted form: the redirect to `done` when `result` holds a value, the audited
// 404 as `object_type` when it was refused, or the form again with the error (loaded by `load`).
template <class T, class Render>
Response Answer(Context& context, const Result<T>& result, std::string_view object_type,
                const std::string& done, Loader load, Render&& render) {
  if (result) return Response::Redirect(done);
  return Refusal(
      context, result.error(), object_type, context.Parameter("id"), [&](const Error& error) {
        const auto form =
            load(context.services.app, context.signed_in(), PathId(context), Viewing::kNotRecorded);
        if (!form) return Deny(context, object_type, context.Parameter("id"));
        return render(*form, error);
      });
}

}  // namespace

Response ShowNewOrder(Context& context) {
  return FormPage(context, kObjectType, app::intake::LoadFileForm, [&](const LegalForm& form) {
    return RenderOrder(context, form, EmptyForm(kOrderFields), FileHref(form.member.id) + "/orders",
                       false, 200);
  });
}

Response CreateOrder(Context& context) {
  const auto& app = context.services.app;
  const Form submitted(context.request);
  const auto id = PathId(context);
  const auto created = app::intake::CreateOrder(app, context.signed_in(), id, ReadOrder(submitted));
  return Answer(context, created, kObjectType, FileHref(id) + "?saved=1#legal",
                app::intake::LoadFileForm, [&](const LegalForm& form, const Error& error) {
                  return RenderOrder(context, form, submitted.Model(context, kOrderFields, &error),
                                     FileHref(id) + "/orders", false, StatusFor(error.kind));
                });
}

Response ShowEditOrder(Context& context) {
  return FormPage(
      context, "supervision_order", app::intake::LoadOrderForm, [&](const LegalForm& form) {
        const auto& order = *form.order;
        mstch::map model = Values(
            {{"order_type", std::string(domain::NameOf(order.type))},
             {"starts_on", FormatIsoDate(order.starts_on)},
             {"ends_on", IsoOrEmpty(order.ends_on)},
             {"officer", order.officer_user_id ? std::to_string(*order.officer_user_id) : ""},
             {"officer_name", order.officer_name},
             {"officer_contact", order.officer_contact}});
        return RenderOrder(context, form, std::move(model), OrderAction(order.id), true, 200);
      });
}

Response EditOrder(Context& context) {
  const auto& app = context.services.app;
  const Form submitted(context.request);
  const auto id = PathId(context);
  const auto file = app::intake::EditOrder(app, context.signed_in(), id, ReadOrder(submitted));
  return Answer(context, file, "supervision_order", FileHref(file ? *file : 0) + "?saved=1#legal",
                app::intake::LoadOrderForm, [&](const LegalForm& form, const Error& error) {
                  return RenderOrder(context, form, submitted.Model(context, kOrderFields, &error),
                                     OrderAction(id), true, StatusFor(error.kind));
                });
}

Response ShowNewCondition(Context& context) {
  return FormPage(context, "supervision_order", app::intake::LoadOrderForm,
                  [&](const LegalForm& form) {
                    return RenderCondition(context, form, EmptyForm(kConditionFields),
                                           NewConditionAction(form.order->id), false, 200);
                  });
}

Response CreateCondition(Context& context) {
  const auto& app = context.services.app;
  const Form submitted(context.request);
  const auto id = PathId(context);
  const auto file =
      app::intake::CreateCondition(app, context.signed_in(), id, ReadCondition(submitted));
  return Answer(context, file, "supervision_order", FileHref(file ? *file : 0) + "?saved=1#legal",
                app::intake::LoadOrderForm, [&](const LegalForm& form, const Error& error) {
                  return RenderCondition(context, form,
                                         submitted.Model(context, kConditionFields, &error),
                                         NewConditionAction(id), false, StatusFor(error.kind));
                });
}

Response ShowEditCondition(Context& context) {
  return FormPage(context, "condition", app::intake::LoadConditionForm, [&](const LegalForm& form) {
    return RenderCondition(context, form, ConditionModel(*form.condition),
                           ConditionAction(form.condition->id), true, 200);
  });
}

Response EditCondition(Context& context) {
  const auto& app = context.services.app;
  const Form submitted(context.request);
  const auto id = PathId(context);
  const auto file =
      app::intake::EditCondition(app, context.signed_in(), id, ReadCondition(submitted));
  return Answer(context, file, "condition", FileHref(file ? *file : 0) + "?saved=1#legal",
                app::intake::LoadConditionForm, [&](const LegalForm& form, const Error& error) {
                  return RenderCondition(context, form,
                                         submitted.Model(context, kConditionFields, &error),
                                         ConditionAction(id), true, StatusFor(error.kind));
                });
}

Response ShowNewRiskAssessment(Context& context) {
  return FormPage(context, kObjectType, app::intake::LoadRiskForm, [&](const LegalForm& form) {
    return RenderRisk(context, form, EmptyForm(kRiskFields), 200);
  });
}

Response CreateRiskAssessment(Context& context) {
  const auto& app = context.services.app;
  const Form submitted(context.request);
  const auto id = PathId(context);
  std::vector<FieldError> errors;
  const auto tool = domain::ParseEnum<domain::RiskTool>(submitted.Get("tool"));
  if (!tool) errors.push_back({"tool", {N_("Choose the assessment tool."), {}}});
  app::intake::NewRiskAssessment command{
      .core_member_id = id,
      .tool = tool.value_or(domain::RiskTool::kOther),
      .score = Trimmed(submitted.Get("score")),
      .level = Trimmed(submitted.Get("level")),
      .assessed_on = DateField(submitted, "assessed_on", true,
                               N_("Enter the date of the assessment."), errors),
      .assessor = Trimmed(submitted.Get("assessor")),
      .source_document_id = IdField(submitted, "source_document", errors)};
  if (command.tool == domain::RiskTool::kOther)
    command.tool_other = Trimmed(submitted.Get("tool_other"));
  command.field_errors = std::move(errors);
  const auto created = app::intake::CreateRiskAssessment(app, context.signed_in(), command);
  return Answer(context, created, kObjectType, FileHref(id) + "?saved=1#risk",
                app::intake::LoadRiskForm, [&](const LegalForm& form, const Error& error) {
                  return RenderRisk(context, form, submitted.Model(context, kRiskFields, &error),
                                    StatusFor(error.kind));
                });
}

Response ShowNewConsent(Context& context) {
  return FormPage(context, kObjectType, app::intake::LoadFileForm, [&](const LegalForm& form) {
    mstch::map model = EmptyForm(kConsentFields);
    model["given_on"] = mstch::map{{"value", FormatIsoDate(Today(context))}};
    return RenderConsent(context, form, std::move(model), 200);
  });
}

Response CreateConsent(Context& context) {
  const auto& app = context.services.app;
  const Form submitted(context.request);
  const auto id = PathId(context);
  std::vector<FieldError> errors;
  const auto scope = domain::ParseEnum<domain::ConsentScope>(submitted.Get("scope"));
  if (!scope) errors.push_back({"scope", {N_("Choose what the consent allows."), {}}});
  app::intake::NewConsent command{
      .core_member_id = id,
      .scope = scope.value_or(domain::ConsentScope::kOuterCircle),
      .given_on = DateField(submitted, "given_on", true,
                            N_("Enter the date the consent was given."), errors),
      .expires_on = DateField(submitted, "expires_on", false, "", errors)};
  if (command.scope == domain::ConsentScope::kPartnerOrganisation)
    command.partner_organisation = Trimmed(submitted.Get("partner_organisation"));
  command.field_errors = std::move(errors);
  const auto created = app::intake::CreateConsent(app, context.signed_in(), command);
  return Answer(context, created, kObjectType, FileHref(id) + "?saved=1#consents",
                app::intake::LoadFileForm, [&](const LegalForm& form, const Error& error) {
                  return RenderConsent(context, form,
                                       submitted.Model(context, kConsentFields, &error),
                                       StatusFor(error.kind));
                });
}

Response WithdrawConsent(Context& context) {
  const auto& app = context.services.app;
  const Form form(context.request);
  std::vector<FieldError> errors;
  const app::intake::ConsentWithdrawal command{
      .consent_id = PathId(context),
      .withdrawn_on = DateField(form, "withdrawn_on", true,
                                N_("Enter the date the consent was withdrawn."), errors),
      .field_errors = errors};
  const auto file = app::intake::WithdrawConsent(app, context.signed_in(), command);
  if (file) return Response::Redirect(FileHref(*file) + "?saved=1#consents");
  return Refusal(
      context, file.error(), "consent", context.Parameter("id"), [&](const Error& error) {
        const auto owner = app::intake::ConsentFile(app, context.signed_in(), command.consent_id);
        if (!owner) return Deny(context, "consent", context.Parameter("id"));
        return RenderFile(context, *owner, {&error, "consents", &form, ""});
      });
}

}  // namespace cercle::web::pages::core_members
