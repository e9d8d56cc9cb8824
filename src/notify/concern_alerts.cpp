#include "notify/concern_alerts.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

#include "config/public_link.hpp"
#include "domain/concern_escalation.hpp"
#include "notify/outbox.hpp"
#include "store/concern_escalation_store.hpp"
#include "store/concern_store.hpp"
#include "store/settings_store.hpp"
#include "store/user_store.hpp"

namespace cercle::notify {
namespace {

// How many due steps one pass takes; the next pass takes the rest.
constexpr int kStepsPerPass = 100;

std::string Link(const AlertServices& services, const std::string& path) {
  return config::PublicLink(services.public_url, path);
}

// The subject and body of step `step`'s alert for a concern of `severity` in circle `code_name`.
Mail AlertMail(const AlertServices& services, i18n::Language language, domain::Severity severity,
               int step, const std::string& code_name, const std::string& link) {
  const bool emergency = severity == domain::Severity::kEmergency;
  const std::vector<MessageArgument> arguments = {{"circle", code_name}, {"link", link}};
  const char* subject = nullptr;
  const char* body = nullptr;
  if (step == 0) {
    subject = emergency ? N_("{circle}: emergency concern — see Cercle")
                        : N_("{circle}: urgent concern — see Cercle");
    body = emergency ? N_("Hello,\n\nAn emergency concern about {circle} is waiting in Cercle for "
                          "someone on call to "
                          "acknowledge it. Open it here:\n{link}\n\nThis message was sent "
                          "automatically; do not "
                          "reply to it.")
                     : N_("Hello,\n\nAn urgent concern about {circle} is waiting in Cercle for "
                          "someone on call to "
                          "acknowledge it. Open it here:\n{link}\n\nThis message was sent "
                          "automatically; do not "
                          "reply to it.");
  } else {
    subject = emergency ? N_("{circle}: emergency concern not yet acknowledged — see Cercle")
                        : N_("{circle}: urgent concern not yet acknowledged — see Cercle");
    body =
        N_("Hello,\n\nA concern about {circle} has not been acknowledged in time, and you are next "
           "on the "
           "on-call list. Open it in Cercle and acknowledge it:\n{link}\n\nThis message was sent "
           "automatically; do not reply to it.");
  }
  Mail mail;
  mail.subject = services.translator.Format(language, {subject, arguments});
  mail.body = services.translator.Format(language, {body, arguments}) + "\n";
  return mail;
}

bool IsStaff(const store::User& user) {
  return user.active && (user.roles.Has(domain::Role::kCoordinator) ||
                         user.roles.Has(domain::Role::kOrganisationAdmin));
}

// Fires step `step` (stored as `escalation_id`) of `concern`: mails its recipients, records them,
// stores the next step and audits the alert. Returns how many mails were queued.
int FireStep(const store::Unit& unit, const AlertServices& services, const domain::Concern& concern,
             const std::string& code_name, int step, std::int64_t escalation_id) {
  soci::session& session = unit.session();
  const Instant now = unit.now();
  const std::int64_t organisation = concern.organisation_id;
  store::ConcernEscalationStore escalations(session);
  const auto settings = store::SettingsStore(session).Load(organisation);
  const auto deadline = domain::AcknowledgementDeadline(concern.severity, settings);
  if (!deadline) return 0;
  const auto users = store::UserStore(session).ListOrganisation(organisation);
  // Only active staff are alerted: someone deactivated since the rota was set is skipped.
  std::set<std::int64_t> staff;
  std::vector<std::int64_t> coordinators, admins;
  for (const auto& user : users) {
    if (!IsStaff(user)) continue;
    staff.insert(user.id);
    (user.roles.Has(domain::Role::kCoordinator) ? coordinators : admins).push_back(user.id);
  }
  std::vector<domain::OnCallEntry> on_call;
  for (const auto& entry : escalations.OnCall(organisation)) {
    if (staff.contains(entry.user_id)) on_call.push_back(entry);
  }
  const auto recipients =
      domain::StepRecipients(step, on_call, coordinators.empty() ? admins : coordinators);
  const std::string link = Link(services, "/concerns/" + std::to_string(concern.id));
  int queued = 0;
  for (const auto recipient : recipients) {
    const auto user =
        std::find_if(users.begin(), users.end(), [&](const auto& u) { return u.id == recipient; });
    if (user == users.end()) continue;
    Mail mail = AlertMail(services, i18n::FromCode(user->language, i18n::Language::kFrench),
                          concern.severity, step, code_name, link);
    mail.organisation_id = organisation;
    mail.to = user->email;
    Outbox::Enqueue(unit, mail);
    ++queued;
  }
  escalations.InsertRecipients(organisation, escalation_id, recipients);
  escalations.InsertStep(organisation, concern.id, step + 1, domain::NextStepDue(now, *deadline),
                         std::nullopt);
  services.audit.Append(unit, {organisation, std::nullopt, "concern.alert", "concern",
                               std::to_string(concern.id), "", audit::Outcome::kSuccess, now});
  return queued;
}

}  // namespace

int StartConcernAlerts(const store::Unit& unit, const AlertServices& services,
                       const domain::Concern& concern, const std::string& code_name) {
  if (!domain::Alerts(concern.severity)) return 0;
  const auto escalation_id =
      store::ConcernEscalationStore(unit.session())
          .InsertStep(concern.organisation_id, concern.id, 0, unit.now(), unit.now());
  return FireStep(unit, services, concern, code_name, 0, escalation_id);
}

bool QueueReplyMail(const store::Unit& unit, const AlertServices& services,
                    const domain::Concern& concern, const std::string& code_name) {
  const auto user =
      store::UserStore(unit.session()).Find(concern.raised_by, concern.organisation_id);
  if (!user || !user->active) return false;
  const auto language = i18n::FromCode(user->language, i18n::Language::kFrench);
  const bool volunteer = concern.raised_by_volunteer.has_value();
  const std::vector<MessageArgument> arguments = {
      {"circle", code_name},
      {"link", Link(services, (volunteer ? "/portal/concerns/" : "/concerns/") +
                                  std::to_string(concern.id))}};
  Mail mail;
  mail.organisation_id = concern.organisation_id;
  mail.to = user->email;
  mail.subject = services.translator.Format(
      language, {N_("{circle}: reply to your concern — see Cercle"), arguments});
  mail.body =
      services.translator.Format(
          language,
          {N_("Hello,\n\nThe coordinator replied to the concern you raised about {circle}. Read "
              "the reply in Cercle:\n{link}\n\nThis message was sent automatically; do not reply "
              "to it."),
           arguments}) +
      "\n";
  Outbox::Enqueue(unit, mail);
  return true;
}

int ConcernEscalator::EscalateDue() {
  const Instant now = clock_.Now();
  const auto due = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return store::ConcernEscalationStore(session).DueSteps(now, kStepsPerPass);
  });
  const auto system = store::Scope::System();
  int queued = 0;
  for (const auto& step : due) {
    const auto fired = database_.Write(system, [&](soci::session& session) -> Result<int> {
      const store::Unit unit(session, database_.dialect(), system, clock_);
      store::ConcernEscalationStore escalations(session);
      const auto row = store::ConcernStore(session).FindRow(step.concern_id, step.organisation_id);
      if (!row || row->concern.status != domain::ConcernStatus::kRaised) {
        // Acknowledged (or closed) after this step was stored: nothing more to alert.
        escalations.CancelPending(step.concern_id, step.organisation_id, unit.now());
        return 0;
      }
      if (!escalations.ClaimStep(step.id, unit.now())) return 0;
      return FireStep(unit, services_, row->concern, row->code_name, step.step, step.id);
    });
    if (fired) {
      queued += *fired;
      if (*fired > 0)
        spdlog::info("concern {}: alert step {} queued {} mails", step.concern_id, step.step,
                     *fired);
    }
  }
  return queued;
}

}  // namespace cercle::notify
