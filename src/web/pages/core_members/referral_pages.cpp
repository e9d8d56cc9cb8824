#include "web/pages/core_members/referral_pages.hpp"

#include "app/intake/documents.hpp"
#include "app/intake/referrals.hpp"
#include "domain/intake_fields.hpp"
#include "web/documents.hpp"
#include "web/form_fields.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pages/core_members/referral_view.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

constexpr const char* kObjectType = "referral";

const std::initializer_list<std::string> kAcceptFields = {"reopen", "file_number", "coordinator",
                                                          "reason"};

// The {id} path parameter, or 0 (which names nothing).
std::int64_t PathId(const Context& context) { return ParseId(context.Parameter("id")).value_or(0); }

// The referral form: the form as typed (app::intake::ReferralDetails) or a stored referral.
template <class Referral>
const std::vector<FormField<Referral>>& ReferralFields() {
  constexpr FieldOptions kTyped{.trimmed = true, .group = "source_fields"};
  constexpr FieldOptions kPrivate{.private_input = true, .trimmed = true, .group = "source_fields"};
  constexpr FieldOptions kPerson{.private_input = true, .trimmed = true, .group = "person_fields"};
  static const std::vector<FormField<Referral>> fields = {
      EnumChoice<domain::ReferralSource>(
          "source", N_("Source"), &Referral::source, N_("Choose where the referral comes from."),
          {.blank = N_("Choose…"), .required = true, .group = "source_fields"}),
      Text("source_other", N_("Other source"), &Referral::source_other,
           {.hint = N_("Only when the source is not in the list."),
            .trimmed = true,
            .group = "source_fields"}),
      Text("referrer_name", N_("Referrer's name"), &Referral::referrer_name,
           {.hint = N_("Not needed for a self-referral."),
            .private_input = true,
            .trimmed = true,
            .group = "source_fields"}),
      Text("referrer_organisation", N_("Referrer's organisation"), &Referral::referrer_organisation,
           kTyped),
      Text("referrer_contact", N_("Referrer's telephone or e-mail"), &Referral::referrer_contact,
           kPrivate),
      Date("received_on", N_("Date received"), &Referral::received_on,
           N_("Enter the date the referral was received."),
           {.required = true, .up_to_today = true, .group = "source_fields"}),
      Text("person_legal_name", N_("Legal name"), &Referral::person_legal_name,
           {.required = true, .private_input = true, .trimmed = true, .group = "person_fields"}),
      Text("person_preferred_name", N_("Name he goes by"), &Referral::person_preferred_name,
           kPerson),
      Date("person_birth_date", N_("Date of birth"), &Referral::person_birth_date, "",
           {.group = "person_fields"}),
      Text("summary", N_("Why he is referred"), &Referral::summary,
           {.kind = FieldKind::kTextArea,
            .hint = N_("Coordinators and administrators only."),
            .trimmed = true,
            .rows = 4,
            .group = "person_fields"}),
  };
  return fields;
}

// Reads the referral form. Without a source, the other fields are checked as for an agency's
// referral (the default source), which names its referrer.
app::intake::ReferralDetails ReadReferral(const Form& form) {
  app::intake::ReferralDetails details;
  details.field_errors = ReadFields(ReferralFields<app::intake::ReferralDetails>(), form, details);
  return details;
}

// The referral form showing `values`: a new referral's (none: `id`), or referral `id`'s.
Response RenderReferralForm(Context& context, const FieldValues<domain::Referral>& values,
                            std::optional<std::int64_t> id, int status) {
  mstch::map model;
  AddFields(context, ReferralFields<domain::Referral>(), values, model);
  model["action"] = id ? ReferralHref(*id) + "/edit" : std::string("/referrals");
  model["editing"] = id.has_value();
  const std::string title = context.Translate(id ? N_("Edit the referral") : N_("New referral"));
  return RenderPage(context, "referral_form", title, std::move(model), status);
}

mstch::map ListView(const Context& context, const app::intake::ReferralList& list,
                    const std::string& status, bool open_only, bool filtered) {
  mstch::array rows;
  for (const auto& referral : list.referrals) {
    rows.push_back(mstch::map{{"href", ReferralHref(referral.id)},
                              {"person_legal_name", referral.person_legal_name},
                              {"received_on", ShowDate(context, referral.received_on)},
                              {"source", context.Translate(domain::LabelOf(referral.source))},
                              {"status", context.Translate(domain::LabelOf(referral.status))},
                              {"tone", ReferralTone(referral.status)}});
  }
  std::vector<Choice> statuses{{"", context.Translate(N_("Open referrals"))},
                               {"all", context.Translate(N_("All"))}};
  for (auto& choice : EnumChoices<domain::ReferralStatus>(context))
    statuses.push_back(std::move(choice));
  return mstch::map{{"rows", rows},
                    {"empty", rows.empty()},
                    {"showing_open", open_only},
                    {"status_choices", Choices(statuses, filtered ? status : "")},
                    {"count", std::to_string(list.total)},
                    {"can_create", true}};
}

