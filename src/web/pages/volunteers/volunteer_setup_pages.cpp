// The organisation's screening item types and training modules, which its administrators adjust. A
// type or module is retired rather than deleted, so that what was recorded under it keeps its
// meaning.
#include <algorithm>

#include "app/volunteers/program_setup.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::volunteers {
namespace {

// Which row of the page a failed post re-shows.
enum class SetupRow { kNone, kType, kModule };

struct SetupState {
  SetupRow row = SetupRow::kNone;
  std::int64_t id = 0;  // 0: the form that adds one
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string notice;
};

// A whole number of at most four digits.
std::optional<int> SmallNumber(const std::string& text) {
  const std::string trimmed = Trimmed(text);
  if (trimmed.empty() || trimmed.size() > 4 ||
      trimmed.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(trimmed);
}

// The form of one row of the page, item `id` of `row` (0: the form that adds one) posted to `path`
// (followed by its id): as typed when it is the row that failed, else its stored `text` fields
// and checkbox `flags`. A stored item that is not `active` is retired.
mstch::map RowModel(Context& context, const SetupState& state, SetupRow row, std::int64_t id,
                    bool active, const std::string& path,
                    std::initializer_list<std::pair<std::string, std::string>> text,
                    std::initializer_list<std::pair<std::string, bool>> flags) {
  const bool typed = state.row == row && state.id == id && state.form;
  mstch::map model;
  for (const auto& [name, value] : text) {
    model[name] = mstch::map{{"value", typed ? state.form->Get(name) : value}};
  }
  for (const auto& [name, on] : flags) model[name] = typed ? state.form->Get(name) == "1" : on;
  if (typed && state.error) AddErrors(context, *state.error, model);
  model["id"] = std::to_string(id);
  model["action"] = id ? path + "/" + std::to_string(id) : path;
  model["is_new"] = id == 0;
  model["retired"] = id != 0 && !active;
  return model;
}

mstch::map TypeModel(Context& context, const domain::ScreeningItemType& type,
                     const SetupState& state) {
  return RowModel(context, state, SetupRow::kType, type.id, type.active,
                  "/volunteers/setup/screening",
                  {{"name", type.id ? DataName(context, type.name) : ""},
                   {"required_count", std::to_string(type.required_count)},
                   {"validity_months", std::to_string(type.validity_months)}},
                  {{"required", type.required}, {"active", type.active}});
}

mstch::map ModuleModel(Context& context, const domain::TrainingModule& module,
                       const SetupState& state) {
  return RowModel(
      context, state, SetupRow::kModule, module.id, module.active, "/volunteers/setup/training",
      {{"name", module.id ? DataName(context, module.name) : ""},
       {"required_hours", DurationText(module.required_minutes)}},
      {{"required_for_circles", module.required_for_circles}, {"active", module.active}});
}

Response RenderSetup(Context& context, const SetupState& state) {
  const auto setup = app::volunteers::LoadSetupPage(context.services.app, context.signed_in());
  if (!setup) return Deny(context, "volunteer_setup", "", 403);
  mstch::array types;
  for (const auto& type : setup->screening_types) types.push_back(TypeModel(context, type, state));
  domain::ScreeningItemType new_type;
  new_type.validity_months = 0;
  mstch::array modules;
  for (const auto& module : setup->training_modules)
    modules.push_back(ModuleModel(context, module, state));
  domain::TrainingModule new_module;
  mstch::map model{{"types", types},
                   {"new_type", TypeModel(context, new_type, state)},
                   {"modules", modules},
                   {"new_module", ModuleModel(context, new_module, state)}};
  if (!state.notice.empty()) model["notice"] = state.notice;
  if (state.error) model["form_error"] = context.Format(state.error->message);
  return RenderPage(context, "volunteer_setup", context.Translate(N_("Screening and training")),
                    std::move(model), state.error ? StatusFor(state.error->kind) : 200);
}

// The type form as a command for type `id` (0: a new one); unreadable numbers are -1, which the
// rules refuse.
app::volunteers::ScreeningTypeCommand ParseType(const Form& form, std::int64_t id) {
  return {.id = id,
          .name = form.Get("name"),
          .required = form.Get("required") == "1",
          .required_count = SmallNumber(form.Get("required_count")).value_or(-1),
          .validity_months = SmallNumber(form.Get("validity_months")).value_or(-1),
          .active = id == 0 || form.Get("active") == "1"};
}

// The module form as a command for module `id` (0: a new one).
app::volunteers::TrainingModuleCommand ParseModule(const Form& form, std::int64_t id) {
  const std::string hours = Trimmed(form.Get("required_hours"));
  const auto minutes = hours.empty() ? std::optional<int>(0) : domain::ParseDuration(hours);
  return {.id = id,
          .name = form.Get("name"),
          .required_minutes = minutes.value_or(-1),
          .required_for_circles = form.Get("required_for_circles") == "1",
          .active = id == 0 || form.Get("active") == "1"};
}

// Saves a post of the set-up page with `save`: a new type or module (`existing` is ""), or the one
// in the path, denied as `existing`. Back to the page, or the page again with the error.
template <class Command>
Response SaveRow(Context& context, SetupRow row, std::string_view existing,
                 Command (*parse)(const Form&, std::int64_t),
                 Result<std::int64_t> (*save)(const app::Services&, const auth::Actor&,
                                              const Command&)) {
  std::int64_t id = 0;
  if (!existing.empty()) {
    const auto parsed = ParseId(context.Parameter("id"));
    if (!parsed) return Deny(context, existing, context.Parameter("id"));
    id = *parsed;
  }
  const Form form(context.request);
  const auto saved = save(context.services.app, context.signed_in(), parse(form, id));
  if (saved) return Response::Redirect("/volunteers/setup?saved=1");
  return Refusal(context, saved.error(), existing.empty() ? "volunteer_setup" : existing,
                 context.Parameter("id"), [&](const Error& error) {
                   return RenderSetup(context, {row, id, &form, &error, ""});
                 });
}

}  // namespace

Response ShowSetup(Context& context) {
  SetupState state;
  if (context.request.query == "saved=1")
    state.notice = context.Translate(N_("The change is saved."));
  return RenderSetup(context, state);
}

Response AddScreeningType(Context& context) {
  return SaveRow(context, SetupRow::kType, "", ParseType, app::volunteers::AddScreeningType);
}

Response UpdateScreeningType(Context& context) {
  return SaveRow(context, SetupRow::kType, "screening_type", ParseType,
                 app::volunteers::UpdateScreeningType);
}

Response AddTrainingModule(Context& context) {
  return SaveRow(context, SetupRow::kModule, "", ParseModule, app::volunteers::AddTrainingModule);
}

Response UpdateTrainingModule(Context& context) {
  return SaveRow(context, SetupRow::kModule, "training_module", ParseModule,
                 app::volunteers::UpdateTrainingModule);
}

}  // namespace cercle::web::pages::volunteers
