#include "web/pages/home/home_page.hpp"

#include "app/admin/backups.hpp"
#include "app/admin/mail.hpp"
#include "app/circles/circle_meetings.hpp"
#include "app/home/landing.hpp"
#include "app/home/triage.hpp"
#include "app/portal/home.hpp"
#include "app/privacy/incidents.hpp"
#include "auth/policies/mail_policy.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "auth/policies/user_policy.hpp"
#include "web/layout.hpp"
#include "web/pages/home/triage_view.hpp"
#include "web/pagination.hpp"

namespace cercle::web::pages::home {
namespace {

// The address of each role's landing, other than the home page.
const char* LandingHref(app::home::Landing landing) {
  switch (landing) {
    case app::home::Landing::kPortal:
      return "/portal";
    case app::home::Landing::kMyCircles:
      return "/my-circles";
    case app::home::Landing::kEvaluation:
      return "/reports/evaluation";
    case app::home::Landing::kHome:
      break;
  }
  return nullptr;
}

// The notice after an action done from the home page (?done=…).
std::string DoneNotice(const Context& context) {
  const auto query = context.request.QueryParameters();
  const auto done = query.find("done");
  if (done != query.end() && done->second == "minutes") {
    return context.Translate(N_("The minutes are acknowledged."));
  }
  return "";
}

// The signed-in actor's home page: notices, the triage for staff, the cards of their areas; with
// `error` when an action from the home page was refused.
Response ShowSignedIn(Context& context, const Error* error) {
  using namespace auth::policies;
  const auto& actor = context.signed_in();
  mstch::map model;
  model["signed_in"] = true;
  model["display_name"] = actor.display_name;
  mstch::array roles;
  for (const auto role : actor.roles.List())
    roles.push_back(context.Translate(domain::LabelOf(role)));
  model["roles"] = roles;
  model["can_manage_users"] = UserPolicy::CanList(actor);
  model["can_read_audit"] = AuditPolicy::CanRead(actor);
  model["can_manage_organisations"] = OrganisationPolicy::CanManage(actor);
  model["offer_two_factor"] = !actor.totp_enrolled;
  model["can_see_backups"] = BackupPolicy::CanRead(actor);
  const auto backups = app::admin::BackupFlagFor(context.services.app, actor);
  model["backups_off"] = backups == app::admin::BackupFlag::kOff;
  model["backups_overdue"] = backups == app::admin::BackupFlag::kOverdue;
  if (PrivacyPolicy::CanManage(actor)) {
    const auto overdue = app::privacy::CountOverdueIncidents(context.services.app, actor);
    if (overdue > 0) model["incidents_overdue"] = std::to_string(overdue);
  }
  if (MailPolicy::CanReview(actor)) {
    model["can_review_mail"] = true;
    const auto failed = app::admin::CountRecentlyFailedMail(context.services.app, actor);
    if (failed && *failed > 0) model["failed_mail"] = std::to_string(*failed);
  }
  // The person in charge of personal information sees the requests' deadlines there too.
  model["can_manage_privacy"] = PrivacyPolicy::CanManage(actor);
  if (app::home::HasTriage(actor)) {
    const auto sections = app::home::LoadTriage(context.services.app, actor);
    model["staff"] = true;
    model["groups"] = TriageView(context, sections);
    model["nothing_to_report"] = sections.empty();
    model["triage_script"] = context.services.static_files.Url("js/triage.js");
    model["nonce"] = context.nonce;
  }
  if (error) {
    model["form_error"] = context.Format(error->message);
  } else if (const auto notice = DoneNotice(context); !notice.empty()) {
    model["notice"] = notice;
  }
  return RenderPage(context, "home", context.Translate(N_("Home")), std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response Show(Context& context) {
  if (context.actor && context.actor->signed_in()) {
    if (const char* landing = LandingHref(app::home::LandingOf(*context.actor)))
      return Response::Redirect(landing);
    return ShowSignedIn(context, nullptr);
  }
  mstch::map model;
  // A server that hosts a single organisation names it on the welcome page.
  if (const auto name = app::portal::HostedOrganisationName(context.services.app)) {
    model["organisation_name"] = context.organisation_name = *name;
  }
  return RenderPage(context, "home", context.Translate(N_("Welcome")), std::move(model));
}

Response ShowTriageGroup(Context& context) {
  const auto& name = context.Parameter("group");
  const auto group = domain::ParseEnum<app::home::TriageGroup>(name);
  if (!group) return Deny(context, "triage", name);
  const auto section =
      app::home::LoadTriageGroup(context.services.app, context.signed_in(), *group);
  if (!section) return Deny(context, "triage", name, 403);
  const auto pagination =
      Paginate(context.request, static_cast<std::int64_t>(section->items.size()));
  const auto slice = pagination.Slice();
  const auto first = static_cast<std::size_t>(slice.offset);
  auto items = TriageItems(context, *section, first, first + static_cast<std::size_t>(slice.limit));
  const auto title = context.Translate(domain::LabelOf(*group));
  mstch::map model{{"title", title},
                   {"count", std::to_string(section->items.size())},
                   {"empty", items.empty()},
                   {"items", std::move(items)},
                   {"triage_script", context.services.static_files.Url("js/triage.js")},
                   {"nonce", context.nonce}};
  AddPagination(context, pagination, model);
  return RenderPage(context, "triage_group", title, std::move(model));
}

Response AcknowledgeMinutes(Context& context) {
  return PostForm(
      context, "meeting",
      [&](std::int64_t id, const Form&) {
        return app::circles::AcknowledgeMinutes(context.services.app, context.signed_in(),
                                                {.meeting_id = id, .comment = ""});
      },
      [&](std::int64_t id, const Form&, const Error& error) {
        return Refusal(context, error, "meeting", std::to_string(id),
                       [&](const Error& refused) { return ShowSignedIn(context, &refused); });
      },
      [](std::int64_t, std::int64_t) { return std::string("/?done=minutes#triage"); });
}

}  // namespace cercle::web::pages::home
