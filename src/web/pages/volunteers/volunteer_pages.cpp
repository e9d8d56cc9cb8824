#include "web/pages/volunteers/volunteer_pages.hpp"

#include <algorithm>

#include "app/volunteers/volunteer_file.hpp"
#include "app/volunteers/volunteer_pages.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_file_view.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using app::volunteers::RecordView;
using auth::policies::VolunteerPolicy;

// The text fields of the details form.
const std::initializer_list<std::string> kDetailFields = {
    "first_name",         "last_name",     "email",      "phone",  "region", "languages",
    "availability_notes", "date_of_birth", "occupation", "gender", "notes"};

// ---- The details form ----

// The details as a form shows them: typed text, the availability grid, the source and the account.
struct DetailsInput {
  std::map<std::string, std::string> text;
  domain::Availability availability;
  std::string heard_about;
  std::string user_id;
};

DetailsInput InputFrom(const domain::Volunteer& volunteer) {
  DetailsInput input;
  input.text = {
      {"first_name", volunteer.first_name},
      {"last_name", volunteer.last_name},
      {"email", volunteer.email},
      {"phone", volunteer.phone},
      {"region", volunteer.region},
      {"languages", volunteer.languages},
      {"availability_notes", volunteer.availability_notes},
      {"date_of_birth", volunteer.date_of_birth ? FormatIsoDate(*volunteer.date_of_birth) : ""},
      {"occupation", volunteer.occupation},
      {"gender", volunteer.gender},
      {"notes", volunteer.notes}};
  input.availability = volunteer.availability;
  input.heard_about =
      volunteer.heard_about ? std::string(domain::NameOf(*volunteer.heard_about)) : "";
  input.user_id = volunteer.user_id ? std::to_string(*volunteer.user_id) : "";
  return input;
}

DetailsInput EmptyInput() {
  DetailsInput input;
  for (const auto& name : kDetailFields) input.text[name] = "";
  return input;
}

DetailsInput InputFrom(const Form& form) {
  DetailsInput input;
  for (const auto& name : kDetailFields) input.text[name] = form.Get(name);
  std::string slots;
  for (const auto& slot : form.All("availability")) slots += slot + ",";
  input.availability = domain::Availability::Parse(slots);
  input.heard_about = form.Get("heard_about");
  input.user_id = form.Get("user_id");
  return input;
}