// The refusal of a referral's command: the audited 404, or the referral's page with the error.
Response ReferralRefusal(Context& context, std::int64_t id, const Error& error,
                         const std::string& section, const Form* form) {
  return Refusal(context, error, kObjectType, context.Parameter("id"), [&](const Error& shown) {
    return RenderReferral(context, id, {&shown, section, form, ""});
  });
}

}  // namespace

Response ListReferrals(Context& context) {
  const auto query = context.request.QueryParameters();
  const auto found = query.find("status");
  const std::string status = found == query.end() ? "" : found->second;
  const bool all = status == "all";
  const app::intake::ReferralListQuery list_query{
      .status = domain::ParseEnum<domain::ReferralStatus>(status),
      .open_only = status.empty(),
      .page = {Paginate(context.request, kUnknownTotal).page, kPageSize}};
  const auto list =
      app::intake::LoadReferralList(context.services.app, context.signed_in(), list_query);
  if (!list) return Deny(context, kObjectType, "");
  mstch::map model =
      ListView(context, *list, status, list_query.open_only, list_query.status || all);
  AddPagination(context, Paginate(context.request, list->total), model);
  if (context.request.query == "created=1")
    model["notice"] = context.Translate(N_("The referral is recorded."));
  return RenderPage(context, "referral_list", context.Translate(N_("Referrals")), std::move(model));
}

Response ShowNewReferral(Context& context) {
  if (!app::intake::MayCreateReferral(context.signed_in())) return Deny(context, kObjectType, "");
  return RenderReferralForm(context, {.initial = {{"received_on", FormatIsoDate(Today(context))}}},
                            std::nullopt, 200);
}

Response CreateReferral(Context& context) {
  const Form form(context.request);
  const auto id =
      app::intake::CreateReferral(context.services.app, context.signed_in(), ReadReferral(form));
  if (id) return Response::Redirect(ReferralHref(*id));
  return Refusal(context, id.error(), kObjectType, "", [&](const Error& error) {
    return RenderReferralForm(context, {.form = &form, .error = &error}, std::nullopt,
                              StatusFor(error.kind));
  });
}

Response ShowReferral(Context& context) {
  ReferralPageState state;
  const std::string query = context.request.query;
  if (query == "saved=1") state.notice = context.Translate(N_("The change is saved."));
  if (query == "saved=document") state.notice = context.Translate(N_("The document is stored."));
  if (query == "saved=removed") state.notice = context.Translate(N_("The document is removed."));
  return RenderReferral(context, PathId(context), state);
}

Response ShowEditReferral(Context& context) {
  const auto id = PathId(context);
  const auto referral = app::intake::LoadReferralForm(context.services.app, context.signed_in(), id,
                                                      Viewing::kRecorded);
  if (!referral) return ReferralRefusal(context, id, referral.error(), "", nullptr);
  return RenderReferralForm(context, {.record = &*referral}, id, 200);
}

Response EditReferral(Context& context) {
  const auto id = PathId(context);
  const Form form(context.request);
  const auto saved =
      app::intake::EditReferral(context.services.app, context.signed_in(), id, ReadReferral(form));
  if (saved) return Response::Redirect(ReferralHref(id) + "?saved=1");
  // A decided referral no longer changes: its page says so.
  if (saved.error().kind == ErrorKind::kConflict)
    return ReferralRefusal(context, id, saved.error(), "", nullptr);
  return Refusal(context, saved.error(), kObjectType, context.Parameter("id"),
                 [&](const Error& error) {
                   return RenderReferralForm(context, {.form = &form, .error = &error}, id,
                                             StatusFor(error.kind));
                 });
}

Response SaveChecklist(Context& context) {
  const auto id = PathId(context);
  const Form form(context.request);
  app::intake::ChecklistAnswers answers{.referral_id = id};
  for (const auto& value : form.All("met")) {
    if (const auto criterion = ParseId(value)) {
      answers.met.push_back(*criterion);
    } else {
      answers.field_errors.push_back({"checklist", {N_("Choose among the criteria shown."), {}}});
    }
  }
  const auto saved = app::intake::SaveChecklist(context.services.app, context.signed_in(), answers);
  if (saved) return Response::Redirect(ReferralHref(id) + "?saved=1#checklist");
  return ReferralRefusal(context, id, saved.error(), "checklist", &form);
}

