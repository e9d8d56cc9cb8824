// The report settings: the outcome scales, the public impact page and sharing with the network
// (organisation admins).
#include "app/reports/report_settings.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_pages.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::reports {
namespace {

using app::reports::SettingsPage;

// The message of `error`'s field `name`, formatted, or "" when it has none.
std::string FieldMessage(const Context& context, const Error* error, const std::string& name) {
  std::string message;
  if (!error) return message;
  for (const auto& field : error->fields) {
    if (field.field == name) message = context.Format(field.message);
  }
  return message;
}

// Each scale's levels, one per line (as typed when the scales form failed).
mstch::array ScaleRows(const Context& context, const SettingsPage& page, const Form* form,
                       const Error* error) {
  const bool scales_form = form && form->Get("form") == "scales";
  mstch::array rows;
  for (const auto& scale : page.scales) {
    const std::string name(domain::NameOf(scale.dimension));
    std::string levels;
    for (std::size_t i = 0; i < scale.labels.size(); ++i) {
      levels += (levels.empty() ? "" : "\n") +
                app::reports::LevelLabel(context.services.translator, context.language, scale, i);
    }
    mstch::map row{{"name", name},
                   {"label", context.Translate(domain::LabelOf(scale.dimension))},
                   {"levels", scales_form ? form->Get(name) : levels}};
    if (const auto message = FieldMessage(context, error, name); !message.empty()) {
      row["error"] = message;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The settings page's template data: the scales and the publication choices (as typed when
// `form` failed).
mstch::map SettingsView(const Context& context, const SettingsPage& page, const Form* form,
                        const Error* error) {
  const auto& settings = page.settings;
  // A publication form that failed keeps what was typed.
  const bool publication_form = form && form->Get("form") == "publication";
  mstch::map model{
      {"scales", ScaleRows(context, page, form, error)},
      {"published", publication_form ? form->Get("published") == "1"
                                     : settings.Get(domain::SettingKey::kPublicImpactPage) == 1},
      {"shared", publication_form ? form->Get("shared") == "1"
                                  : settings.Get(domain::SettingKey::kNetworkShareFigures) == 1},
      {"founding_year",
       publication_form ? form->Get("founding_year")
                        : std::to_string(settings.Get(domain::SettingKey::kPublicFoundingYear))}};
  if (const auto message = FieldMessage(context, error, "founding_year"); !message.empty()) {
    model["founding_year_error"] = message;
  }
  if (page.public_slug) model["public_href"] = "/public/" + *page.public_slug;
  if (error) model["form_error"] = context.Format(error->message);
  const std::string saved = QueryValue(context, "saved");
  if (saved == "scales") model["notice"] = context.Translate(N_("The scales are saved."));
  if (saved == "publication") model["notice"] = context.Translate(N_("The settings are saved."));
  return model;
}

// The settings page, with the form that failed kept as typed.
Response RenderSettings(Context& context, const Form* form, const Error* error, int status) {
  const auto page = app::reports::LoadSettingsPage(context.services.app, context.signed_in());
  if (!page) return Deny(context, "report_settings", "", 403);
  return RenderPage(context, "report_settings", context.Translate(N_("Report settings")),
                    SettingsView(context, *page, form, error), status);
}

// The founding year typed, when it reads as a year (four digits at most).
std::optional<std::int64_t> YearOf(const std::string& text) {
  if (text.empty() || text.size() > 4 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(text);
}

}  // namespace

Response ShowSettings(Context& context) { return RenderSettings(context, nullptr, nullptr, 200); }

Response SaveScales(Context& context) {
  const Form form(context.request);
  app::reports::ScalesChange change{.language = context.language};
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    change.levels.push_back(form.Get(std::string(domain::NameOf(dimension))));
  }
  const auto saved = app::reports::SaveScales(context.services.app, context.signed_in(), change);
  if (!saved) {
    return Refusal(context, saved.error(), "report_settings", "", [&](const Error& error) {
      return RenderSettings(context, &form, &error, StatusFor(error.kind));
    });
  }
  return Response::Redirect("/reports/settings?saved=scales");
}

Response SavePublication(Context& context) {
  const Form form(context.request);
  const auto saved =
      app::reports::SavePublication(context.services.app, context.signed_in(),
                                    {.published = form.Get("published") == "1",
                                     .shared = form.Get("shared") == "1",
                                     .founding_year = YearOf(form.Get("founding_year"))});
  if (!saved) {
    return Refusal(context, saved.error(), "report_settings", "",
                   [&](const Error& error) { return RenderSettings(context, &form, &error, 422); });
  }
  return Response::Redirect("/reports/settings?saved=publication");
}

}  // namespace cercle::web::pages::reports
