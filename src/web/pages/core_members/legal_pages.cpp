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

const std::initializer_list<std::string> kRiskFields = {
    "tool", "tool_other", "score", "level", "assessed_on", "assessor", "source_document"};
const std::initializer_list<std::string> kConsentFields = {"scope", "partner_organisation",
                                                           "given_on", "expires_on"};

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

// Whether a form adds a record or changes one.
enum class Editing { kNo, kYes };

// ---- Supervision orders ----

// The order form: the form as typed (app::intake::OrderDetails) or a stored order. The officer's
// choices are the organisation's partner accounts.
template <class Order>
const std::vector<FormField<Order>>& OrderFields() {
  constexpr FieldOptions kOfficer{
      .private_input = true, .trimmed = true, .group = "officer_fields"};
  static const std::vector<FormField<Order>> fields = {
      EnumChoice<domain::OrderType>("order_type", N_("Type of order"), &Order::type,
                                    N_("Choose the type of order."),
                                    {.blank = N_("Choose…"), .required = true}),
      Date("starts_on", N_("Start"), &Order::starts_on, N_("Enter the date the order starts."),
           {.required = true}),
      Date("ends_on", N_("End"), &Order::ends_on, "",
           {.hint = N_("Leave empty when the order has no end date.")}),
      IdChoice("officer", N_("Partner contact"), &Order::officer_user_id,
               N_("Choose one of the options."),
               {.blank = N_("Not in Cercle: write the name below"), .group = "officer_fields"}),
      Text("officer_name", N_("Officer's name"), &Order::officer_name, kOfficer),
      Text("officer_contact", N_("Officer's telephone or e-mail"), &Order::officer_contact,
           kOfficer),
  };
  return fields;
}

// The order form of `form`'s file (editing: of its order) showing `values`.
Response RenderOrder(Context& context, const LegalForm& form,
                     const FieldValues<domain::SupervisionOrder>& values, Editing editing,
                     int status) {
  mstch::map model;
  AddFields(context, OrderFields<domain::SupervisionOrder>(), values, model,
            {{"officer", UserChoices(app::intake::Officers(form.users))}});
  const bool changing = editing == Editing::kYes;
  model["action"] = changing ? OrderAction(form.order->id) : FileHref(form.member.id) + "/orders";
  model["editing"] = changing;
  model["name"] = form.member.name_used();
  model["file_href"] = FileHref(form.member.id);
  const std::string title =
      context.Translate(changing ? N_("Edit the supervision order") : N_("New supervision order"));
  return RenderPage(context, "core_member_order", title, std::move(model), status);
}

// ---- Conditions ----

// The condition form: the form as typed (app::intake::ConditionDetails) or a stored condition.
template <class Condition>
const std::vector<FormField<Condition>>& ConditionFields() {
  constexpr FieldOptions kVictim{.kind = FieldKind::kTextArea, .rows = 2, .group = "victim_fields"};
  static const std::vector<FormField<Condition>> fields = {
      EnumChoice<domain::ConditionKind>("kind", N_("Kind of condition"), &Condition::kind,
                                        N_("Choose the kind of condition."),
                                        {.blank = N_("Choose…"), .required = true}),
      Text("text", N_("Condition, as the order states it"), &Condition::text,
           {.kind = FieldKind::kTextArea,
            .hint = N_("Volunteers may one day read this text, unless the condition protects a "
                       "victim. Keep the victim's name and places for the fields below."),
            .required = true,
            .rows = 3}),
      Date("starts_on", N_("Start"), &Condition::starts_on, "",
           {.hint = N_("Leave empty when it starts with the order.")}),
      Date("ends_on", N_("End"), &Condition::ends_on, "",
           {.hint = N_("Leave empty when it has no end date.")}),
      Checkbox("protects_victim", N_("This condition protects a victim"),
               &Condition::protects_victim,
               {.hint = N_("A no-contact condition with a named person always protects a victim. "
                           "Volunteers then read only: no contact with a named person (details "
                           "held by the coordinator)."),
                .group = "victim_fields"}),
      Text("victim_identity", N_("Person protected"), &Condition::victim_identity, kVictim),
      Text("victim_places", N_("Places to avoid"), &Condition::victim_places, kVictim),
  };
  return fields;
}

