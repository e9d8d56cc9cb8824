#include "web/pages/circles/circle_attention.hpp"

namespace cercle::web::pages::circles {

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

}  // namespace cercle::web::pages::circles
