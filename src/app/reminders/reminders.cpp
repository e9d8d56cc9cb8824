#include "app/reminders/reminders.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "app/home/triage.hpp"
#include "app/reminders/reminder_mail.hpp"
#include "auth/user_actor.hpp"
#include "notify/outbox.hpp"
#include "store/circle_store.hpp"
#include "store/organisation_store.hpp"
#include "store/privacy_officer_store.hpp"
#include "store/reminder_store.hpp"
#include "store/user_store.hpp"

namespace cercle::app::reminders {
namespace {

using domain::ReminderKind;

// What one pass reads of an organisation, in one transaction.
struct Organisation {
  std::int64_t id = 0;
  std::vector<store::User> users;
  std::map<std::int64_t, std::set<ReminderKind>> opt_outs;
  std::map<std::int64_t, std::int64_t> accounts;  // volunteer file → account
  std::vector<store::MinutesOwed> minutes_owed;
  std::map<std::int64_t, std::string> code_names;  // circle → "Cercle A"
  std::optional<std::int64_t> privacy_officer;     // the account of the person in charge
};

Organisation ReadOrganisation(const Services& services, std::int64_t organisation_id) {
  const auto now = services.clock.Now();
  return Read(services, store::Scope::Organisation(organisation_id), [&](store::Unit& unit) {
    Organisation organisation;
    organisation.id = organisation_id;
    organisation.users = store::UserStore(unit.session()).ListOrganisation(organisation_id);
    store::ReminderStore reminders(unit.session());
    organisation.opt_outs = reminders.OptOutsOf(organisation_id);
    organisation.accounts = reminders.VolunteerAccounts(organisation_id);
    organisation.minutes_owed = reminders.MinutesOwedBetween(
        organisation_id, now - domain::kMinutesRemindedFor - std::chrono::hours(24),
        now - domain::kMinutesDueAfter);
    for (const auto& circle :
         store::CircleStore(unit.session()).List(organisation_id, store::IncludeClosed::kNo))
      organisation.code_names[circle.id] = circle.code_name;
    if (const auto officer =
            store::PrivacyOfficerStore(unit.session()).Find(std::optional(organisation_id)))
      organisation.privacy_officer = officer->user_id;
    return organisation;
  });
}

// `user` as a signed-in caller, to read the home page they would see.
auth::Actor ActorOf(const store::User& user, const Organisation& organisation) {
  auto actor = auth::ActorOfUser(user);
  actor.privacy_officer = organisation.privacy_officer == user.id;
  return actor;
}

bool HasFile(const Organisation& organisation, std::int64_t user_id) {
  return std::any_of(organisation.accounts.begin(), organisation.accounts.end(),
                     [&](const auto& entry) { return entry.second == user_id; });
}

// The minutes `user_id` was asked to write and has not, due or late now.
void AddMinutes(const Services& services, const Organisation& organisation, std::int64_t user_id,
                std::vector<DueReminder>& due) {
  const auto now = services.clock.Now();
  for (const auto& owed : organisation.minutes_owed) {
    if (owed.writer_user_id != user_id) continue;
    const auto kind = domain::MinutesReminderDue(owed.ends(), now);
    if (!kind) continue;
    due.push_back(MinutesReminder(*kind, owed, services.translator.LocalDate(owed.starts)));
  }
}

// The screening items of the volunteer file linked to `user_id` that expire soon, from the
// staff's list.
void AddOwnScreening(const Organisation& organisation, std::int64_t user_id,
                     const std::vector<home::TriageSection>& staff, std::vector<DueReminder>& due) {
  for (const auto& section : staff) {
    for (const auto& item : section.items) {
      const auto* entry = std::get_if<volunteers::VolunteerAttention>(&item.subject);
      if (!entry || entry->reason != volunteers::AttentionReason::kScreeningExpiring) continue;
      const auto account = organisation.accounts.find(entry->volunteer_id);
      if (account == organisation.accounts.end() || account->second != user_id) continue;
      due.push_back(OwnScreeningReminder(*entry));
    }
  }
}

// The coordinator's reminders among the items of their home page.
void AddStaffItems(const Organisation& organisation, const std::vector<home::TriageSection>& staff,
                   std::vector<DueReminder>& due) {
  for (const auto& section : staff) {
    for (const auto& item : section.items) {
      if (const auto* entry = std::get_if<volunteers::VolunteerAttention>(&item.subject)) {
        if (entry->reason == volunteers::AttentionReason::kScreeningExpiring)
          due.push_back(StaffScreeningReminder(*entry));
      } else if (const auto* circle = std::get_if<home::CircleItem>(&item.subject)) {
        const auto kind = circle->flag.kind;
        if (kind != domain::CircleFlagKind::kReviewDue &&
            kind != domain::CircleFlagKind::kRenewalDue)
          continue;
        const auto name = organisation.code_names.find(circle->flag.circle_id);
        if (name != organisation.code_names.end())
          due.push_back(ReviewReminder(circle->flag, name->second));
      } else if (const auto* follow_up = std::get_if<reports::DueFollowUp>(&item.subject)) {
        due.push_back(FollowUpReminder(*follow_up));
      }
    }
  }
}

// The mail of the reminders not sent before.
using MailOf = std::function<notify::Mail(const std::vector<DueReminder>& fresh)>;

// Marks each of `due` sent to `user` and queues the mail `mail_of` writes of those that were not
// sent before, in one transaction; true when a mail was queued.
bool Send(const Services& services, const Organisation& organisation, const store::User& user,
          const std::vector<DueReminder>& due, const MailOf& mail_of) {
  if (due.empty()) return false;
  const auto sent = Write(
      services, store::Scope::Organisation(organisation.id),
      [&](store::Unit& unit) -> Result<bool> {
        store::ReminderStore store(unit.session());
        std::vector<DueReminder> fresh;
        for (const auto& reminder : due) {
          if (store.MarkSent(organisation.id, user.id, reminder.kind, reminder.subject, unit.now()))
            fresh.push_back(reminder);
        }
        if (fresh.empty()) return false;
        auto mail = mail_of(fresh);
        mail.organisation_id = organisation.id;
        notify::Outbox::Enqueue(unit, mail);
        return true;
      });
  return sent && *sent;
}

// Queues the reminders and the digest due to one person of `organisation`; returns how many
// mails.
int SendToUser(const Services& services, const Organisation& organisation, const store::User& user,
               const std::vector<home::TriageSection>& staff, bool digest_due) {
  if (!user.active || user.email.empty()) return 0;
  const bool has_file = HasFile(organisation, user.id);
  std::set<ReminderKind> allowed;
  for (const auto kind : domain::RemindersFor(user.roles, has_file)) allowed.insert(kind);
  const auto off = organisation.opt_outs.find(user.id);
  if (off != organisation.opt_outs.end()) {
    for (const auto kind : off->second) allowed.erase(kind);
  }
  std::vector<DueReminder> due;
  if (has_file) {
    AddMinutes(services, organisation, user.id, due);
    AddOwnScreening(organisation, user.id, staff, due);
  }
  if (user.roles.Has(domain::Role::kCoordinator)) AddStaffItems(organisation, staff, due);
  std::erase_if(due, [&](const DueReminder& reminder) { return !allowed.contains(reminder.kind); });
  int queued = 0;
  if (Send(services, organisation, user, due,
           [&](const auto& fresh) { return RemindersMail(services, user, fresh); }))
    ++queued;
  if (digest_due && allowed.contains(ReminderKind::kWeeklyDigest)) {
    const auto counts = home::CountTriage(services, ActorOf(user, organisation));
    if (Send(services, organisation, user, {DigestReminder(services.Today())},
             [&](const auto&) { return DigestMail(services, user, counts); }))
      ++queued;
  }
  return queued;
}

// The home page a coordinator sees, read for the reminders by an actor with the coordinator's
// role alone (no one's account: nothing it reads is audited).
std::vector<home::TriageSection> StaffItems(const Services& services,
                                            const Organisation& organisation) {
  auth::Actor reader;
  reader.organisation_id = organisation.id;
  reader.roles = domain::Roles{domain::Role::kCoordinator};
  reader.stage = store::SessionStage::kFull;
  return home::LoadTriage(services, reader);
}

}  // namespace

RemindersPage LoadRemindersPage(const Services& services, const auth::Actor& actor) {
  RemindersPage page;
  if (!actor.signed_in() || !actor.organisation_id) return page;
  const auto off = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::ReminderStore(unit.session()).OptOuts(*actor.organisation_id, actor.user_id);
  });
  for (const auto kind : domain::RemindersFor(actor.roles, actor.has_volunteer_file))
    page.choices.push_back({kind, !off.contains(kind)});
  return page;
}

