#include "web/pages/core_members/core_member_pages.hpp"

#include "app/intake/documents.hpp"
#include "base/text.hpp"
#include "domain/intake_fields.hpp"
#include "web/documents.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

using app::intake::IntakeOwner;
using app::intake::Viewing;
using domain::intake::Trimmed;

constexpr const char* kObjectType = "core_member";

// The fields of the file's edit form.
const std::initializer_list<std::string> kFileFields = {"legal_name",
                                                        "preferred_name",
                                                        "file_number",
                                                        "birth_date",
                                                        "preferred_language",
                                                        "other_language",
                                                        "phone",
                                                        "email",
                                                        "address",
                                                        "region",
                                                        "coordinator",
                                                        "offence_summary",
                                                        "volunteer_summary",
                                                        "statutory_release_date",
                                                        "warrant_expiry_date"};

std::string QueryValue(const std::multimap<std::string, std::string>& query,
                       const std::string& name) {
  const auto found = query.find(name);
  return found == query.end() ? std::string() : found->second;
}

std::string IsoOrEmpty(const std::optional<CivilDate>& date) {
  return date ? FormatIsoDate(*date) : "";
}

mstch::map FileFormModel(const domain::CoreMember& member) {
  return Values({{"legal_name", member.legal_name},
                 {"preferred_name", member.preferred_name},
                 {"file_number", member.file_number},
                 {"birth_date", IsoOrEmpty(member.birth_date)},
                 {"preferred_language", std::string(domain::NameOf(member.preferred_language))},
                 {"other_language", member.other_language},
                 {"phone", member.phone},
                 {"email", member.email},
                 {"address", member.address},
                 {"region", member.region},
                 {"coordinator",
                  member.coordinator_user_id ? std::to_string(*member.coordinator_user_id) : ""},
                 {"offence_summary", member.offence_summary},
                 {"volunteer_summary", member.volunteer_summary},
                 {"statutory_release_date", IsoOrEmpty(member.statutory_release_date)},
                 {"warrant_expiry_date", IsoOrEmpty(member.warrant_expiry_date)}});
}

Response RenderEdit(Context& context, const app::intake::CoreMemberForm& form, mstch::map model,
                    int status) {
  model["id"] = std::to_string(form.member.id);
  model["name"] = form.member.name_used();
  model["language_choices"] = Choices(EnumChoices<domain::PreferredLanguage>(context),
                                      ValueOf(model, "preferred_language"));
  model["coordinator_choices"] =
      Choices(UserChoices(app::intake::FileStaff(form.users)), ValueOf(model, "coordinator"));
  return RenderPage(context, "core_member_edit", context.Translate(N_("Edit the file")),
                    std::move(model), status);
}

mstch::map ListView(const Context& context, const app::intake::CoreMemberList& list,
                    const app::intake::CoreMemberListQuery& query, const std::string& status,
                    const std::string& coordinator) {
  mstch::array rows;
  for (const auto& member : list.members) {
    rows.push_back(
        mstch::map{{"href", FileHref(member.id)},
                   {"file_number", member.file_number},
                   {"legal_name", member.legal_name},
                   {"preferred_name", member.preferred_name},
                   {"status", context.Translate(domain::LabelOf(member.status))},
                   {"tone", StatusTone(member.status)},
                   {"region", member.region},
                   {"coordinator", member.coordinator_user_id
                                       ? UserName(context, list.users, member.coordinator_user_id)
                                       : std::string()}});
  }
  std::vector<Choice> regions;
  for (const auto& region : list.regions) regions.push_back({region, region});
  const bool filtered =
      query.status || !query.region.empty() || query.coordinator_user_id || !query.query.empty();
  return mstch::map{{"rows", rows},
                    {"empty", rows.empty()},
                    {"filtered", filtered},
                    {"count", std::to_string(list.total)},
                    {"q", query.query},
                    {"status_choices", Choices(EnumChoices<domain::CoreMemberStatus>(context),
                                               query.status ? status : "")},
                    {"region_choices", Choices(regions, query.region)},
                    {"coordinator_choices", Choices(UserChoices(app::intake::FileStaff(list.users)),
                                                    query.coordinator_user_id ? coordinator : "")},
                    {"open_referrals", std::to_string(list.open_referrals)}};
}

// The edit form as typed.
app::intake::CoreMemberEdit ReadEdit(std::int64_t id, const Form& form) {
  std::vector<FieldError> errors;
  app::intake::CoreMemberEdit edit{.core_member_id = id,
                                   .legal_name = Trimmed(form.Get("legal_name")),
                                   .preferred_name = Trimmed(form.Get("preferred_name")),
                                   .file_number = Trimmed(form.Get("file_number")),
                                   .birth_date = DateField(form, "birth_date", false, "", errors),
                                   .other_language = Trimmed(form.Get("other_language")),
                                   .phone = Trimmed(form.Get("phone")),
                                   .email = Trimmed(form.Get("email")),
                                   .address = Trimmed(form.Get("address")),
                                   .region = Trimmed(form.Get("region")),
                                   .offence_summary = Trimmed(form.Get("offence_summary")),
                                   .volunteer_summary = Trimmed(form.Get("volunteer_summary"))};
  const auto language =
      domain::ParseEnum<domain::PreferredLanguage>(form.Get("preferred_language"));
  if (!language) errors.push_back({"preferred_language", {N_("Choose one of the options."), {}}});
  edit.preferred_language = language.value_or(domain::PreferredLanguage::kFrench);
  edit.statutory_release_date = DateField(form, "statutory_release_date", false, "", errors);
  edit.warrant_expiry_date = DateField(form, "warrant_expiry_date", false, "", errors);
  edit.coordinator_user_id = IdField(form, "coordinator", errors);
  edit.field_errors = std::move(errors);
  return edit;
}

}  // namespace