// The typed details of `input`; field errors for a source or an account not among the choices.
Result<app::volunteers::VolunteerDetails> ParseDetails(const DetailsInput& input) {
  const auto text = [&](const char* name) { return input.text.at(name); };
  app::volunteers::VolunteerDetails details{.first_name = text("first_name"),
                                            .last_name = text("last_name"),
                                            .email = text("email"),
                                            .phone = text("phone"),
                                            .region = text("region"),
                                            .languages = text("languages"),
                                            .availability = input.availability,
                                            .availability_notes = text("availability_notes"),
                                            .date_of_birth = text("date_of_birth"),
                                            .occupation = text("occupation"),
                                            .gender = text("gender"),
                                            .notes = text("notes")};
  std::vector<FieldError> errors;
  if (!input.heard_about.empty()) {
    details.heard_about = domain::ParseEnum<domain::HeardAbout>(input.heard_about);
    if (!details.heard_about)
      errors.push_back({"heard_about", {N_("Choose one of the answers."), {}}});
  }
  if (!input.user_id.empty()) {
    details.user_id = ParseId(input.user_id);
    if (!details.user_id) {
      errors.push_back(
          {"user_id", {N_("Choose an account of a volunteer that no other file uses."), {}}});
    }
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return details;
}

mstch::array AvailabilityDays(const Context& context, const domain::Availability& availability) {
  mstch::array days;
  for (int day = 0; day < domain::Availability::kDays; ++day) {
    const std::string day_label = context.Translate(domain::WeekdayLabel(day));
    mstch::array slots;
    for (int period = 0; period < domain::Availability::kPeriods; ++period) {
      const auto value = static_cast<domain::DayPeriod>(period);
      slots.push_back(
          mstch::map{{"code", domain::Availability::SlotCode(day, value)},
                     {"label", day_label + " — " + context.Translate(domain::LabelOf(value))},
                     {"checked", availability.Has(day, value)}});
    }
    days.push_back(mstch::map{{"label", day_label}, {"slots", slots}});
  }
  return days;
}

mstch::map DetailsModel(Context& context, const DetailsInput& input,
                        const std::vector<app::volunteers::LinkableAccount>& accounts,
                        const Error* error) {
  mstch::map model;
  for (const auto& [name, value] : input.text) model[name] = mstch::map{{"value", value}};
  mstch::array periods;
  for (int period = 0; period < domain::Availability::kPeriods; ++period) {
    periods.push_back(context.Translate(domain::LabelOf(static_cast<domain::DayPeriod>(period))));
  }
  model["periods"] = periods;
  model["days"] = AvailabilityDays(context, input.availability);
  mstch::array sources;
  for (const auto source : domain::HeardAboutSources()) {
    const std::string name(domain::NameOf(source));
    sources.push_back(mstch::map{{"value", name},
                                 {"label", context.Translate(domain::LabelOf(source))},
                                 {"selected", name == input.heard_about}});
  }
  model["sources"] = sources;
  mstch::array choices;
  for (const auto& account : accounts) {
    const std::string id = std::to_string(account.id);
    choices.push_back(mstch::map{{"value", id},
                                 {"label", account.display_name + " (" + account.email + ")"},
                                 {"selected", id == input.user_id}});
  }
  model["accounts"] = choices;
  model["heard_about"] = mstch::map{{"value", input.heard_about}};
  model["user_id"] = mstch::map{{"value", input.user_id}};
  if (error) AddErrors(context, *error, model);
  return model;
}

// Renders the details form of file `volunteer_id` (none: a new file) with `input`, and `error`
// when a post was refused.
Response RenderDetailsForm(Context& context, std::optional<std::int64_t> volunteer_id,
                           const DetailsInput* input, const Error* error) {
  const auto form =
      app::volunteers::LoadDetailsForm(context.services.app, context.signed_in(), volunteer_id,
                                       input ? RecordView::kNo : RecordView::kYes);
  if (!form) {
    return Refusal(context, form.error(), "volunteer", context.Parameter("id"),
                   [&](const Error& refused) { return RenderError(context, refused); });
  }
  const auto& volunteer = form->volunteer;
  const DetailsInput shown = input ? *input : volunteer ? InputFrom(*volunteer) : EmptyInput();
  mstch::map model = DetailsModel(context, shown, form->accounts, error);
  const std::string title =
      volunteer ? volunteer->FullName() : context.Translate(N_("New volunteer"));
  model["heading"] = title;
  model["action"] = volunteer ? FileUrl(volunteer->id, "/edit") : std::string("/volunteers");
  model["cancel"] = volunteer ? FileUrl(volunteer->id) : std::string("/volunteers");
  return RenderPage(context, "volunteer_form", title, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// ---- The list ----

// The list's rows, each with whether the volunteer may join a circle and is on hold.
mstch::array VolunteerRows(const Context& context, const app::volunteers::VolunteerListPage& page) {
  mstch::array rows;
  for (const auto& row : page.rows) {
    const auto& volunteer = row.volunteer;
    rows.push_back(mstch::map{{"id", std::to_string(volunteer.id)},
                              {"name", volunteer.last_name + ", " + volunteer.first_name},
                              {"stage", context.Translate(domain::LabelOf(volunteer.stage))},
                              {"stage_badge", StageBadge(volunteer.stage)},
                              {"region", volunteer.region},
                              {"ready", row.ready},
                              {"on_hold", row.on_hold}});
  }
  return rows;
}

// The stage filters with their counts; `open_files` receives the files not in a closed stage.
mstch::array StageFilters(const Context& context,
                          const std::map<domain::VolunteerStage, int>& counts,
                          std::optional<domain::VolunteerStage> chosen, int& open_files) {
  mstch::array stages;
  for (const auto stage : domain::VolunteerStages()) {
    const auto found = counts.find(stage);
    const int count = found == counts.end() ? 0 : found->second;
    if (!domain::IsClosedStage(stage)) open_files += count;
    const std::string name(domain::NameOf(stage));
    stages.push_back(mstch::map{{"value", name},
                                {"label", context.Translate(domain::LabelOf(stage))},
                                {"count", std::to_string(count)},
                                {"selected", chosen == stage},
                                {"href", "/volunteers?stage=" + name}});
  }
  return stages;
}

app::volunteers::VolunteerListQuery ParseListQuery(const Context& context) {
  const auto query = context.request.QueryParameters();
  const auto value = [&](const std::string& name) {
    const auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
  };
  return {.stage = domain::ParseEnum<domain::VolunteerStage>(value("stage")),
          .search = value("q"),
          .include_closed = value("closed") == "1",
          .page = RequestedPage(context)};
}

}  // namespace

// ---- Handlers ----

Response List(Context& context) {
  const auto& actor = context.signed_in();
  const auto query = ParseListQuery(context);
  const auto page = app::volunteers::LoadVolunteerList(context.services.app, actor, query);
  if (!page) return Deny(context, "volunteer", "", 403);
  const mstch::array rows = VolunteerRows(context, *page);
  int open_files = 0;
  mstch::array stages = StageFilters(context, page->counts, query.stage, open_files);
  const auto pagination = Paginate(context.request, page->total);
  mstch::map model{{"volunteers", rows},
                   {"empty", rows.empty()},
                   {"no_files_at_all", page->counts.empty()},
                   {"stages", stages},
                   {"open_files", std::to_string(open_files)},
                   {"q", query.search},
                   {"closed", query.include_closed},
                   {"found", std::to_string(pagination.total)},
                   {"can_configure", VolunteerPolicy::CanConfigure(actor)}};
  AddPagination(context, pagination, model);
  return RenderPage(context, "volunteer_list", context.Translate(N_("Volunteers")),
                    std::move(model));
}

Response ShowNew(Context& context) {
  return RenderDetailsForm(context, std::nullopt, nullptr, nullptr);
}

Response Create(Context& context) {
  const Form form(context.request);
  const auto input = InputFrom(form);
  auto details = ParseDetails(input);
  const auto created = details ? app::volunteers::CreateVolunteer(context.services.app,
                                                                  context.signed_in(), *details)
                               : Result<std::int64_t>(details.error());
  if (!created) {
    return Refusal(context, created.error(), "volunteer", "", [&](const Error& error) {
      return RenderDetailsForm(context, std::nullopt, &input, &error);
    });
  }
  return Response::Redirect(FileUrl(*created, "?created=1"));
}

Response Show(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "volunteer", context.Parameter("id"));
  FileState state;
  const std::string& query = context.request.query;
  if (query == "created=1") state.notice = context.Translate(N_("The file is created."));
  if (query == "saved=1") state.notice = context.Translate(N_("The change is saved."));
  if (query == "moved=1") state.notice = context.Translate(N_("The move is recorded."));
  if (query == "recorded=1")
    state.notice = context.Translate(N_("The screening item is recorded."));
  return ShowFile(context, *id, state, RecordView::kYes);
}

Response ShowEdit(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "volunteer", context.Parameter("id"));
  return RenderDetailsForm(context, *id, nullptr, nullptr);
}

Response Update(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "volunteer", context.Parameter("id"));
  const Form form(context.request);
  const auto input = InputFrom(form);
  auto details = ParseDetails(input);
  const auto updated =
      details ? app::volunteers::UpdateVolunteer(context.services.app, context.signed_in(),
                                                 {.volunteer_id = *id, .details = *details})
              : Result<std::int64_t>(details.error());
  if (!updated) {
    return Refusal(
        context, updated.error(), "volunteer", context.Parameter("id"),
        [&](const Error& error) { return RenderDetailsForm(context, *id, &input, &error); });
  }
  return Response::Redirect(FileUrl(*id, "?saved=1"));
}

}  // namespace cercle::web::pages::volunteers
