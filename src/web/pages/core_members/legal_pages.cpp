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

constexpr const char* kObjectType = "core_member";

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
      Date("ends_on", C_("date", "End"), &Order::ends_on, "",
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
      Text("zone", N_("Exclusion zone's name"), &Condition::zone,
           {.hint = N_("For an exclusion zone: its name as the venue register writes it, so that "
                       "planning a meeting at a venue in that zone is refused."),
            .limit = 120}),
      Date("starts_on", N_("Start"), &Condition::starts_on, "",
           {.hint = N_("Leave empty when it starts with the order.")}),
      Date("ends_on", C_("date", "End"), &Condition::ends_on, "",
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

// The risk assessment form. The source document's choices are the file's documents.
const std::vector<FormField<app::intake::NewRiskAssessment>>& RiskFields() {
  using app::intake::NewRiskAssessment;
  constexpr FieldOptions kTyped{.trimmed = true};
  static const std::vector<FormField<NewRiskAssessment>> fields = {
      EnumChoice<domain::RiskTool>("tool", N_("Tool"), &NewRiskAssessment::tool,
                                   N_("Choose the assessment tool."),
                                   {.blank = N_("Choose…"), .required = true}),
      Text("tool_other", N_("Name of the other tool"), &NewRiskAssessment::tool_other, kTyped),
      Text("score", N_("Score"), &NewRiskAssessment::score,
           {.kind = FieldKind::kDecimal, .required = true, .trimmed = true}),
      Text("level", N_("Level"), &NewRiskAssessment::level, kTyped),
      Date("assessed_on", N_("Date of the assessment"), &NewRiskAssessment::assessed_on,
           N_("Enter the date of the assessment."), {.required = true}),
      Text("assessor", N_("Assessor"), &NewRiskAssessment::assessor,
           {.required = true, .trimmed = true}),
      IdChoice("source_document", N_("Source document"), &NewRiskAssessment::source_document_id,
               N_("Choose one of the options."), {.blank = N_("None")}),
  };
  return fields;
}

// The consent form.
const std::vector<FormField<app::intake::NewConsent>>& ConsentFields() {
  using app::intake::NewConsent;
  static const std::vector<FormField<NewConsent>> fields = {
      EnumChoice<domain::ConsentScope>("scope", N_("What he consents to"), &NewConsent::scope,
                                       N_("Choose what the consent allows."),
                                       {.blank = N_("Choose…"), .required = true}),
      Text("partner_organisation", N_("Partner organisation"), &NewConsent::partner_organisation,
           {.hint = N_("Only for sharing with a named partner organisation."), .trimmed = true}),
      Date("given_on", N_("Date given"), &NewConsent::given_on,
           N_("Enter the date the consent was given."), {.required = true}),
      Date("expires_on", N_("Expiry"), &NewConsent::expires_on, "",
           {.hint = N_("The last day it is valid. Leave empty when it does not expire.")}),
  };
  return fields;
}

Response RenderRisk(Context& context, const LegalForm& form,
                    const FieldValues<app::intake::NewRiskAssessment>& values, int status) {
  std::vector<Choice> documents;
  for (const auto& document : form.documents)
    documents.push_back({std::to_string(document.id), document.title});
  mstch::map model;
  AddFields(context, RiskFields(), values, model, {{"source_document", documents}});
  model["name"] = form.member.name_used();
  model["id"] = std::to_string(form.member.id);
  model["file_href"] = FileHref(form.member.id);
  return RenderPage(context, "core_member_risk", context.Translate(N_("New risk assessment")),
                    std::move(model), status);
}

Response RenderConsent(Context& context, const LegalForm& form,
                       const FieldValues<app::intake::NewConsent>& values, int status) {
  mstch::map model;
  AddFields(context, ConsentFields(), values, model);
  model["name"] = form.member.name_used();
  model["id"] = std::to_string(form.member.id);
  model["file_href"] = FileHref(form.member.id);
  return RenderPage(context, "core_member_consent", context.Translate(N_("New consent")),
                    std::move(model), status);
}

// One of app::intake's loaders of a form of the file, by the id in the path.
using Loader = Result<LegalForm> (*)(const app::Services&, const auth::Actor&, std::int64_t,
                                     Viewing);

// Where a form page finds its data: the loader of the form by the id in the path, and what its
// refusal is denied as.
struct FormSource {
  Loader load;
  std::string_view object_type;
};

constexpr FormSource kFileSource{app::intake::LoadFileForm, kObjectType};
constexpr FormSource kRiskSource{app::intake::LoadRiskForm, kObjectType};
constexpr FormSource kOrderSource{app::intake::LoadOrderForm, "supervision_order"};
constexpr FormSource kConditionSource{app::intake::LoadConditionForm, "condition"};

// A form page: `source` gives the form (or its refusal), `render` shows it.
template <class Render>
Response FormPage(Context& context, const FormSource& source, Render&& render) {
  const auto form =
      source.load(context.services.app, context.signed_in(), PathId(context), Viewing::kRecorded);
  if (!form) return Deny(context, source.object_type, context.Parameter("id"));
  return render(*form);
}

// The answer to a submitted form: the redirect to `done` when `result` holds a value, the audited
// 404 when it was refused, or the form again (from `source`) with the error.
template <class T, class Render>
Response Answer(Context& context, const Result<T>& result, const FormSource& source,
                const std::string& done, Render&& render) {
  if (result) return Response::Redirect(done);
  const auto object_type = source.object_type;
  return Refusal(context, result.error(), object_type, context.Parameter("id"),
                 [&](const Error& error) {
                   const auto form = source.load(context.services.app, context.signed_in(),
                                                 PathId(context), Viewing::kNotRecorded);
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
  FormSource owner;   // the new form's
  FormSource record;  // the edit form's
  // What `create` returns: the file's id, or the new record's (the file is then the path's id).
  bool create_returns_file = true;
};

const RecordForms<app::intake::OrderDetails, domain::SupervisionOrder> kOrderForms{
    OrderFields<app::intake::OrderDetails>,
    app::intake::CreateOrder,
    app::intake::EditOrder,
    RenderOrder,
    &LegalForm::order,
    kFileSource,
    kOrderSource,
    false};

const RecordForms<app::intake::ConditionDetails, domain::Condition> kConditionForms{
    ConditionFields<app::intake::ConditionDetails>,
    app::intake::CreateCondition,
    app::intake::EditCondition,
    RenderCondition,
    &LegalForm::condition,
    kOrderSource,
    kConditionSource};

// The new form of a record of `forms` (`editing`: the edit form of the record in the path).
template <const auto& forms, Editing editing>
Response ShowRecordForm(Context& context) {
  using Stored = typename std::remove_cvref_t<decltype(forms)>::Stored;
  const bool changing = editing == Editing::kYes;
  return FormPage(context, changing ? forms.record : forms.owner, [&](const LegalForm& form) {
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
  return Answer(context, saved, changing ? forms.record : forms.owner,
                FileHref(file) + "?saved=1#legal", [&](const LegalForm& form, const Error& error) {
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
  return FormPage(context, kRiskSource,
                  [&](const LegalForm& form) { return RenderRisk(context, form, {}, 200); });
}

Response CreateRiskAssessment(Context& context) {
  const Form submitted(context.request);
  const auto id = PathId(context);
  app::intake::NewRiskAssessment command{.core_member_id = id};
  command.field_errors = ReadFields(RiskFields(), submitted, command);
  // The other tool's name is kept only for a tool that is not in the list.
  if (command.tool != domain::RiskTool::kOther) command.tool_other.clear();
  const auto created =
      app::intake::CreateRiskAssessment(context.services.app, context.signed_in(), command);
  return Answer(context, created, kRiskSource, FileHref(id) + "?saved=1#risk",
                [&](const LegalForm& form, const Error& error) {
                  return RenderRisk(context, form, {.form = &submitted, .error = &error},
                                    StatusFor(error.kind));
                });
}

Response ShowNewConsent(Context& context) {
  return FormPage(context, kFileSource, [&](const LegalForm& form) {
    return RenderConsent(context, form, {.initial = {{"given_on", FormatIsoDate(Today(context))}}},
                         200);
  });
}

Response CreateConsent(Context& context) {
  const Form submitted(context.request);
  const auto id = PathId(context);
  app::intake::NewConsent command{.core_member_id = id};
  command.field_errors = ReadFields(ConsentFields(), submitted, command);
  // A partner organisation is named only when the consent is for one.
  if (command.scope != domain::ConsentScope::kPartnerOrganisation)
    command.partner_organisation.clear();
  const auto created =
      app::intake::CreateConsent(context.services.app, context.signed_in(), command);
  return Answer(context, created, kFileSource, FileHref(id) + "?saved=1#consents",
                [&](const LegalForm& form, const Error& error) {
                  return RenderConsent(context, form, {.form = &submitted, .error = &error},
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
