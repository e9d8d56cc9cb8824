// The organisation's screening item types and training modules, which its administrators adjust. A
// type or module is retired rather than deleted, so that what was recorded under it keeps its
// meaning.
#include <algorithm>

#include "auth/policies/volunteer_policy.hpp"
#include "store/screening_store.hpp"
#include "store/training_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

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
  const std::string trimmed = domain::volunteer_text::Trimmed(text);
  if (trimmed.empty() || trimmed.size() > 4 ||
      trimmed.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(trimmed);
}

mstch::map TypeModel(Context& context, const domain::ScreeningItemType& type,
                     const SetupState& state) {
  const bool typed = state.row == SetupRow::kType && state.id == type.id && state.form;
  mstch::map model;
  if (typed) {
    model = state.form->Model(context, {"name", "required_count", "validity_months"}, state.error);
    model["required"] = state.form->Get("required") == "1";
    model["active"] = state.form->Get("active") == "1";
  } else {
    model =
        mstch::map{{"name", mstch::map{{"value", type.id ? DataName(context, type.name) : ""}}},
                   {"required_count", mstch::map{{"value", std::to_string(type.required_count)}}},
                   {"validity_months", mstch::map{{"value", std::to_string(type.validity_months)}}},
                   {"required", type.required},
                   {"active", type.active}};
  }
  model["id"] = std::to_string(type.id);
  model["action"] = type.id ? "/volunteers/setup/screening/" + std::to_string(type.id)
                            : std::string("/volunteers/setup/screening");
  model["is_new"] = type.id == 0;
  model["retired"] = type.id != 0 && !type.active;
  return model;
}

mstch::map ModuleModel(Context& context, const domain::TrainingModule& module,
                       const SetupState& state) {
  const bool typed = state.row == SetupRow::kModule && state.id == module.id && state.form;
  mstch::map model;
  if (typed) {
    model = state.form->Model(context, {"name", "required_hours"}, state.error);
    model["required_for_circles"] = state.form->Get("required_for_circles") == "1";
    model["active"] = state.form->Get("active") == "1";
  } else {
    model =
        mstch::map{{"name", mstch::map{{"value", module.id ? DataName(context, module.name) : ""}}},
                   {"required_hours", mstch::map{{"value", DurationText(module.required_minutes)}}},
                   {"required_for_circles", module.required_for_circles},
                   {"active", module.active}};
  }
  model["id"] = std::to_string(module.id);
  model["action"] = module.id ? "/volunteers/setup/training/" + std::to_string(module.id)
                              : std::string("/volunteers/setup/training");
  model["is_new"] = module.id == 0;
  model["retired"] = module.id != 0 && !module.active;
  return model;
}

Response RenderSetup(Context& context, const SetupState& state) {
  const auto setup = LoadProgramSetup(context);
  mstch::array types;
  for (const auto& type : setup.screening_types) types.push_back(TypeModel(context, type, state));
  domain::ScreeningItemType new_type;
  new_type.validity_months = 0;
  mstch::array modules;
  for (const auto& module : setup.training_modules)
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

// Reads the type form into `type`; field errors when it is wrong.
Status ReadType(const Form& form, domain::ScreeningItemType& type, bool with_active) {
  type.name = form.Get("name");
  type.required = form.Get("required") == "1";
  if (with_active) type.active = form.Get("active") == "1";
  const auto count = SmallNumber(form.Get("required_count"));
  const auto validity = SmallNumber(form.Get("validity_months"));
  type.required_count = count.value_or(-1);
  type.validity_months = validity.value_or(-1);
  return domain::CheckScreeningItemType(type);
}

Status ReadModule(const Form& form, domain::TrainingModule& module, bool with_active) {
  module.name = form.Get("name");
  module.required_for_circles = form.Get("required_for_circles") == "1";
  if (with_active) module.active = form.Get("active") == "1";
  const std::string hours = domain::volunteer_text::Trimmed(form.Get("required_hours"));
  const auto minutes = hours.empty() ? std::optional<int>(0) : domain::ParseDuration(hours);
  module.required_minutes = minutes.value_or(-1);
  return domain::CheckTrainingModule(module);
}

}  // namespace

