#include "web/pages/circles/risk_factor_pages.hpp"

#include "app/circles/risk_factor_list.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"

namespace cercle::web::pages::circles {
namespace {

constexpr std::string_view kList = "/circles/risk-factors";

// What the page shows again after a refused form: the form, its error and, for a factor's form,
// the factor's key.
struct Refused {
  const Form* form = nullptr;
  const Error* error = nullptr;
  std::string key;
};

// One factor's row: its name (as typed when its form was refused), kind and whether it is rated.
mstch::map FactorRow(const Context& context, const domain::RiskFactor& factor,
                     const Refused& refused) {
  const bool failed = refused.form && refused.key == factor.key;
  mstch::map row{{"key", factor.key},
                 {"field_id", "factor-" + factor.key},
                 {"name", failed ? refused.form->Get("name") : context.Translate(factor.name)},
                 {"listed", failed ? refused.form->Get("listed") == "1" : factor.active}};
  if (failed) {
    if (auto message = FieldMessage(context, refused.error, "name"); !message.empty()) {
      row["error"] = message;
    }
  }
  return row;
}

Response RenderList(Context& context, const app::circles::FactorListPage& page,
                    const Refused& refused, int status) {
  mstch::array risk, protective;
  for (const auto& factor : page.factors) {
    (factor.kind == domain::FactorKind::kDynamicRisk ? risk : protective)
        .push_back(FactorRow(context, factor, refused));
  }
  const bool adding = refused.form && refused.key.empty();
  mstch::map added{{"name", adding ? refused.form->Get("name") : std::string()},
                   {"kind", adding ? refused.form->Get("kind") : std::string()}};
  for (const auto* field : {"name", "kind"}) {
    if (!adding) break;
    if (auto message = FieldMessage(context, refused.error, field); !message.empty()) {
      added[std::string(field) + "_error"] = message;
    }
  }
  const std::string kind = adding ? refused.form->Get("kind") : std::string();
  mstch::array kinds;
  for (const auto value : domain::EnumValues<domain::FactorKind>()) {
    const std::string name(domain::NameOf(value));
    kinds.push_back(mstch::map{{"value", name},
                               {"label", context.Translate(domain::LabelOf(value))},
                               {"selected", name == kind}});
  }
  added["kinds"] = kinds;
  mstch::map model{{"risk", risk},
                   {"protective", protective},
                   {"can_adjust", page.can_adjust},
                   {"added", added}};
  if (refused.error) model["form_error"] = context.Format(refused.error->message);
  if (context.request.query == "saved=1") {
    model["notice"] = context.Translate(N_("The list of factors is saved."));
  }
  return RenderPage(context, "risk_factors", context.Translate(N_("Risk and protective factors")),
                    std::move(model), status);
}

// Answers a change to the list: back to the list on success, the list again with what was typed
// and the error when refused (`key` names the factor whose form it was, "" for a new factor).
Response Answer(Context& context, const Result<std::string>& done, const Form& form,
                const std::string& key) {
  if (done) return Response::Redirect(std::string(kList) + "?saved=1");
  return Refusal(context, done.error(), "risk_factor", key, [&](const Error& error) {
    const auto page = app::circles::LoadFactorList(context.services.app, context.signed_in());
    if (!page) return Deny(context, "risk_factor", key, 403);
    return RenderList(context, *page, {&form, &error, key}, StatusFor(error.kind));
  });
}

}  // namespace

Response ShowRiskFactors(Context& context) {
  const auto page = app::circles::LoadFactorList(context.services.app, context.signed_in());
  if (!page) return Deny(context, "risk_factor", "", 403);
  return RenderList(context, *page, {}, 200);
}

Response AddRiskFactor(Context& context) {
  const Form form(context.request);
  const auto kind = domain::ParseEnum<domain::FactorKind>(form.Get("kind"));
  const auto done =
      app::circles::AddFactor(context.services.app, context.signed_in(), {form.Get("name"), kind});
  return Answer(context, done, form, "");
}

Response ChangeRiskFactor(Context& context) {
  const Form form(context.request);
  const auto key = form.Get("key");
  const auto done = app::circles::ChangeFactor(context.services.app, context.signed_in(),
                                               {key, form.Get("name"), form.Get("listed") == "1"});
  return Answer(context, done, form, key);
}

Response MoveRiskFactor(Context& context) {
  const Form form(context.request);
  const auto key = form.Get("key");
  const auto direction = form.Get("direction") == "up" ? app::circles::MoveDirection::kUp
                                                       : app::circles::MoveDirection::kDown;
  const auto done =
      app::circles::MoveFactor(context.services.app, context.signed_in(), key, direction);
  return Answer(context, done, form, key);
}

}  // namespace cercle::web::pages::circles
