#include "web/layout.hpp"

#include "i18n/translator.hpp"

namespace cercle::web {

int StatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid:
      return 422;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kTooManyRequests:
      return 429;
  }
  return 500;
}

Response RenderPage(Context& context, std::string_view name, const std::string& title,
                    mstch::map model, int status) {
  const auto& services = context.services;
  const bool french = context.language == i18n::Language::kFrench;
  const std::string content = services.views.Render(name, std::move(model), context.language);
  mstch::map layout{
      {"title", title},
      {"content", content},
      {"nonce", context.nonce},
      {"path", context.request.path},
      {"organisation_name", context.organisation_name},
      {"other_lang", std::string(french ? "en" : "fr")},
      {"other_lang_label", std::string(french ? "English" : "Français")},
      {"assets", mstch::map{{"normalize", services.static_files.Url("css/modern-normalize.css")},
                            {"css", services.static_files.Url("css/cercle.css")},
                            {"print", services.static_files.Url("css/print.css")},
                            {"htmx", services.static_files.Url("js/htmx.min.js")},
                            {"app", services.static_files.Url("js/cercle.js")},
                            {"icon", services.static_files.Url("img/cercle.svg")}}},
  };
  Response response =
      Response::Html(status, services.views.Render("layout", std::move(layout), context.language));
  response.SetHeader("Content-Language", std::string(i18n::Code(context.language)));
  return response;
}

Response RenderErrorPage(Context& context, int status, const Message& message,
                         const std::string& incident) {
  const std::string heading = [&] {
    switch (status) {
      case 404:
        return context.Translate(N_("Page not found"));
      case 403:
        return context.Translate(N_("Access refused"));
      case 405:
        return context.Translate(N_("Method not allowed"));
      case 413:
        return context.Translate(N_("Too large"));
      case 500:
        return context.Translate(N_("Something went wrong"));
      default:
        return context.Translate(N_("The request cannot be completed"));
    }
  }();
  mstch::map model{{"heading", heading}, {"message", context.Format(message)}, {"status", status}};
  if (!incident.empty()) model["incident"] = incident;
  return RenderPage(context, "error", heading, std::move(model), status);
}

Response RenderError(Context& context, const Error& error) {
  return RenderErrorPage(context, StatusFor(error.kind), error.message);
}

}  // namespace cercle::web
