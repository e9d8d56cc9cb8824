#include "web/layout.hpp"

#include "app/services.hpp"
#include "auth/policies/circle_policy.hpp"
#include "auth/policies/concern_policy.hpp"
#include "auth/policies/core_member_policy.hpp"
#include "auth/policies/report_policy.hpp"
#include "auth/policies/user_policy.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "i18n/translator.hpp"
#include "web/redirects.hpp"

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

namespace {

// The navigation the actor may use, each entry allowed by its policy.
mstch::array Navigation(const Context& context) {
  using namespace auth::policies;
  std::vector<std::pair<std::string, std::string>> entries = {{"/", context.Translate(N_("Home"))}};
  const auto& actor = context.actor;
  if (actor && actor->signed_in()) {
    if (CoreMemberPolicy::CanList(*actor)) {
      entries.emplace_back("/core-members", context.Translate(N_("Core members")));
    }
    if (VolunteerPolicy::CanManage(*actor)) {
      entries.emplace_back("/volunteers", context.Translate(N_("Volunteers")));
    }
    if (ReportPolicy::CanSeeReports(*actor)) {
      entries.emplace_back("/reports", context.Translate(N_("Reports")));
    } else if (ReportPolicy::CanExtractForEvaluation(*actor)) {
      entries.emplace_back("/reports/evaluation", context.Translate(N_("Evaluation extract")));
    }
    if (OutreachPolicy::CanManage(*actor)) {
      entries.emplace_back("/outreach", context.Translate(N_("Outreach")));
    }
    if (CirclePolicy::CanManage(*actor)) {
      entries.emplace_back("/circles", context.Translate(N_("Circles")));
    }
    if (CirclePolicy::MayHavePartnerView(*actor)) {
      entries.emplace_back("/my-circles", context.Translate(N_("My circles")));
    }
    if (ConcernPolicy::CanManage(*actor)) {
      entries.emplace_back("/concerns", context.Translate(N_("Concerns")));
    }
    if (ConcernPolicy::MayHavePartnerView(*actor)) {
      entries.emplace_back("/my-concerns", context.Translate(N_("Concerns shared with me")));
    }
    // The pipeline read the file link with the session: the layout asks no database.
    if (VolunteerPolicy::MayHavePortal(*actor) && actor->has_volunteer_file) {
      entries.emplace_back("/portal", context.Translate(N_("My volunteering")));
    }
    if (UserPolicy::CanList(*actor))
      entries.emplace_back("/admin/users", context.Translate(N_("Users")));
    if (AuditPolicy::CanRead(*actor))
      entries.emplace_back("/admin/audit", context.Translate(N_("Audit log")));
    if (SettingsPolicy::CanChange(*actor))
      entries.emplace_back("/admin/settings", context.Translate(N_("Settings")));
    if (EligibilityCriteriaPolicy::CanAdjust(*actor)) {
      entries.emplace_back("/admin/eligibility", context.Translate(N_("Eligibility criteria")));
    }
    if (OrganisationPolicy::CanManage(*actor)) {
      entries.emplace_back("/network/organisations", context.Translate(N_("Organisations")));
    }
    if (ReportPolicy::CanSeeNetworkFigures(*actor)) {
      entries.emplace_back("/network/reports", context.Translate(N_("Network figures")));
    }
    entries.emplace_back("/account", context.Translate(N_("My account")));
  }
  mstch::array nav;
  const std::string& path = context.request.path;
  for (const auto& [href, label] : entries) {
    const bool current = href == "/" ? path == "/" : path.starts_with(href);
    nav.push_back(mstch::map{{"href", href}, {"label", label}, {"current", current}});
  }
  return nav;
}

}  // namespace

Response RenderPage(Context& context, std::string_view name, const std::string& title,
                    mstch::map model, int status) {
  const auto& services = context.services;
  const bool french = context.language == i18n::Language::kFrench;
  model["csrf"] = context.csrf_token;
  const std::string content = services.views.Render(name, std::move(model), context.language);
  mstch::map layout{
      {"title", title},
      {"content", content},
      {"nonce", context.nonce},
      // The language switch returns here; a path the door refused (invalid bytes) is never echoed
      // back.
      {"path", RedirectTarget(context.request.path)},
      {"organisation_name", context.organisation_name},
      {"nav", Navigation(context)},
      {"csrf", context.csrf_token},
      {"signed_out", !context.actor.has_value()},
      {"has_session", context.actor.has_value()},
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
      case 503:
        return context.Translate(N_("Saving is unavailable for now"));
      default:
        return context.Translate(N_("The request cannot be completed"));
    }
  }();
  mstch::map model{{"heading", heading}, {"message", context.Format(message)}, {"status", status}};
  if (!incident.empty()) model["incident"] = incident;
  return RenderPage(context, "error", heading, std::move(model), status);
}

Response Deny(Context& context, std::string_view object_type, std::string_view object_id,
              int status) {
  const auto& actor = context.actor;
  app::RecordEvent(context.services.app, {actor ? actor->organisation_id : std::nullopt,
                                          actor ? std::optional(actor->user_id) : std::nullopt,
                                          "authz.denied", std::string(object_type),
                                          std::string(object_id), context.request.client_address,
                                          audit::Outcome::kDenied, context.services.clock.Now()});
  if (status == 403)
    return RenderErrorPage(context, 403, {N_("You are not allowed to see this page."), {}});
  return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
}

Response RenderStorageUnavailable(Context& context, SaveState state) {
  // Seconds a client should wait before trying again: the time a database restart or a cleanup
  // of the disk takes.
  constexpr int kRetryAfterSeconds = 120;
  const Message message =
      state == SaveState::kUnknown
          ? Message{N_("Cercle lost its connection to the database while saving: your work may or "
                       "may not have been saved. In a few minutes, check before entering it "
                       "again."),
                    {}}
          : Message{N_("Cercle cannot save right now: the database cannot take changes. Your work "
                       "was not saved. Try again in a few minutes."),
                    {}};
  Response response;
  try {
    response = RenderErrorPage(context, 503, message);
  } catch (const std::exception&) {
    response = Response::Text(503, context.Translate(message.id) + "\n");
  }
  response.SetHeader("Retry-After", std::to_string(kRetryAfterSeconds));
  return response;
}

Response RenderError(Context& context, const Error& error) {
  return RenderErrorPage(context, StatusFor(error.kind), error.message);
}

}  // namespace cercle::web
