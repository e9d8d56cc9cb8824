#include "web/pages/volunteers/volunteer_pages.hpp"

#include <algorithm>

#include "app/volunteers/volunteer_file.hpp"
#include "app/volunteers/volunteer_pages.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "web/form_fields.hpp"
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

// ---- The details form ----

// The details form but the availability grid: the form as typed (app::volunteers::VolunteerDetails)
// or a stored file.
template <class Volunteer>
const std::vector<FormField<Volunteer>>& DetailFields() {
  constexpr FieldOptions kIdentity{.private_input = true, .group = "identity_fields"};
  constexpr FieldOptions kPerson{.private_input = true, .group = "person_fields"};
  static const std::vector<FormField<Volunteer>> fields = {
      Text("first_name", N_("First name"), &Volunteer::first_name,
           {.required = true, .private_input = true, .group = "identity_fields"}),
      Text("last_name", N_("Last name"), &Volunteer::last_name,
           {.required = true, .private_input = true, .group = "identity_fields"}),
      Text("email", N_("E-mail address"), &Volunteer::email,
           {.kind = FieldKind::kEmail, .private_input = true, .group = "identity_fields"}),
      Text("phone", N_("Phone"), &Volunteer::phone,
           {.kind = FieldKind::kPhone, .private_input = true, .group = "identity_fields"}),
      Text("region", N_("Region"), &Volunteer::region, kIdentity),
      Text("languages", N_("Languages"), &Volunteer::languages, kIdentity),
      Text("availability_notes", N_("Notes on availability"), &Volunteer::availability_notes,
           {.private_input = true, .group = "availability_fields"}),
      Date("date_of_birth", N_("Date of birth"), &Volunteer::date_of_birth, "",
           {.hint = N_("Needed before approval: the program has a minimum age."),
            .group = "person_fields"}),
      Text("occupation", N_("Occupation"), &Volunteer::occupation, kPerson),
      EnumChoice<domain::HeardAbout>("heard_about", N_("How they heard of the program"),
                                     &Volunteer::heard_about, N_("Choose one of the answers."),
                                     {.blank = "—", .group = "person_fields"}),
      Text("gender", N_("Gender (optional, as the person describes it)"), &Volunteer::gender,
           kPerson),
      IdChoice("user_id", N_("Cercle account"), &Volunteer::user_id,
               N_("Choose an account of a volunteer that no other file uses."),
               {.hint = N_("Linked to a volunteer's account, the file opens their portal: their "
                           "profile, training, hours and screening status, never the notes."),
                .blank = N_("No account"),
                .group = "person_fields"}),
      Text("notes", N_("Notes (coordinators only)"), &Volunteer::notes,
           {.kind = FieldKind::kTextArea, .group = "notes_fields"}),
  };
  return fields;
}

// The availability ticked in the grid of `form`.
domain::Availability AvailabilityOf(const Form& form) {
  std::string slots;
  for (const auto& slot : form.All("availability")) slots += slot + ",";
  return domain::Availability::Parse(slots);
}

// The details typed in `form`; field errors for a source or an account not among the choices.
Result<app::volunteers::VolunteerDetails> ReadDetails(const Form& form) {
  app::volunteers::VolunteerDetails details;
  auto errors = ReadFields(DetailFields<app::volunteers::VolunteerDetails>(), form, details);
  details.availability = AvailabilityOf(form);
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

// Renders the details form of file `volunteer_id` (none: a new file): as `form` holds it, refused
// with `error`, or as stored.
Response RenderDetailsForm(Context& context, std::optional<std::int64_t> volunteer_id,
                           const Form* form, const Error* error) {
  const auto page =
      app::volunteers::LoadDetailsForm(context.services.app, context.signed_in(), volunteer_id,
                                       form ? RecordView::kNo : RecordView::kYes);
  if (!page) {
    return Refusal(context, page.error(), "volunteer", context.Parameter("id"),
                   [&](const Error& refused) { return RenderError(context, refused); });
  }
  const auto& volunteer = page->volunteer;
  ChoiceLists lists;
  for (const auto& account : page->accounts) {
    lists["user_id"].push_back(
        {std::to_string(account.id), account.display_name + " (" + account.email + ")"});
  }
  mstch::map model;
  AddFields(context, DetailFields<domain::Volunteer>(),
            {.form = form, .error = error, .record = volunteer ? &*volunteer : nullptr}, model,
            lists);
  mstch::array periods;
  for (int period = 0; period < domain::Availability::kPeriods; ++period) {
    periods.push_back(context.Translate(domain::LabelOf(static_cast<domain::DayPeriod>(period))));
  }
  model["periods"] = periods;
  model["days"] = AvailabilityDays(context, form        ? AvailabilityOf(*form)
                                            : volunteer ? volunteer->availability
                                                        : domain::Availability());
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
  auto details = ReadDetails(form);
  const auto created = details ? app::volunteers::CreateVolunteer(context.services.app,
                                                                  context.signed_in(), *details)
                               : Result<std::int64_t>(details.error());
  if (!created) {
    return Refusal(context, created.error(), "volunteer", "", [&](const Error& error) {
      return RenderDetailsForm(context, std::nullopt, &form, &error);
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
  if (query == "screened=1") state.notice = context.Translate(N_("The screening items are saved."));
  return ShowFile(context, *id, state, RecordView::kYes);
}

Response ShowEdit(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "volunteer", context.Parameter("id"));
  return RenderDetailsForm(context, *id, nullptr, nullptr);
}

Response Update(Context& context) {
  const auto parse = [](const Form& form,
                        std::int64_t id) -> Result<app::volunteers::UpdateVolunteerCommand> {
    return app::volunteers::UpdateVolunteerCommand{.volunteer_id = id,
                                                   .details = TRY(ReadDetails(form))};
  };
  return SaveToFile(context, "?saved=1", parse, app::volunteers::UpdateVolunteer,
                    [&](std::int64_t id, const Form& form, const Error& error) {
                      return RenderDetailsForm(context, id, &form, &error);
                    });
}

}  // namespace cercle::web::pages::volunteers
