// The administrator's page of the organisation's eligibility criteria (/admin/eligibility).
#include "app/intake/eligibility.hpp"
#include "domain/intake_fields.hpp"
#include "web/layout.hpp"
#include "web/pages/admin/admin_pages.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::admin {

using namespace core_members;
namespace {

constexpr const char* kSaved = "/admin/eligibility?saved=1";

// What the page shows besides the criteria: a failed form (of criterion `failed_id`, or of the new
// one when 0) kept as typed, or a notice.
struct CriteriaState {
  const Error* error = nullptr;
  const Form* form = nullptr;
  std::int64_t failed_id = 0;
  std::string notice;
};

mstch::map CriteriaView(const Context& context,
                        const std::vector<domain::EligibilityCriterion>& criteria,
                        const CriteriaState& state) {
  mstch::array active, retired;
  for (const auto& criterion : criteria) {
    const std::string label =
        app::intake::CriterionLabel(context.services.app, context.language, criterion);
    mstch::map row{{"id", std::to_string(criterion.id)},
                   {"label", label},
                   {"value", label},
                   {"default", !criterion.default_key.empty()}};
    if (state.error && state.failed_id == criterion.id && state.form) {
      row["value"] = state.form->Get("label");
      for (const auto& field : state.error->fields) row["error"] = context.Format(field.message);
    }
    (criterion.active() ? active : retired).push_back(std::move(row));
  }
  mstch::map model{{"active", active}, {"retired", retired}, {"no_active", active.empty()}};
  const bool new_failed = state.error && state.failed_id == 0 && state.form;
  model["label"] = mstch::map{{"value", new_failed ? state.form->Get("label") : std::string()}};
  if (state.error) {
    model["form_error"] = context.Format(state.error->message);
    if (state.failed_id == 0) {
      for (const auto& field : state.error->fields) {
        model["label"] =
            mstch::map{{"value", state.form ? state.form->Get("label") : std::string()},
                       {"error", context.Format(field.message)}};
      }
    }
  }
  if (!state.notice.empty()) model["notice"] = state.notice;
  return model;
}

// The refusal of the page or of a criterion: 403 for who may not adjust the criteria, the audited
// 404 for a criterion they cannot reach.
Response CriteriaRefusal(Context& context, const Error& error) {
  if (error.kind == ErrorKind::kForbidden) return Deny(context, "eligibility", "", 403);
  return Deny(context, "eligibility_criterion", context.Parameter("id"));
}

Response RenderCriteria(Context& context, const CriteriaState& state) {
  const auto criteria = app::intake::LoadCriteria(context.services.app, context.signed_in());
  if (!criteria) return CriteriaRefusal(context, criteria.error());
  const int status = state.error ? StatusFor(state.error->kind) : 200;
  return RenderPage(context, "referral_criteria", context.Translate(N_("Eligibility criteria")),
                    CriteriaView(context, *criteria, state), status);
}

// The answer to a change of the criteria: back to the page, or the page with the failed form.
Response Answer(Context& context, const Status& done, const Form& form, std::int64_t failed_id) {
  if (done) return Response::Redirect(kSaved);
  const auto kind = done.error().kind;
  if (kind == ErrorKind::kForbidden || kind == ErrorKind::kNotFound)
    return CriteriaRefusal(context, done.error());
  return RenderCriteria(context, {&done.error(), &form, failed_id, ""});
}

Response SetRetirement(Context& context, app::intake::Retirement retirement) {
  const auto done =
      app::intake::SetCriterionRetirement(context.services.app, context.signed_in(),
                                          ParseId(context.Parameter("id")).value_or(0), retirement);
  if (!done) return CriteriaRefusal(context, done.error());
  return Response::Redirect(kSaved);
}

}  // namespace

Response ShowCriteria(Context& context) {
  CriteriaState state;
  if (context.request.query == "saved=1")
    state.notice = context.Translate(N_("The criteria are saved."));
  return RenderCriteria(context, state);
}

Response AddCriterion(Context& context) {
  const Form form(context.request);
  const auto added = app::intake::AddCriterion(context.services.app, context.signed_in(),
                                               Trimmed(form.Get("label")));
  const Status done = added ? Status() : Status(added.error());
  return Answer(context, done, form, 0);
}

Response RenameCriterion(Context& context) {
  const Form form(context.request);
  const auto id = ParseId(context.Parameter("id")).value_or(0);
  const auto done = app::intake::RenameCriterion(
      context.services.app, context.signed_in(),
      {.criterion_id = id, .label = Trimmed(form.Get("label")), .language = context.language});
  return Answer(context, done, form, id);
}

Response RetireCriterion(Context& context) {
  return SetRetirement(context, app::intake::Retirement::kRetire);
}

Response RestoreCriterion(Context& context) {
  return SetRetirement(context, app::intake::Retirement::kRestore);
}

}  // namespace cercle::web::pages::admin
