#include "web/layout.hpp"

#include <utility>

#include "app/services.hpp"
#include "auth/policies/circle_policy.hpp"
#include "auth/policies/concern_policy.hpp"
#include "auth/policies/core_member_policy.hpp"
#include "auth/policies/mail_policy.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "auth/policies/report_policy.hpp"
#include "auth/policies/user_policy.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "i18n/translator.hpp"
#include "web/error_summary.hpp"
#include "web/redirects.hpp"
#include "web/session_script.hpp"

namespace cercle::web {

int StatusFor(ErrorKind kind) {
  static constexpr std::pair<ErrorKind, int> kStatuses[] = {
      {ErrorKind::kInvalid, 422},         {ErrorKind::kNotFound, 404},
      {ErrorKind::kForbidden, 403},       {ErrorKind::kConflict, 409},
      {ErrorKind::kUnauthenticated, 401}, {ErrorKind::kTooManyRequests, 429}};
  for (const auto& [error, status] : kStatuses) {
    if (error == kind) return status;
  }
  return 500;
}

namespace {

// An entry of the navigation: its address, its label, and who may see it.
struct NavigationEntry {
  const char* href;
  const char* label;
  bool (*allowed)(const auth::Actor&);
};

// The navigation of a signed-in actor, in order, each entry allowed by its policy.
const NavigationEntry kNavigation[] = {
    {"/core-members", N_("Core members"), auth::policies::CoreMemberPolicy::CanList},
    {"/volunteers", N_("Volunteers"), auth::policies::VolunteerPolicy::CanManage},
    {"/reports", N_("Reports"), auth::policies::ReportPolicy::CanSeeReports},
    // The evaluation extract is in the reports for those who see them.
    {"/reports/evaluation", N_("Evaluation extract"),
     [](const auth::Actor& actor) {
       return !auth::policies::ReportPolicy::CanSeeReports(actor) &&
              auth::policies::ReportPolicy::CanExtractForEvaluation(actor);
     }},
    {"/outreach", N_("Outreach"), auth::policies::OutreachPolicy::CanManage},
    {"/circles", N_("Circles"), auth::policies::CirclePolicy::CanManage},
    {"/my-circles", N_("My circles"), auth::policies::CirclePolicy::MayHavePartnerView},
    {"/concerns", N_("Concerns"), auth::policies::ConcernPolicy::CanManage},
    {"/my-concerns", N_("Concerns shared with me"),
     auth::policies::ConcernPolicy::MayHavePartnerView},
    // The pipeline read the file link with the session: the layout asks no database.
    {"/portal", N_("My volunteering"),
     [](const auth::Actor& actor) {
       return auth::policies::VolunteerPolicy::MayHavePortal(actor) && actor.has_volunteer_file;
     }},
    {"/admin/users", N_("Users"), auth::policies::UserPolicy::CanList},
    {"/admin/audit", N_("Audit log"), auth::policies::AuditPolicy::CanRead},
    {"/admin/settings", N_("Settings"), auth::policies::SettingsPolicy::CanChange},
    {"/admin/eligibility", N_("Eligibility criteria"),
     auth::policies::EligibilityCriteriaPolicy::CanAdjust},
    {"/admin/privacy", N_("Privacy"), auth::policies::PrivacyPolicy::CanManage},
    {"/network/organisations", N_("Organisations"), auth::policies::OrganisationPolicy::CanManage},
    {"/admin/mail", N_("Mail delivery"), auth::policies::MailPolicy::CanReview},
    {"/network/reports", N_("Network figures"), auth::policies::ReportPolicy::CanSeeNetworkFigures},
    {"/network/privacy", N_("Privacy"), auth::policies::OrganisationPolicy::CanManage},
    {"/account", N_("My account"), [](const auth::Actor&) { return true; }},
};

// The navigation the actor may use.
mstch::array Navigation(const Context& context) {
  std::vector<std::pair<std::string, std::string>> entries = {{"/", context.Translate(N_("Home"))}};
  const auto& actor = context.actor;
  if (actor && actor->signed_in()) {
    for (const auto& entry : kNavigation) {
      if (entry.allowed(*actor)) entries.emplace_back(entry.href, context.Translate(entry.label));
    }
  }
  mstch::array nav;
  const std::string& path = context.request.path;
  for (const auto& [href, label] : entries) {
    const bool current = href == "/" ? path == "/" : path.starts_with(href);
    nav.push_back(mstch::map{{"href", href}, {"label", label}, {"current", current}});
  }
  return nav;
}

// The foot of a signed-in actor's pages: how to reach the person in charge of the protection of
// personal information of their organisation (the network's for a network admin), read with the
// session, and the way to its privacy page. Shown only to those signed in.
mstch::map PrivacyFooter(const Context& context) {
  const auto& actor = context.actor;
  if (!actor) return {};
  const auto& contact = actor->privacy_contact;
  mstch::map footer{{"href", actor->organisation_id ? "/privacy/" + actor->organisation_slug
                                                    : std::string("/privacy")},
                    {"named", contact.named}};
  if (contact.named) {
    footer["title"] = contact.title;
    footer["email"] = contact.email;
    if (!contact.phone.empty()) footer["phone"] = contact.phone;
  } else {
    footer["unnamed"] =
        context.Translate(actor->organisation_id ? N_("the organisation's highest authority.")
                                                 : N_("the network's highest authority."));
  }
  return footer;
}

}  // namespace

Response RenderPage(Context& context, std::string_view name, const std::string& title,
                    mstch::map model, int status) {
  const auto& services = context.services;
  const bool french = context.language == i18n::Language::kFrench;
  model["csrf"] = context.csrf_token;
  std::string content = services.views.Render(name, std::move(model), context.language);
  // A refused form: its summary lists each field error as a link to the field, and the title says
  // so first, as the first thing a screen reader reads of the page.
  const bool refused = FillErrorSummary(content, [&] {
    return services.views.Render(
        "form_error",
        mstch::map{{"form_error", context.Translate(N_("Please correct the errors below."))},
                   {"notice", false}},
        context.language);
  });
  mstch::map layout{
      {"title", refused ? context.Format({N_("Error: {title}"), {{"title", title}}}) : title},
      {"nonce", context.nonce},
      // The language switch returns here; a path the door refused (invalid bytes) is never echoed
      // back.
      {"path", RedirectTarget(context.request.path)},
      {"organisation_name", context.organisation_name},
      {"nav", Navigation(context)},
      {"csrf", context.csrf_token},
      {"signed_out", !context.actor.has_value()},
      {"has_session", context.actor.has_value()},
      {"session_script", SessionScriptSettings(context)},
      {"has_privacy_footer", context.actor.has_value() && context.actor->signed_in()},
      {"privacy_footer", PrivacyFooter(context)},
      {"other_lang", std::string(french ? "en" : "fr")},
      {"other_lang_label", std::string(french ? "English" : "Français")},
      {"assets", mstch::map{{"normalize", services.static_files.Url("css/modern-normalize.css")},
                            {"css", services.static_files.Url("css/cercle.css")},
                            {"print", services.static_files.Url("css/print.css")},
                            {"htmx", services.static_files.Url("js/htmx.min.js")},
                            {"app", services.static_files.Url("js/cercle.js")},
                            {"drafts", services.static_files.Url("js/drafts.js")},
                            {"icon", services.static_files.Url("img/cercle.svg")}}},
  };
  // Moved in, not listed above: an initializer list copies, and the page is tens of kilobytes.
  layout["content"] = std::move(content);
  Response response =
      Response::Html(status, services.views.Render("layout", std::move(layout), context.language));
  response.SetHeader("Content-Language", std::string(i18n::Code(context.language)));
  return response;
}

Response RenderErrorPage(Context& context, int status, const Message& message,
                         const std::string& incident) {
  // The heading of each status that has its own, and of the others.
  static constexpr std::pair<int, const char*> kHeadings[] = {
      {404, N_("Page not found")},       {403, N_("Access refused")},
      {405, N_("Method not allowed")},   {413, N_("Too large")},
      {500, N_("Something went wrong")}, {503, N_("Saving is unavailable for now")}};
  const char* heading_msgid = N_("The request cannot be completed");
  for (const auto& [heading_status, msgid] : kHeadings) {
    if (heading_status == status) heading_msgid = msgid;
  }
  const std::string heading = context.Translate(heading_msgid);
  mstch::map model{{"heading", heading}, {"message", context.Format(message)}, {"status", status}};
  if (!incident.empty()) model["incident"] = incident;
  return RenderPage(context, "error", heading, std::move(model), status);
}

Response Deny(Context& context, std::string_view object_type, std::string_view object_id,
              int status, const Message* why) {
  const auto& actor = context.actor;
  app::RecordEvent(context.services.app, {actor ? actor->organisation_id : std::nullopt,
                                          actor ? std::optional(actor->user_id) : std::nullopt,
                                          "authz.denied", std::string(object_type),
                                          std::string(object_id), context.request.client_address,
                                          audit::Outcome::kDenied, context.services.clock.Now()});
  if (status == 403) {
    return RenderErrorPage(context, 403,
                           why ? *why : Message{N_("You are not allowed to see this page."), {}});
  }
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
