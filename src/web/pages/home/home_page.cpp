#include "web/pages/home/home_page.hpp"

#include "app/admin/backups.hpp"
#include "app/admin/mail.hpp"
#include "app/portal/home.hpp"
#include "app/privacy/incidents.hpp"
#include "auth/policies/mail_policy.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "auth/policies/user_policy.hpp"
#include "web/layout.hpp"
#include "web/pages/home/attention.hpp"

namespace cercle::web::pages::home {

Response Show(Context& context) {
  mstch::map model;
  if (context.actor && context.actor->signed_in()) {
    using namespace auth::policies;
    const auto& actor = *context.actor;
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
      model["can_manage_privacy"] = true;
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
    if (actor.Has(domain::Role::kCoordinator) || actor.Has(domain::Role::kOrganisationAdmin) ||
        PrivacyPolicy::CanManage(actor)) {
      mstch::array attention;
      for (const auto& item : CollectAttention(context)) {
        attention.push_back(mstch::map{
            {"text", item.text},
            {"href", item.href},
            {"date", context.services.translator.FormatCivilDate(context.language,
                                                                 FormatIsoDate(item.date))},
            {"urgent", item.urgency == Urgency::kUrgent || item.urgency == Urgency::kAlert},
            {"alert", item.urgency == Urgency::kAlert},
            {"soon", item.urgency == Urgency::kSoon}});
      }
      model["staff"] = true;
      model["attention"] = attention;
      model["nothing_to_report"] = attention.empty();
    }
    return RenderPage(context, "home", context.Translate(N_("Home")), std::move(model));
  }
  // A server that hosts a single organisation names it on the welcome page.
  if (const auto name = app::portal::HostedOrganisationName(context.services.app)) {
    model["organisation_name"] = context.organisation_name = *name;
  }
  return RenderPage(context, "home", context.Translate(N_("Welcome")), std::move(model));
}

}  // namespace cercle::web::pages::home