// The condition form of `form`'s order (editing: of its condition) showing `values`.
Response RenderCondition(Context& context, const LegalForm& form,
                         const FieldValues<domain::Condition>& values, Editing editing,
                         int status) {
  mstch::map model;
  AddFields(context, ConditionFields<domain::Condition>(), values, model);
  const bool changing = editing == Editing::kYes;
  model["action"] =
      changing ? ConditionAction(form.condition->id) : NewConditionAction(form.order->id);
  model["editing"] = changing;
  model["name"] = form.member.name_used();
  model["order"] = context.Translate(domain::LabelOf(form.order->type));
  model["file_href"] = FileHref(form.member.id);
  const std::string title =
      context.Translate(changing ? N_("Edit the condition") : N_("New condition"));
  return RenderPage(context, "core_member_condition", title, std::move(model), status);
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

// A record of the file's legal status with a create and an edit form (an order, a condition): its
// description, its app functions, its form page, and where the new form hangs (the file, the
// order) with who each form is denied as.
template <class DetailsType, class StoredType>
struct RecordForms {
  using Details = DetailsType;
  using Stored = StoredType;
  using Save = Result<std::int64_t> (*)(const app::Services&, const auth::Actor&, std::int64_t,
                                        const Details&);
  const std::vector<FormField<Details>>& (*fields)();
  Save create;
  Save edit;
  Response (*render)(Context&, const LegalForm&, const FieldValues<Stored>&, Editing, int);
  const std::optional<Stored> LegalForm::*stored;
  Loader load_owner;
  std::string_view owner_type;
  Loader load_record;
  std::string_view record_type;
  // What `create` returns: the file's id, or the new record's (the file is then the path's id).
  bool create_returns_file = true;
};

const RecordForms<app::intake::OrderDetails, domain::SupervisionOrder> kOrderForms{
    OrderFields<app::intake::OrderDetails>,
    app::intake::CreateOrder,
    app::intake::EditOrder,
    RenderOrder,
    &LegalForm::order,
    app::intake::LoadFileForm,
    kObjectType,
    app::intake::LoadOrderForm,
    "supervision_order",
    false};

const RecordForms<app::intake::ConditionDetails, domain::Condition> kConditionForms{
    ConditionFields<app::intake::ConditionDetails>,
    app::intake::CreateCondition,
    app::intake::EditCondition,
    RenderCondition,
    &LegalForm::condition,
    app::intake::LoadOrderForm,
    "supervision_order",
    app::intake::LoadConditionForm,
    "condition"};

// The new form of a record of `forms` (`editing`: the edit form of the record in the path).
template <const auto& forms, Editing editing>
Response ShowRecordForm(Context& context) {
  using Stored = typename std::remove_cvref_t<decltype(forms)>::Stored;
  const bool changing = editing == Editing::kYes;
  return FormPage(context, changing ? forms.record_type : forms.owner_type,
                  changing ? forms.load_record : forms.load_owner, [&](const LegalForm& form) {
                    FieldValues<Stored> values;
                    if (changing) values.record = &*(form.*forms.stored);
                    return forms.render(context, form, values, editing, 200);
                  });
}

// Reads and saves the new form of a record of `forms` (`editing`: the edit form of the record in
// the path): back to the file, or the form again as typed with the error.
template <const auto& forms, Editing editing>
Response SubmitRecordForm(Context& context) {
  const bool changing = editing == Editing::kYes;
  const Form submitted(context.request);
  typename std::remove_cvref_t<decltype(forms)>::Details details;
  details.field_errors = ReadFields(forms.fields(), submitted, details);
  const auto id = PathId(context);
  const auto saved = (changing ? forms.edit : forms.create)(context.services.app,
                                                            context.signed_in(), id, details);
  const std::int64_t file = !saved ? 0 : changing || forms.create_returns_file ? *saved : id;
  return Answer(context, saved, changing ? forms.record_type : forms.owner_type,
                FileHref(file) + "?saved=1#legal", changing ? forms.load_record : forms.load_owner,
                [&](const LegalForm& form, const Error& error) {
                  return forms.render(context, form, {.form = &submitted, .error = &error}, editing,
                                      StatusFor(error.kind));
                });
}

}  // namespace

Response (*const ShowNewOrder)(Context&) = ShowRecordForm<kOrderForms, Editing::kNo>;
Response (*const CreateOrder)(Context&) = SubmitRecordForm<kOrderForms, Editing::kNo>;
Response (*const ShowEditOrder)(Context&) = ShowRecordForm<kOrderForms, Editing::kYes>;
Response (*const EditOrder)(Context&) = SubmitRecordForm<kOrderForms, Editing::kYes>;

Response (*const ShowNewCondition)(Context&) = ShowRecordForm<kConditionForms, Editing::kNo>;
Response (*const CreateCondition)(Context&) = SubmitRecordForm<kConditionForms, Editing::kNo>;
Response (*const ShowEditCondition)(Context&) = ShowRecordForm<kConditionForms, Editing::kYes>;
Response (*const EditCondition)(Context&) = SubmitRecordForm<kConditionForms, Editing::kYes>;

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