Status SaveReminderChoices(const Services& services, const auth::Actor& actor,
                           const ReminderChoices& choices) {
  const auto mine = domain::RemindersFor(actor.roles, actor.has_volunteer_file);
  std::set<ReminderKind> on;
  for (const auto& name : choices.on) {
    const auto kind = domain::ParseEnum<ReminderKind>(name);
    if (!kind || std::find(mine.begin(), mine.end(), *kind) == mine.end())
      return Error::Invalid(N_("Choose among the reminders this page offers."));
    on.insert(*kind);
  }
  std::set<ReminderKind> off;
  for (const auto kind : mine) {
    if (!on.contains(kind)) off.insert(kind);
  }
  // Someone who may get no reminder (a network admin…) has nothing to save.
  if (mine.empty() || !actor.organisation_id) return {};
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    store::ReminderStore(unit.session()).SetOptOuts(*actor.organisation_id, actor.user_id, off);
    Audit(services, unit, actor, {"account.reminders", "user", std::to_string(actor.user_id)});
    return {};
  });
}

int SendDueReminders(const Services& services) {
  const auto now = services.clock.Now();
  const bool digest_due = domain::DigestDue(
      services.translator.LocalDate(now),
      services.translator.LocalDate(now - std::chrono::hours(domain::kDigestHour)));
  int queued = 0;
  for (const auto& listed : store::ListOrganisations(services.database)) {
    const auto organisation = ReadOrganisation(services, listed.id);
    const auto staff = StaffItems(services, organisation);
    for (const auto& user : organisation.users)
      queued += SendToUser(services, organisation, user, staff, digest_due);
  }
  if (queued > 0) {
    spdlog::info("reminders: {} mails queued", queued);
    services.NoteMailQueued();
  }
  return queued;
}

}  // namespace cercle::app::reminders
