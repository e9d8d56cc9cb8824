#include "app/reminders/reminder_mail.hpp"

#include "config/public_link.hpp"

namespace cercle::app::reminders {
namespace {

using domain::ReminderKind;

constexpr const char* kFooter =
    N_("To choose which reminders you get: {settings}\n\nThis message was sent automatically; do "
       "not reply to it.");

std::string Link(const Services& services, const std::string& path) {
  return config::PublicLink(services.config.server.public_url, path);
}

i18n::Language LanguageOf(const store::User& user) {
  return i18n::FromCode(user.language, i18n::Language::kFrench);
}

std::string Footer(const Services& services, i18n::Language language) {
  return services.translator.Format(
      language, {kFooter, {{"settings", Link(services, "/account/reminders")}}});
}

// What a screening reminder is about, for reminders_sent (at most 200 characters): the volunteer's
// item and its expiry.
std::string ScreeningKey(const volunteers::VolunteerAttention& entry) {
  std::string key = "screening:" + std::to_string(entry.volunteer_id) + ":" +
                    FormatIsoDate(entry.date) + ":" + entry.item;
  if (key.size() > 200) key.resize(200);
  return key;
}

}  // namespace

DueReminder MinutesReminder(ReminderKind kind, const store::MinutesOwed& owed,
                            CivilDate meeting_day) {
  const bool late = kind == ReminderKind::kMinutesLate;
  return {kind,
          "meeting:" + std::to_string(owed.meeting_id),
          {late ? N_("{circle}: the minutes of the meeting of {date} are late. Write them now:")
                : N_("{circle}: the minutes of the meeting of {date} are due. Write them here:"),
           {{"circle", owed.code_name}}},
          meeting_day,
          "/portal/meetings/" + std::to_string(owed.meeting_id)};
}

DueReminder OwnScreeningReminder(const volunteers::VolunteerAttention& entry) {
  return {ReminderKind::kScreeningExpiring,
          ScreeningKey(entry),
          {N_("One of your screening items expires on {date}. Your coordinator will tell you "
              "how to renew it. Your portal:"),
           {}},
          entry.date,
          "/portal"};
}

DueReminder StaffScreeningReminder(const volunteers::VolunteerAttention& entry) {
  return {ReminderKind::kScreeningExpiring,
          ScreeningKey(entry),
          {N_("A volunteer's screening item expires on {date}. Their file:"), {}},
          entry.date,
          "/volunteers/" + std::to_string(entry.volunteer_id) + "#screening"};
}

DueReminder ReviewReminder(const domain::CircleFlag& flag, const std::string& code_name) {
  const bool renewal = flag.kind == domain::CircleFlagKind::kRenewalDue;
  return {ReminderKind::kReviewDue,
          (renewal ? "renewal:" : "review:") + std::to_string(flag.circle_id) + ":" +
              FormatIsoDate(flag.date),
          {renewal ? N_("{circle}: the yearly renewal is due on {date}. The circle:")
                   : N_("{circle}: a review is due on {date}. The circle:"),
           {{"circle", code_name}}},
          flag.date,
          "/circles/" + std::to_string(flag.circle_id)};
}

DueReminder FollowUpReminder(const reports::DueFollowUp& due) {
  return {ReminderKind::kFollowUpDue,
          "follow_up:" + std::to_string(due.core_member_id) + ":" +
              std::to_string(due.follow_up.milestone_months),
          {N_("The {months}-month follow-up of a closed file is due on {date}. The file:"),
           {{"months", std::to_string(due.follow_up.milestone_months)}}},
          due.follow_up.due_on,
          "/core-members/" + std::to_string(due.core_member_id)};
}

DueReminder DigestReminder(CivilDate monday) {
  return {ReminderKind::kWeeklyDigest, FormatIsoDate(monday), {}, monday, "/"};
}

notify::Mail RemindersMail(const Services& services, const store::User& user,
                           const std::vector<DueReminder>& reminders) {
  const auto language = LanguageOf(user);
  const auto& translator = services.translator;
  notify::Mail mail;
  mail.to = user.email;
  mail.subject = reminders.size() == 1
                     ? translator.Translate(language, N_("A reminder from Cercle"))
                     : translator.Format(language, {N_("Reminders from Cercle ({count})"),
                                                    {{"count", std::to_string(reminders.size())}}});
  std::string body = translator.Translate(language, N_("Hello,")) + "\n\n";
  for (const auto& reminder : reminders) {
    Message line = reminder.line;
    if (reminder.date)
      line.arguments.push_back(
          {"date", translator.FormatCivilDate(language, FormatIsoDate(*reminder.date))});
    body +=
        "- " + translator.Format(language, line) + "\n  " + Link(services, reminder.path) + "\n\n";
  }
  mail.body = body + Footer(services, language) + "\n";
  return mail;
}

notify::Mail DigestMail(const Services& services, const store::User& user,
                        const DigestCounts& counts) {
  const auto language = LanguageOf(user);
  const auto& translator = services.translator;
  notify::Mail mail;
  mail.to = user.email;
  mail.subject = translator.Format(
      language,
      {N_("Your week in Cercle ({date})"),
       {{"date", translator.FormatCivilDate(language, FormatIsoDate(services.Today()))}}});
  std::string body = translator.Translate(language, N_("Hello,")) + "\n\n" +
                     translator.Translate(language, N_("What waits for you in Cercle this week:")) +
                     "\n\n";
  for (const auto& count : counts) {
    body += "- " +
            translator.Format(
                language, {N_("{group}: {count}"),
                           {{"group", translator.Translate(language, domain::LabelOf(count.group))},
                            {"count", std::to_string(count.count)}}}) +
            "\n";
  }
  body +=
      "\n" +
      translator.Format(language, {N_("Your home page: {link}"), {{"link", Link(services, "/")}}}) +
      "\n\n";
  mail.body = body + Footer(services, language) + "\n";
  return mail;
}

}  // namespace cercle::app::reminders
