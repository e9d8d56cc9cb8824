#include "web/pages/circles/circle_attention.hpp"

#include "auth/policies/circle_policy.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/settings_store.hpp"

namespace cercle::web::pages::circles {

OrganisationActivity LoadActivity(Context& context) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  const Instant now = context.services.clock.Now();
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    OrganisationActivity activity;
    activity.settings = CircleSettingsOf(store::SettingsStore(session).Load(organisation));
    // Every circle for the names (minutes of a closed circle may still wait for acknowledgement),
    // the open ones for the flags.
    const auto every_circle =
        store::CircleStore(session).List(organisation, store::IncludeClosed::kYes);
    if (every_circle.empty()) return activity;
    for (const auto& circle : every_circle) {
      if (!circle.closed()) activity.circles.push_back(circle);
    }
    // The core members of the circles only, not every file.
    std::vector<std::int64_t> core_member_ids;
    for (const auto& circle : every_circle) core_member_ids.push_back(circle.core_member_id);
    std::map<std::int64_t, std::string> core_members;
    for (const auto& core_member :
         store::CoreMemberStore(session).FindMany(core_member_ids, organisation)) {
      core_members[core_member.id] = core_member.name_used();
    }
    for (const auto& circle : every_circle) {
      const auto name = core_members.find(circle.core_member_id);
      activity.names[circle.id] =
          circle.code_name + (name == core_members.end() ? "" : " (" + name->second + ")");
    }
    store::MeetingStore meetings(session);
    activity.last_meetings = meetings.LastHeldMeetings(organisation, now);
    activity.awaiting = meetings.AwaitingMinutesOrAcknowledgement(organisation, now);
    activity.last_contacts = store::CircleContactStore(session).LastContacts(organisation);
    activity.reviews = store::CircleReviewStore(session).ByCircle(organisation);
    return activity;
  });
}

OrganisationActivity LoadActivityOf(Context& context, soci::session& session,
                                    const std::vector<domain::Circle>& circles) {
  const std::int64_t organisation = *context.signed_in().organisation_id;
  const Instant now = context.services.clock.Now();
  OrganisationActivity activity;
  activity.settings = CircleSettingsOf(store::SettingsStore(session).Load(organisation));
  std::vector<std::int64_t> ids;
  for (const auto& circle : circles) {
    if (circle.closed()) continue;
    activity.circles.push_back(circle);
    ids.push_back(circle.id);
  }
  // Closed circles' written minutes still wait for acknowledgement.
  std::vector<std::int64_t> every_id;
  for (const auto& circle : circles) every_id.push_back(circle.id);
  store::MeetingStore meetings(session);
  activity.last_meetings = meetings.LastHeldMeetings(organisation, now);
  activity.awaiting = meetings.AwaitingMinutesOrAcknowledgement(every_id, organisation, now);
  activity.last_contacts = store::CircleContactStore(session).LastContacts(organisation);
  activity.reviews = store::CircleReviewStore(session).ByCircle(ids, organisation);
  return activity;
}

std::map<std::int64_t, std::vector<domain::CircleFlag>> FlagsByCircle(
    Context& context, const OrganisationActivity& activity) {
  std::map<std::int64_t, std::vector<domain::CircleFlag>> flags;
  const auto today = Today(context);
  const Instant now = context.services.clock.Now();
  const domain::FlagSettings settings{activity.settings.review_months,
                                      activity.settings.contact_days};
  static const std::vector<domain::CircleReview> kNoReviews;
  for (const auto& circle : activity.circles) {
    std::optional<domain::CivilDate> last_meeting, last_contact;
    if (const auto found = activity.last_meetings.find(circle.id);
        found != activity.last_meetings.end()) {
      last_meeting = LocalDay(context, found->second);
    }
    if (const auto found = activity.last_contacts.find(circle.id);
        found != activity.last_contacts.end()) {
      last_contact = found->second;
    }
    const auto reviews = activity.reviews.find(circle.id);
    for (auto& flag : domain::CircleFlags(
             circle, last_meeting, last_contact,
             reviews == activity.reviews.end() ? kNoReviews : reviews->second, settings, today)) {
      flags[circle.id].push_back(flag);
    }
  }
  for (const auto& record : activity.awaiting) {
    const domain::Minutes* minutes = record.minutes ? &*record.minutes : nullptr;
    if (auto flag = domain::MinutesFlag(record.meeting, minutes,
                                        LocalDay(context, record.meeting.starts), now)) {
      flags[record.meeting.circle_id].push_back(*flag);
    }
  }
  return flags;
}

std::string FlagText(const Context& context, const domain::CircleFlag& flag,
                     const std::string& circle_name) {
  using enum domain::CircleFlagKind;
  const std::string date = FormatDay(context, flag.date);
  switch (flag.kind) {
    case kMeetingOverdue:
      return context.Format(
          {N_("{circle}: no meeting for {days} days, longer than its phase allows."),
           {{"circle", circle_name}, {"days", std::to_string(flag.days)}}});
    case kMinutesLate:
      return context.Format(
          {N_("{circle}: the minutes of the meeting of {date} are more than 48 hours late."),
           {{"circle", circle_name}, {"date", date}}});
    case kMinutesToAcknowledge:
      return context.Format(
          {N_("{circle}: minutes of the meeting of {date} to read and acknowledge."),
           {{"circle", circle_name}, {"date", date}}});
    case kReviewDue:
      return context.Format(
          {N_("{circle}: review due on {date}."), {{"circle", circle_name}, {"date", date}}});
    case kRenewalDue:
      return context.Format({N_("{circle}: yearly renewal decision due on {date}."),
                             {{"circle", circle_name}, {"date", date}}});
    case kNoContact:
      return context.Format({N_("{circle}: no contact with the core member for {days} days."),
                             {{"circle", circle_name}, {"days", std::to_string(flag.days)}}});
  }
  return "";
}

std::string FlagHref(const domain::CircleFlag& flag) {
  using enum domain::CircleFlagKind;
  switch (flag.kind) {
    case kMinutesLate:
    case kMinutesToAcknowledge:
      return "/circles/meetings/" + std::to_string(flag.meeting_id);
    case kReviewDue:
    case kRenewalDue:
      return CircleHref(flag.circle_id) + "#reviews";
    case kNoContact:
      return CircleHref(flag.circle_id) + "#contacts";
    case kMeetingOverdue:
      return CircleHref(flag.circle_id) + "#meetings";
  }
  return CircleHref(flag.circle_id);
}

std::vector<home::AttentionItem> Attention(Context& context) {
  const auto& actor = context.signed_in();
  if (!auth::policies::CirclePolicy::CanManage(actor)) return {};
  const auto activity = LoadActivity(context);
  std::vector<home::AttentionItem> items;
  for (const auto& [circle_id, flags] : FlagsByCircle(context, activity)) {
    const auto name = activity.names.find(circle_id);
    const std::string circle_name = name == activity.names.end() ? "" : name->second;
    for (const auto& flag : flags) {
      const auto urgency = flag.urgent ? home::Urgency::kUrgent
                           : flag.kind == domain::CircleFlagKind::kMinutesToAcknowledge
                               ? home::Urgency::kNote
                               : home::Urgency::kSoon;
      items.push_back({urgency, flag.date, FlagText(context, flag, circle_name), FlagHref(flag)});
    }
  }
  return items;
}

}  // namespace cercle::web::pages::circles