Response ShowSetup(Context& context) {
  if (!VolunteerPolicy::CanConfigure(context.signed_in()))
    return Deny(context, "volunteer_setup", "", 403);
  SetupState state;
  if (context.request.query == "saved=1")
    state.notice = context.Translate(N_("The change is saved."));
  return RenderSetup(context, state);
}

Response AddScreeningType(Context& context) {
  const auto& actor = context.signed_in();
  if (!VolunteerPolicy::CanConfigure(actor)) return Deny(context, "volunteer_setup", "", 403);
  const Form form(context.request);
  const auto setup = LoadProgramSetup(context);
  domain::ScreeningItemType type;
  type.organisation_id = *actor.organisation_id;
  type.active = true;
  Status saved = ReadType(form, type, false);
  if (saved) {
    int position = 0;
    for (const auto& existing : setup.screening_types)
      position = std::max(position, existing.position);
    type.position = position + 1;
    saved = context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
      const auto id = store::ScreeningStore(session).InsertType(type, context.services.clock.Now());
      Audit(context, session, "volunteer_setup.screening_type", "screening_type", id);
      return {};
    });
  }
  if (!saved) return RenderSetup(context, {SetupRow::kType, 0, &form, &saved.error(), ""});
  return Response::Redirect("/volunteers/setup?saved=1");
}

Response UpdateScreeningType(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  std::optional<domain::ScreeningItemType> type;
  if (id && VolunteerPolicy::CanConfigure(actor)) {
    type = context.services.database.Read(actor.scope(), [&](soci::session& session) {
      return store::ScreeningStore(session).FindType(*id, *actor.organisation_id);
    });
  }
  if (!type) return Deny(context, "screening_type", context.Parameter("id"));
  const Form form(context.request);
  Status saved = ReadType(form, *type, true);
  if (saved) {
    saved = context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
      store::ScreeningStore(session).UpdateType(*type);
      Audit(context, session, "volunteer_setup.screening_type", "screening_type", type->id);
      return {};
    });
  }
  if (!saved) return RenderSetup(context, {SetupRow::kType, type->id, &form, &saved.error(), ""});
  return Response::Redirect("/volunteers/setup?saved=1");
}

Response AddTrainingModule(Context& context) {
  const auto& actor = context.signed_in();
  if (!VolunteerPolicy::CanConfigure(actor)) return Deny(context, "volunteer_setup", "", 403);
  const Form form(context.request);
  const auto setup = LoadProgramSetup(context);
  domain::TrainingModule module;
  module.organisation_id = *actor.organisation_id;
  module.active = true;
  Status saved = ReadModule(form, module, false);
  if (saved) {
    int position = 0;
    for (const auto& existing : setup.training_modules)
      position = std::max(position, existing.position);
    module.position = position + 1;
    saved = context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
      const auto id =
          store::TrainingStore(session).InsertModule(module, context.services.clock.Now());
      Audit(context, session, "volunteer_setup.training_module", "training_module", id);
      return {};
    });
  }
  if (!saved) return RenderSetup(context, {SetupRow::kModule, 0, &form, &saved.error(), ""});
  return Response::Redirect("/volunteers/setup?saved=1");
}

Response UpdateTrainingModule(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  std::optional<domain::TrainingModule> module;
  if (id && VolunteerPolicy::CanConfigure(actor)) {
    module = context.services.database.Read(actor.scope(), [&](soci::session& session) {
      return store::TrainingStore(session).FindModule(*id, *actor.organisation_id);
    });
  }
  if (!module) return Deny(context, "training_module", context.Parameter("id"));
  const Form form(context.request);
  Status saved = ReadModule(form, *module, true);
  if (saved) {
    saved = context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
      store::TrainingStore(session).UpdateModule(*module);
      Audit(context, session, "volunteer_setup.training_module", "training_module", module->id);
      return {};
    });
  }
  if (!saved)
    return RenderSetup(context, {SetupRow::kModule, module->id, &form, &saved.error(), ""});
  return Response::Redirect("/volunteers/setup?saved=1");
}

}  // namespace cercle::web::pages::volunteers