Response MoveReferral(Context& context) {
  const auto id = PathId(context);
  const Form form(context.request);
  const auto moved =
      app::intake::MoveReferral(context.services.app, context.signed_in(),
                                {.referral_id = id,
                                 .to = domain::ParseEnum<domain::ReferralStatus>(form.Get("to")),
                                 .reason = Trimmed(form.Get("reason"))});
  if (!moved) return ReferralRefusal(context, id, moved.error(), "move", &form);
  if (*moved == app::intake::MoveOutcome::kNeedsAcceptance)
    return Response::Redirect(ReferralHref(id) + "/accept");
  return Response::Redirect(ReferralHref(id) + "?saved=1");
}

Response ShowAcceptReferral(Context& context) {
  const auto id = PathId(context);
  const auto form = app::intake::LoadAcceptanceForm(context.services.app, context.signed_in(), id,
                                                    Viewing::kRecorded);
  if (!form) return ReferralRefusal(context, id, form.error(), "move", nullptr);
  const auto id_text = [](const std::optional<std::int64_t>& value) {
    return value ? std::to_string(*value) : std::string();
  };
  mstch::map model = Values({{"reopen", id_text(form->suggested_reopen)},
                             {"file_number", form->suggested_file_number},
                             {"coordinator", id_text(form->suggested_coordinator)},
                             {"reason", ""}});
  if (form->suggested_reopen) model["reopen_suggested"] = true;
  return RenderAccept(context, *form, std::move(model), 200);
}

Response AcceptReferral(Context& context) {
  const auto id = PathId(context);
  const Form form(context.request);
  std::vector<FieldError> errors;
  app::intake::ReferralAcceptance command{
      .referral_id = id,
      .reopen_core_member_id = IdField(form, "reopen", errors),
      .file_number = Trimmed(form.Get("file_number")),
      .reason = form.Get("reason"),
      .coordinator_user_id = IdField(form, "coordinator", errors)};
  command.field_errors = std::move(errors);
  const auto accepted =
      app::intake::AcceptReferral(context.services.app, context.signed_in(), command);
  if (accepted) return Response::Redirect(FileHref(*accepted) + "?saved=accepted");
  return Refusal(context, accepted.error(), kObjectType, context.Parameter("id"),
                 [&](const Error& error) {
                   const Error shown = WithTranslatedArguments(context, error);
                   // A move the lifecycle refuses, or a missing criterion, belongs to the referral
                   // page.
                   if (shown.fields.empty() || shown.fields.front().field == "checklist")
                     return RenderReferral(context, id, {&shown, "move", nullptr, ""});
                   const auto loaded = app::intake::LoadAcceptanceForm(
                       context.services.app, context.signed_in(), id, Viewing::kNotRecorded);
                   if (!loaded)
                     return ReferralRefusal(context, id, loaded.error(), "move", nullptr);
                   return RenderAccept(context, *loaded, form.Model(context, kAcceptFields, &shown),
                                       StatusFor(shown.kind));
                 });
}

Response UploadReferralDocument(Context& context) {
  const auto id = PathId(context);
  const Form form(context.request);
  const auto stored = app::intake::UploadIntakeDocument(
      context.services.app, context.signed_in(), IntakeOwner::kReferral, id,
      UploadOf(context, "file", form.Get("title")));
  if (stored) return Response::Redirect(ReferralHref(id) + "?saved=document#documents");
  return ReferralRefusal(context, id, stored.error(), "documents", &form);
}

Response DownloadReferralDocument(Context& context) {
  const auto download = app::intake::DownloadIntakeDocument(
      context.services.app, context.signed_in(), IntakeOwner::kReferral, PathId(context));
  if (!download) return Deny(context, "document", context.Parameter("id"));
  return DocumentResponse(context, download->document, download->bytes);
}

Response RemoveReferralDocument(Context& context) {
  const auto owner = app::intake::RemoveIntakeDocument(context.services.app, context.signed_in(),
                                                       IntakeOwner::kReferral, PathId(context));
  if (!owner) return Deny(context, "document", context.Parameter("id"));
  return Response::Redirect(ReferralHref(*owner) + "?saved=removed#documents");
}

}  // namespace cercle::web::pages::core_members