std::string FileHref(std::int64_t core_member_id) {
  return "/core-members/" + std::to_string(core_member_id);
}

std::optional<domain::CoreMember> FindVisibleCoreMember(Context& context, std::int64_t id) {
  return app::intake::FindVisibleCoreMember(context.services.app, context.signed_in(), id);
}

std::optional<domain::CoreMember> FindVisibleCoreMember(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return std::nullopt;
  return FindVisibleCoreMember(context, *id);
}

Response ListCoreMembers(Context& context) {
  const auto parameters = context.request.QueryParameters();
  const std::string status = QueryValue(parameters, "status");
  const std::string coordinator = QueryValue(parameters, "coordinator");
  const app::intake::CoreMemberListQuery query{
      .status = domain::ParseEnum<domain::CoreMemberStatus>(status),
      .region = Trimmed(QueryValue(parameters, "region")),
      .coordinator_user_id = ParseId(coordinator),
      .query = FirstCharacters(Trimmed(QueryValue(parameters, "q")), 200),
      .page = {Paginate(context.request, kUnknownTotal).page, kPageSize}};
  const auto list =
      app::intake::LoadCoreMemberList(context.services.app, context.signed_in(), query);
  if (!list) return Deny(context, kObjectType, "");
  mstch::map model = ListView(context, *list, query, status, coordinator);
  AddPagination(context, Paginate(context.request, list->total), model);
  return RenderPage(context, "core_member_list", context.Translate(N_("Core members")),
                    std::move(model));
}

Response ShowCoreMember(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto file =
      id ? app::intake::LoadCoreMemberFile(context.services.app, context.signed_in(), *id)
         : Result<app::intake::CoreMemberFile>(Error::NotFound());
  if (!file) return Deny(context, kObjectType, context.Parameter("id"));
  FilePageState state;
  const std::string saved = QueryValue(context.request.QueryParameters(), "saved");
  if (saved == "1") state.notice = context.Translate(N_("The change is saved."));
  if (saved == "document") state.notice = context.Translate(N_("The document is stored."));
  if (saved == "removed") state.notice = context.Translate(N_("The document is removed."));
  if (saved == "accepted")
    state.notice = context.Translate(N_("The referral is accepted: here is his file."));
  return RenderPage(context, "core_member_file", file->member.name_used(),
                    FileView(context, *file, state));
}

Response ShowEditCoreMember(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto form = id ? app::intake::LoadCoreMemberForm(context.services.app, context.signed_in(),
                                                         *id, Viewing::kRecorded)
                       : Result<app::intake::CoreMemberForm>(Error::NotFound());
  if (!form) return Deny(context, kObjectType, context.Parameter("id"));
  return RenderEdit(context, *form, FileFormModel(form->member), 200);
}

Response EditCoreMember(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  const Form form(context.request);
  const auto saved =
      app::intake::EditCoreMember(context.services.app, context.signed_in(), ReadEdit(*id, form));
  if (saved) return Response::Redirect(FileHref(*id) + "?saved=1");
  return Refusal(context, saved.error(), kObjectType, context.Parameter("id"),
                 [&](const Error& error) {
                   const auto loaded = app::intake::LoadCoreMemberForm(
                       context.services.app, context.signed_in(), *id, Viewing::kNotRecorded);
                   if (!loaded) return Deny(context, kObjectType, context.Parameter("id"));
                   return RenderEdit(context, *loaded, form.Model(context, kFileFields, &error),
                                     StatusFor(error.kind));
                 });
}

Response ChangeCoreMemberStatus(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  const Form form(context.request);
  const auto moved = app::intake::MoveCoreMember(
      context.services.app, context.signed_in(),
      {.core_member_id = *id,
       .to = domain::ParseEnum<domain::CoreMemberStatus>(form.Get("to")),
       .reason = Trimmed(form.Get("reason"))});
  if (moved) return Response::Redirect(FileHref(*id) + "?saved=1");
  return Refusal(context, moved.error(), kObjectType, context.Parameter("id"),
                 [&](const Error& error) {
                   return RenderFile(context, *id, {&error, "status", &form, ""});
                 });
}

Response UploadCoreMemberDocument(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  const Form form(context.request);
  const auto stored = app::intake::UploadIntakeDocument(
      context.services.app, context.signed_in(), IntakeOwner::kCoreMember, *id,
      UploadOf(context, "file", form.Get("title")));
  if (stored) return Response::Redirect(FileHref(*id) + "?saved=document#documents");
  return Refusal(context, stored.error(), kObjectType, context.Parameter("id"),
                 [&](const Error& error) {
                   return RenderFile(context, *id, {&error, "documents", &form, ""});
                 });
}

Response DownloadCoreMemberDocument(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto download =
      id ? app::intake::DownloadIntakeDocument(context.services.app, context.signed_in(),
                                               IntakeOwner::kCoreMember, *id)
         : Result<app::intake::DocumentDownload>(Error::NotFound());
  if (!download) return Deny(context, "document", context.Parameter("id"));
  return DocumentResponse(context, download->document, download->bytes);
}

Response RemoveCoreMemberDocument(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto owner =
      id ? app::intake::RemoveIntakeDocument(context.services.app, context.signed_in(),
                                             IntakeOwner::kCoreMember, *id)
         : Result<std::int64_t>(Error::NotFound());
  if (!owner) return Deny(context, "document", context.Parameter("id"));
  return Response::Redirect(FileHref(*owner) + "?saved=removed#documents");
}

}  // namespace cercle::web::pages::core_members
