#include "web/pages/privacy/request_pages.hpp"

#include "app/privacy/person_export.hpp"
#include "app/privacy/requests.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/auth/auth_pages.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pages/reports/report_views.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::privacy {
namespace {

using domain::DeadlineFlag;
using domain::PrivacySubjectKind;
using reports::QueryValue;
using reports::ShowDate;

constexpr const char* kObjectType = "privacy_request";
constexpr const char* kRegister = "/admin/privacy/requests";

std::string ExportHref(std::int64_t id) { return "/admin/privacy/exports/" + std::to_string(id); }

std::optional<CivilDate> DateField(const Form& form, const std::string& name) {
  return ParseIsoDate(Trimmed(form.Get(name)));
}

// Where a request stands against its deadline, in words.
mstch::map DeadlineView(Context& context, const app::privacy::RegisterEntry& entry) {
  const auto& deadline = entry.deadline;
  mstch::map view{{"deadline", ShowDate(context, deadline.deadline)},
                  {"near", deadline.flag == DeadlineFlag::kNear},
                  {"passed", deadline.flag == DeadlineFlag::kPassed},
                  {"open", !entry.request.answered()}};
  if (!entry.request.answered()) {
    const auto days =
        std::to_string(deadline.days_left < 0 ? -deadline.days_left : deadline.days_left);
    view["days_text"] = deadline.days_left < 0
                            ? context.Format({N_("Days late: {count}"), {{"count", days}}})
                            : context.Format({N_("Days left: {count}"), {{"count", days}}});
  }
  return view;
}

mstch::map EntryView(Context& context, const app::privacy::RegisterEntry& entry) {
  const auto& request = entry.request;
  mstch::map view = DeadlineView(context, entry);
  view["href"] = RequestHref(request.id);
  view["number"] = std::to_string(request.id);
  view["kind"] = context.Translate(domain::LabelOf(request.kind));
  view["subject"] = entry.subject_name;
  view["subject_kind"] = context.Translate(domain::LabelOf(request.subject_kind));
  view["received_on"] = ShowDate(context, request.received_on);
  view["exports"] = std::to_string(request.export_count);
  if (request.answer) {
    view["answer_text"] = context.Translate(domain::LabelOf(*request.answer));
    view["answered_on_text"] = ShowDate(context, *request.answered_on);
  }
  return view;
}

// The choices of a select: (value, label) pairs, `selected` chosen.
mstch::array Choices(const std::vector<std::pair<std::string, std::string>>& options,
                     const std::string& selected) {
  mstch::array choices;
  for (const auto& [value, label] : options) {
    choices.push_back(
        mstch::map{{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return choices;
}

template <class E>
std::vector<std::pair<std::string, std::string>> EnumOptions(Context& context) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto value : domain::EnumValues<E>()) {
    options.emplace_back(std::string(domain::NameOf(value)),
                         context.Translate(domain::LabelOf(value)));
  }
  return options;
}

// The new request's form, showing what was typed and the error when there is one.
Response RenderNewRequest(Context& context, const Form* form, const Error* error) {
  const auto subjects = app::privacy::LoadSubjects(context.services.app, context.signed_in());
  if (!subjects) return Deny(context, kObjectType, "");
  const auto value = [&](const std::string& name, const std::string& initial = "") {
    return form ? form->Get(name) : initial;
  };
  mstch::map model =
      form ? form->Model(context, {"person_name", "details", "received_on"}, error) : mstch::map{};
  if (!form) {
    model["received_on"] = mstch::map{{"value", FormatIsoDate(context.services.app.Today())}};
  }
  if (error && !form) AddErrors(context, *error, model);
  model["kinds"] = Choices(EnumOptions<domain::PrivacyRequestKind>(context), value("kind"));
  mstch::array core_members, volunteers;
  const std::string chosen = value("subject");
  for (const auto& subject : subjects.value()) {
    const std::string option =
        std::string(domain::NameOf(subject.kind)) + ":" + std::to_string(subject.id);
    const std::string label = subject.kind == PrivacySubjectKind::kCoreMember
                                  ? subject.file_number + " · " + subject.name
                                  : subject.name;
    (subject.kind == PrivacySubjectKind::kCoreMember ? core_members : volunteers)
        .push_back(mstch::map{{"value", option}, {"label", label}, {"selected", option == chosen}});
  }
  model["core_members"] = core_members;
  model["volunteers"] = volunteers;
  model["other_selected"] = chosen == "other";
  const std::string title = context.Translate(N_("Record a request"));
  model["title_text"] = title;
  return RenderPage(context, "privacy_request_form", title, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// What was typed in field `name` of a refused form, or else what is stored.
std::string Typed(const Form* form, const std::string& name, const std::string& stored) {
  return form ? form->Get(name) : stored;
}

// The answer's fields: what was typed in a refused form, or what is stored.
void AddAnswer(Context& context, const domain::PrivacyRequest& request, const Form* form,
               mstch::map& model) {
  if (!form) {
    model["answered_on"] =
        mstch::map{{"value", request.answered_on ? FormatIsoDate(*request.answered_on)
                                                 : FormatIsoDate(context.services.app.Today())}};
    model["note"] = mstch::map{{"value", request.answer_note}};
    const bool usual =
        request.refusal_section.empty() || domain::FindRefusalSection(request.refusal_section);
    model["section_other"] = mstch::map{{"value", usual ? "" : request.refusal_section}};
    model["told_on"] = mstch::map{{"value", FormatIsoDate(context.services.app.Today())}};
  }
  model["details"] = request.details;
  model["is_other_subject"] = request.subject_kind == PrivacySubjectKind::kOther;
  model["answers"] = Choices(
      EnumOptions<domain::PrivacyAnswer>(context),
      Typed(form, "answer", request.answer ? std::string(domain::NameOf(*request.answer)) : ""));
  if (request.answer && !request.refusal_section.empty()) {
    const auto* section = domain::FindRefusalSection(request.refusal_section);
    model["section"] = section ? context.Translate(section->label) : request.refusal_section;
  }
  if (!request.answer_note.empty()) model["answer_note_text"] = request.answer_note;
  std::vector<std::pair<std::string, std::string>> sections;
  for (const auto& section : domain::kUsualRefusalSections) {
    sections.emplace_back(std::string(section.number), context.Translate(section.label));
  }
  sections.emplace_back("other", context.Translate(N_("Another section (write it below)")));
  const bool usual =
      request.refusal_section.empty() || domain::FindRefusalSection(request.refusal_section);
  model["sections"] =
      Choices(sections, Typed(form, "section", usual ? request.refusal_section : "other"));
}

// The correction form (for a correction request) and the corrections recorded.
void AddCorrections(Context& context, const app::privacy::RequestPage& page, const Form* form,
                    mstch::map& model) {
  const auto& request = page.entry.request;
  const bool correction = request.kind == domain::PrivacyRequestKind::kCorrection;
  model["correction"] = correction;
  if (correction) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& field : page.fields) {
      fields.emplace_back(field.name, context.Translate(field.label) + " (" +
                                          (field.value.empty() ? "—" : field.value) + ")");
    }
    fields.emplace_back("other", context.Translate(N_("Another record, changed by hand")));
    model["fields"] = Choices(fields, Typed(form, "field", ""));
    model["file_fields"] = !page.fields.empty();
  }
  mstch::array corrections;
  for (const auto& made : page.corrections) {
    mstch::map view{
        {"field", made.field},
        {"old_value", made.old_value},
        {"new_value", made.new_value},
        {"reason", made.reason},
        {"applied", made.applied},
        {"recorded_at", core_members::ShowTime(context, made.recorded_at)},
        {"mailed", made.mail_id.has_value()},
        {"told_action", "/admin/privacy/corrections/" + std::to_string(made.id) + "/told"},
        {"id", std::to_string(made.id)}};
    view["told_on"] = made.told_on ? ShowDate(context, *made.told_on) : std::string();
    view["told_on_value"] = FormatIsoDate(context.services.app.Today());
    view["to_tell"] = !made.mail_id && !made.told_on;
    corrections.push_back(std::move(view));
  }
  model["corrections"] = corrections;
  model["has_corrections"] = !corrections.empty();
}

// The exports made for the request.
void AddExports(Context& context, const app::privacy::RequestPage& page, mstch::map& model) {
  model["exportable"] = page.exportable;
  mstch::array exports;
  for (const auto& made : page.exports) {
    mstch::map view{{"href", ExportHref(made.id)},
                    {"made_at", core_members::ShowTime(context, made.made_at)},
                    {"released", made.released()}};
    if (made.released_at) view["released_at"] = core_members::ShowTime(context, *made.released_at);
    exports.push_back(std::move(view));
  }
  model["export_list"] = exports;
  model["has_exports"] = !exports.empty();
}

// The request page, with the error of a refused form and what was typed in it.
Response RenderRequest(Context& context, std::int64_t id, app::privacy::Viewing viewing,
                       const Form* form, const Error* error) {
  const auto page =
      app::privacy::LoadRequest(context.services.app, context.signed_in(), id, viewing);
  if (!page) return Deny(context, kObjectType, std::to_string(id));
  const auto& request = page->entry.request;
  mstch::map model = EntryView(context, page->entry);
  if (form) {
    const auto fields = form->Model(context,
                                    {"answered_on", "section_other", "note", "other_field",
                                     "old_value", "new_value", "reason", "told_on"},
                                    error);
    model.insert(fields.begin(), fields.end());
  } else if (error) {
    AddErrors(context, *error, model);
  }
  AddAnswer(context, request, form, model);
  AddCorrections(context, *page, form, model);
  AddExports(context, *page, model);
  model["self"] = RequestHref(request.id);
  const std::string done = QueryValue(context, "done");
  if (done == "saved") model["notice"] = context.Translate(N_("The change is saved."));
  if (done == "mailed") {
    model["notice"] = context.Translate(
        N_("The correction is recorded, and a mail tells the person at the file's address."));
  }
  if (done == "tell") {
    model["notice"] = context.Translate(
        N_("The correction is recorded. The file has no e-mail address: tell the person another "
           "way, then record the day you told them."));
  }
  const std::string title =
      context.Format({N_("Request no. {number}"), {{"number", std::to_string(request.id)}}});
  return RenderPage(context, "privacy_request", title, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// What an export withheld, one line each: the table, the row ("every row" for a secret), the
// column and the reason.
mstch::array WithheldView(Context& context, const std::vector<app::privacy::WithheldItem>& items) {
  mstch::array withheld;
  for (const auto& item : items) {
    withheld.push_back(mstch::map{
        {"table", item.table},
        {"row", item.row_key.empty() ? context.Translate(N_("every row")) : item.row_key},
        {"column", item.column},
        {"reason", context.Translate(domain::LabelOf(item.reason))}});
  }
  return withheld;
}

// The {id} path parameter, or none.
std::optional<std::int64_t> PathId(const Context& context) {
  return ParseId(context.Parameter("id"));
}

// The answer to a form posted on request `id`: the page again with the error, or the audited 404.
Response RefusedOnRequest(Context& context, std::int64_t id, const Form& form, const Error& error) {
  return Refusal(context, error, kObjectType, std::to_string(id), [&](const Error& shown) {
    return RenderRequest(context, id, app::privacy::Viewing::kNotRecorded, &form, &shown);
  });
}

}  // namespace

Response ListRequests(Context& context) {
  Pagination pages;
  const auto loaded = app::privacy::LoadRequestRegister(context.services.app, context.signed_in(),
                                                        [&](std::int64_t total) {
                                                          pages = Paginate(context.request, total);
                                                          return pages.Slice();
                                                        });
  if (!loaded) return Deny(context, kObjectType, "");
  mstch::array entries;
  for (const auto& entry : loaded->entries) entries.push_back(EntryView(context, entry));
  mstch::map model{
      {"entries", entries},
      {"empty", entries.empty()},
      {"flagged", loaded->flagged > 0},
      {"flagged_text", context.Format({N_("Requests whose answer is due within 7 days or late: "
                                          "{count}"),
                                       {{"count", std::to_string(loaded->flagged)}}})}};
  AddPagination(context, pages, model, "pages", N_("Pages of the register"));
  if (QueryValue(context, "done") == "saved") {
    model["notice"] = context.Translate(N_("The request is recorded."));
  }
  return RenderPage(context, "privacy_requests",
                    context.Translate(N_("Requests about personal information")), std::move(model));
}

Response ShowNewRequest(Context& context) { return RenderNewRequest(context, nullptr, nullptr); }

Response CreateRequest(Context& context) {
  const Form form(context.request);
  app::privacy::RequestForm command;
  const auto kind = domain::ParseEnum<domain::PrivacyRequestKind>(form.Get("kind"));
  if (!kind) command.unreadable.push_back({"kind", {N_("Choose one of the options."), {}}});
  command.kind = kind.value_or(domain::PrivacyRequestKind::kAccess);
  const std::string subject = form.Get("subject");
  if (subject == "other") {
    command.subject_kind = PrivacySubjectKind::kOther;
  } else if (const auto colon = subject.find(':'); colon != std::string::npos) {
    const auto subject_kind = domain::ParseEnum<PrivacySubjectKind>(subject.substr(0, colon));
    command.subject_kind = subject_kind.value_or(PrivacySubjectKind::kCoreMember);
    command.subject_id = ParseId(subject.substr(colon + 1));
  }
  command.person_name = form.Get("person_name");
  command.details = form.Get("details");
  const auto received = DateField(form, "received_on");
  if (!received) {
    command.unreadable.push_back({"received_on", {N_("Enter a date such as 2026-03-31."), {}}});
  }
  command.received_on = received.value_or(context.services.app.Today());
  const auto created =
      app::privacy::CreateRequest(context.services.app, context.signed_in(), command);
  if (created) return Response::Redirect(RequestHref(*created) + "?done=saved");
  return Refusal(context, created.error(), kObjectType, "",
                 [&](const Error& error) { return RenderNewRequest(context, &form, &error); });
}

Response ShowRequest(Context& context) {
  const auto id = PathId(context);
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  return RenderRequest(context, *id, app::privacy::Viewing::kRecorded, nullptr, nullptr);
}

Response AnswerRequest(Context& context) {
  const auto id = PathId(context);
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  const Form form(context.request);
  app::privacy::AnswerForm answer;
  answer.answer = domain::ParseEnum<domain::PrivacyAnswer>(form.Get("answer"));
  answer.answered_on = DateField(form, "answered_on");
  answer.section = form.Get("section");
  answer.section_other = form.Get("section_other");
  answer.note = form.Get("note");
  const auto saved =
      app::privacy::AnswerRequest(context.services.app, context.signed_in(), *id, answer);
  if (saved) return Response::Redirect(RequestHref(*id) + "?done=saved");
  return RefusedOnRequest(context, *id, form, saved.error());
}

Response RecordCorrection(Context& context) {
  const auto id = PathId(context);
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  const Form form(context.request);
  const app::privacy::CorrectionForm correction{form.Get("field"), form.Get("other_field"),
                                                form.Get("old_value"), form.Get("new_value"),
                                                form.Get("reason")};
  const auto made =
      app::privacy::RecordCorrection(context.services.app, context.signed_in(), *id, correction);
  if (made) {
    return Response::Redirect(RequestHref(*id) + (made->mailed ? "?done=mailed" : "?done=tell"));
  }
  return RefusedOnRequest(context, *id, form, made.error());
}

Response RecordTold(Context& context) {
  const auto id = PathId(context);
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  const Form form(context.request);
  const auto request = app::privacy::RecordTold(context.services.app, context.signed_in(), *id,
                                                DateField(form, "told_on"));
  if (request) return Response::Redirect(RequestHref(*request) + "?done=saved");
  if (request.error().kind == ErrorKind::kNotFound)
    return Deny(context, "privacy_correction", context.Parameter("id"));
  return RenderError(context, request.error());
}

Response PrepareExport(Context& context) {
  const auto id = PathId(context);
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  const auto made = app::privacy::PrepareExport(context.services.app, context.signed_in(), *id);
  if (made) return Response::Redirect(ExportHref(*made));
  if (made.error().kind == ErrorKind::kUnauthenticated) return auth::StepUp(RequestHref(*id));
  const Form form(context.request);
  return RefusedOnRequest(context, *id, form, made.error());
}

Response ShowExport(Context& context) {
  const auto id = PathId(context);
  if (!id) return Deny(context, "privacy_export", context.Parameter("id"));
  const auto review =
      app::privacy::LoadExportReview(context.services.app, context.signed_in(), *id);
  if (!review) {
    return Refusal(context, review.error(), "privacy_export", context.Parameter("id"),
                   [&](const Error& error) { return RenderError(context, error); });
  }
  mstch::array counts, withheld;
  for (const auto& [label, rows] : review->counts) {
    counts.push_back(
        mstch::map{{"label", context.Translate(label)}, {"rows", std::to_string(rows)}});
  }
  withheld = WithheldView(context, review->withheld);
  mstch::map model{{"person", review->person_name},
                   {"request_href", RequestHref(review->request.id)},
                   {"request_number", std::to_string(review->request.id)},
                   {"made_at", core_members::ShowTime(context, review->made.made_at)},
                   {"counts", counts},
                   {"documents", std::to_string(review->documents)},
                   {"withheld", withheld},
                   {"nothing_withheld", withheld.empty()},
                   {"changed", review->changed},
                   {"released", review->made.released()},
                   {"self", ExportHref(review->made.id)}};
  if (review->made.released_at) {
    model["released_at"] = core_members::ShowTime(context, *review->made.released_at);
  }
  const std::string title = context.Translate(N_("Export of a person's file"));
  return RenderPage(context, "privacy_export", title, std::move(model));
}

Response ReleaseExport(Context& context) {
  const auto id = PathId(context);
  if (!id) return Deny(context, "privacy_export", context.Parameter("id"));
  const auto released = app::privacy::ReleaseExport(context.services.app, context.signed_in(), *id);
  if (!released) return Deny(context, "privacy_export", context.Parameter("id"));
  return Response::Redirect(ExportHref(*id));
}

namespace {

// The released export `id` made again for download, or the answer that refuses it.
Result<app::privacy::PersonExport> Downloaded(Context& context, std::optional<std::int64_t> id) {
  if (!id) return Error::NotFound();
  return app::privacy::DownloadExport(context.services.app, context.signed_in(), *id);
}

Response RefusedDownload(Context& context, const Error& error) {
  if (error.kind == ErrorKind::kUnauthenticated) {
    return Response::Redirect("/reauth?next=" + PercentEncode(context.request.target));
  }
  return Refusal(context, error, "privacy_export", context.Parameter("id"),
                 [&](const Error& shown) { return RenderError(context, shown); });
}

std::string CellText(const app::privacy::CellValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&value)) return std::to_string(*real);
  return "—";
}

}  // namespace

Response DownloadExportJson(Context& context) {
  const auto made = Downloaded(context, PathId(context));
  if (!made) return RefusedDownload(context, made.error());
  Response response =
      Response::Document(200, app::privacy::ExportJson(*made), "application/json; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"export-" +
                                                std::to_string(made->export_id) + ".json\"");
  response.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Response PrintExport(Context& context) {
  const auto language = reports::RequestedLanguage(context);
  const auto made = Downloaded(context, PathId(context));
  if (!made) return RefusedDownload(context, made.error());
  context.language = language;
  mstch::array tables;
  for (const auto& table : made->tables) {
    mstch::array rows;
    for (const auto& row : table.rows) {
      mstch::array cells;
      for (const auto& [column, value] : row) {
        cells.push_back(mstch::map{{"column", column}, {"value", CellText(value)}});
      }
      rows.push_back(mstch::map{{"cells", cells}});
    }
    tables.push_back(mstch::map{{"label", context.Translate(table.label)},
                                {"table", table.table},
                                {"rows", rows},
                                {"empty", rows.empty()}});
  }
  mstch::array documents, withheld;
  for (const auto& document : made->documents) {
    documents.push_back(mstch::map{{"title", document.title},
                                   {"filename", document.filename},
                                   {"included", document.bytes.has_value()}});
  }
  withheld = WithheldView(context, made->withheld);
  mstch::map model{{"lang", std::string(i18n::Code(language))},
                   {"css", context.services.static_files.Url("css/privacy-export-print.css")},
                   {"icon", context.services.static_files.Url("img/cercle.svg")},
                   {"back", ExportHref(made->export_id)},
                   {"organisation", made->organisation_name},
                   {"person", made->person_name},
                   {"kind", context.Translate(domain::LabelOf(made->request.kind))},
                   {"received_on", ShowDate(context, made->request.received_on)},
                   {"prepared_at", core_members::ShowTime(context, made->prepared_at)},
                   {"tables", tables},
                   {"documents", documents},
                   {"has_documents", !documents.empty()},
                   {"withheld", withheld},
                   {"has_withheld", !withheld.empty()}};
  Response response = Response::Html(
      200, context.services.views.Render("privacy_export_print", model, context.language));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Response ExportSchema(Context&) {
  return Response::Document(200, app::privacy::ExportSchema(), "application/schema+json");
}

std::string RequestHref(std::int64_t id) {
  return std::string(kRegister) + "/" + std::to_string(id);
}

}  // namespace cercle::web::pages::privacy
