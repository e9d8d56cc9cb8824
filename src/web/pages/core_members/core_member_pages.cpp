#include "web/pages/core_members/core_member_pages.hpp"

#include "app/intake/documents.hpp"
#include "base/text.hpp"
#include "domain/intake_fields.hpp"
#include "web/documents.hpp"
#include "web/form_fields.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

constexpr const char* kObjectType = "core_member";

std::string QueryValue(const std::multimap<std::string, std::string>& query,
                       const std::string& name) {
  const auto found = query.find(name);
  return found == query.end() ? std::string() : found->second;
}

// The file's edit form: the form as typed (app::intake::CoreMemberEdit) or the stored file. The
// coordinator's choices are the organisation's file staff.
template <class File>
const std::vector<FormField<File>>& FileFields() {
  constexpr FieldOptions kIdentity{
      .private_input = true, .trimmed = true, .group = "identity_fields"};
  constexpr FieldOptions kContact{.trimmed = true, .group = "contact_fields"};
  constexpr FieldOptions kDate{.group = "date_fields"};
  constexpr std::string_view kChoose = N_("Choose one of the options.");
  static const std::vector<FormField<File>> fields = {
      Text("legal_name", N_("Legal name"), &File::legal_name,
           {.required = true, .private_input = true, .trimmed = true, .group = "identity_fields"}),
      Text("preferred_name", N_("Name he goes by"), &File::preferred_name, kIdentity),
      Text("file_number", N_("File number"), &File::file_number,
           {.required = true, .private_input = true, .trimmed = true, .group = "identity_fields"}),
      Date("birth_date", N_("Date of birth"), &File::birth_date, "", {.group = "identity_fields"}),
      EnumChoice<domain::PreferredLanguage>("preferred_language", N_("Preferred language"),
                                            &File::preferred_language, kChoose,
                                            {.group = "contact_fields"}),
      Text("other_language", N_("Other language"), &File::other_language,
           {.hint = N_("Only when he prefers a language other than French or English."),
            .trimmed = true,
            .group = "contact_fields"}),
      Text("phone", N_("Telephone"), &File::phone,
           {.kind = FieldKind::kPhone,
            .private_input = true,
            .trimmed = true,
            .group = "contact_fields"}),
      Text("email", N_("E-mail address"), &File::email,
           {.kind = FieldKind::kEmail,
            .private_input = true,
            .trimmed = true,
            .group = "contact_fields"}),
      Text("address", N_("Address"), &File::address,
           {.kind = FieldKind::kTextArea, .trimmed = true, .rows = 2, .group = "contact_fields"}),
      Text("region", N_("Region"), &File::region, kContact),
      IdChoice("coordinator", N_("Coordinator"), &File::coordinator_user_id, kChoose,
               {.blank = N_("Nobody yet"), .group = "contact_fields"}),
      Text("offence_summary", N_("Offence summary"), &File::offence_summary,
           {.kind = FieldKind::kTextArea,
            .hint = N_("Coordinators and administrators only. Volunteers never read it."),
            .trimmed = true,
            .rows = 5,
            .group = "summary_fields"}),
      Text("volunteer_summary", N_("Summary for volunteers"), &File::volunteer_summary,
           {.kind = FieldKind::kTextArea,
            .hint = N_("What the volunteers of his circle may read. Name no victim and no place "
                       "that could identify one."),
            .trimmed = true,
            .rows = 5,
            .group = "summary_fields"}),
      Date("statutory_release_date", N_("Statutory release"), &File::statutory_release_date, "",
           kDate),
      Date("warrant_expiry_date", N_("Warrant expiry"), &File::warrant_expiry_date, "", kDate),
  };
  return fields;
}

// The edit form of `form`'s file showing `values`.
Response RenderEdit(Context& context, const app::intake::CoreMemberForm& form,
                    const FieldValues<domain::CoreMember>& values, int status) {
  mstch::map model;
  AddFields(context, FileFields<domain::CoreMember>(), values, model,
            {{"coordinator", UserChoices(app::intake::FileStaff(form.users))}});
  model["id"] = std::to_string(form.member.id);
  model["name"] = form.member.name_used();
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

// The edit form of file `id` as typed.
app::intake::CoreMemberEdit ReadEdit(std::int64_t id, const Form& form) {
  app::intake::CoreMemberEdit edit{.core_member_id = id};
  edit.field_errors = ReadFields(FileFields<app::intake::CoreMemberEdit>(), form, edit);
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
  return RenderEdit(context, *form, {.record = &form->member}, 200);
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
                   return RenderEdit(context, *loaded, {.form = &form, .error = &error},
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
