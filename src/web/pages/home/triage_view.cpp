#include "web/pages/home/triage_view.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "web/pages/circles/circle_attention.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/concerns/concern_common.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/privacy/request_pages.hpp"
#include "web/pages/volunteers/volunteer_care_pages.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::home {
namespace {

using app::home::TriageItem;
using app::home::TriageUrgency;

// What an item shows: its sentence, where to deal with it and what to do there; the minutes it can
// acknowledge from the home page; the concern's severity and next alert.
struct ItemView {
  std::string text;
  std::string href;
  const char* action = nullptr;  // a msgid
  std::int64_t acknowledge_meeting = 0;
  mstch::map extra;
};

// `instant` as an ISO 8601 moment in UTC, for <time datetime> and the script.
std::string IsoInstant(Instant instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::hh_mm_ss time(instant - day);
  char clock[16];
  std::snprintf(clock, sizeof clock, "T%02d:%02d:%02dZ", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return FormatIsoDate(CivilDate(day)) + clock;
}

// "2 h 05 min", "45 min": the time left, in minutes rounded up (at least one), as the script
// writes it.
std::string TimeLeft(const Context& context, std::chrono::seconds left) {
  const auto minutes = std::max<long long>(1, (left.count() + 59) / 60);
  if (minutes < 60) {
    return context.Format({N_("{minutes} min"), {{"minutes", std::to_string(minutes)}}});
  }
  std::string rest = std::to_string(minutes % 60);
  if (rest.size() < 2) rest.insert(0, "0");
  return context.Format({N_("{hours} h {minutes} min"),
                         {{"hours", std::to_string(minutes / 60)}, {"minutes", rest}}});
}

ItemView ConcernView(Context& context, const app::home::ConcernToAcknowledge& item) {
  const auto& concern = item.row.concern;
  const bool alert = domain::Alerts(concern.severity);
  const char* text =
      concern.severity == domain::Severity::kEmergency
          ? N_("{circle}: emergency concern to acknowledge now ({category}), raised {moment}")
      : alert ? N_("{circle}: urgent concern to acknowledge ({category}), raised {moment}")
              : N_("{circle}: concern to acknowledge ({category}), raised {moment}");
  ItemView view{context.Format({text,
                                {{"circle", item.row.code_name},
                                 {"category", context.Translate(domain::LabelOf(concern.category))},
                                 {"moment", concerns::FormatMoment(context, concern.raised_at)}}}),
                concerns::ConcernHref(concern.id), N_("Acknowledge the concern")};
  view.extra = concerns::ConcernSummary(context, item.row);
  if (item.escalates_at) {
    const std::chrono::seconds left = *item.escalates_at - context.services.clock.Now();
    // The texts the script counts down with, in the reader's language.
    view.extra["countdown"] = mstch::map{
        {"deadline", IsoInstant(*item.escalates_at)},
        {"due", left.count() <= 0},
        {"left", TimeLeft(context, left)},
        {"template_hours", context.Translate(N_("{hours} h {minutes} min"))},
        {"template_minutes", context.Translate(N_("{minutes} min"))},
    };
  }
  return view;
}

const char* CircleAction(domain::CircleFlagKind kind) {
  using enum domain::CircleFlagKind;
  switch (kind) {
    case kMinutesToAcknowledge:
      return N_("Read the minutes");
    case kMinutesLate:
      return N_("See the meeting");
    case kMeetingOverdue:
      return N_("Plan a meeting");
    case kNoContact:
      return N_("See the contacts");
    case kReviewDue:
      return N_("Plan the review");
    case kRenewalDue:
      return N_("Decide on the renewal");
  }
  return N_("See the meeting");
}

ItemView CircleView(Context& context, const app::home::CircleItem& item) {
  ItemView view{circles::FlagText(context, item.flag, item.circle_name),
                circles::FlagHref(item.flag), CircleAction(item.flag.kind)};
  if (item.flag.kind == domain::CircleFlagKind::kMinutesToAcknowledge)
    view.acknowledge_meeting = item.flag.meeting_id;
  return view;
}

// The item's wording: what ends, and whose file it is.
Message KeyDateMessage(const domain::KeyDate& key, const domain::CoreMember& member) {
  const std::vector<MessageArgument> who = {{"name", member.legal_name},
                                            {"number", member.file_number}};
  switch (key.kind) {
    case domain::KeyDateKind::kStatutoryRelease:
      return {N_("Statutory release of {name} ({number})"), who};
    case domain::KeyDateKind::kWarrantExpiry:
      return {N_("Warrant expiry of {name} ({number})"), who};
    case domain::KeyDateKind::kOrderEnds:
      return {N_("End of an order ({what}) for {name} ({number})"), who};
    case domain::KeyDateKind::kConditionEnds:
      return {N_("End of a condition ({what}) for {name} ({number})"), who};
  }
  return {N_("Warrant expiry of {name} ({number})"), who};
}

ItemView KeyDateView(Context& context, const app::intake::KeyDateItem& item) {
  Message message = KeyDateMessage(item.key, item.member);
  if (!item.key.label.empty())
    message.arguments.push_back({"what", context.Translate(item.key.label)});
  return {context.Format(message), core_members::FileHref(item.member.id) + "#legal",
          N_("See the legal dates")};
}

ItemView VolunteerView(Context& context, const app::volunteers::VolunteerAttention& entry) {
  using app::volunteers::AttentionReason;
  const std::string href = "/volunteers/" + std::to_string(entry.volunteer_id);
  if (entry.reason == AttentionReason::kDebriefDue) {
    return {context.Format(
                {N_("{name}: a debrief is due by {date} after an urgent concern."),
                 {{"name", entry.name}, {"date", volunteers::FormatDate(context, entry.date)}}}),
            "/volunteers/debriefs/" + std::to_string(entry.debrief_id), N_("Record the debrief")};
  }
  if (entry.reason == AttentionReason::kWellbeingFlag && entry.wellbeing) {
    return {context.Format(volunteers::WellbeingFlagMessage(context, entry.name, *entry.wellbeing)),
            href + "/wellbeing", N_("See the wellbeing checks")};
  }
  if (entry.reason == AttentionReason::kSupervisionOverdue) {
    return {context.Format({N_("{name}: no supervision for {days} days."),
                            {{"name", entry.name}, {"days", std::to_string(entry.days)}}}),
            href + "#supervision", N_("Plan a supervision")};
  }
  const std::vector<MessageArgument> arguments = {
      {"name", entry.name},
      {"item", volunteers::DataName(context, entry.item)},
      {"date", volunteers::FormatDate(context, entry.date)}};
  const char* text =
      entry.reason == AttentionReason::kScreeningExpiring ? N_("{name}: {item} expires on {date}.")
      : entry.required ? N_("{name}: {item} expired on {date}; on hold for new circles.")
                       : N_("{name}: {item} expired on {date}.");
  return {context.Format({text, arguments}), href + "#screening", N_("Renew the screening item")};
}

ItemView FollowUpView(Context& context, const app::reports::DueFollowUp& due) {
  return {context.Format({N_("Check public records for file {number}: follow-up {months} months "
                             "after closure"),
                          {{"number", due.file_number},
                           {"months", std::to_string(due.follow_up.milestone_months)}}}),
          "/core-members/" + std::to_string(due.core_member_id) + "/outcomes#follow-ups",
          N_("Check the public records")};
}

ItemView RequestView(Context& context, const app::privacy::RegisterEntry& entry) {
  const bool passed = entry.deadline.flag == domain::DeadlineFlag::kPassed;
  const Message text{passed ? N_("Request no. {number} ({kind}): the answer is late")
                            : N_("Request no. {number} ({kind}): the answer is due soon"),
                     {{"number", std::to_string(entry.request.id)},
                      {"kind", context.Translate(domain::LabelOf(entry.request.kind))}}};
  return {context.Format(text), privacy::RequestHref(entry.request.id), N_("Answer the request")};
}

ItemView ViewOf(Context& context, const TriageItem& item) {
  return std::visit(
      [&](const auto& subject) -> ItemView {
        using T = std::decay_t<decltype(subject)>;
        if constexpr (std::is_same_v<T, app::home::ConcernToAcknowledge>)
          return ConcernView(context, subject);
        else if constexpr (std::is_same_v<T, app::home::CircleItem>)
          return CircleView(context, subject);
        else if constexpr (std::is_same_v<T, app::intake::KeyDateItem>)
          return KeyDateView(context, subject);
        else if constexpr (std::is_same_v<T, app::volunteers::VolunteerAttention>)
          return VolunteerView(context, subject);
        else if constexpr (std::is_same_v<T, app::reports::DueFollowUp>)
          return FollowUpView(context, subject);
        else
          return RequestView(context, subject);
      },
      item.subject);
}

mstch::map ItemModel(Context& context, const TriageItem& item, const std::string& id) {
  ItemView view = ViewOf(context, item);
  mstch::map model = std::move(view.extra);
  model["id"] = id;
  model["text"] = view.text;
  model["href"] = view.href;
  model["action"] = context.Translate(view.action);
  model["date"] =
      context.services.translator.FormatCivilDate(context.language, FormatIsoDate(item.date));
  model["alert"] = item.urgency == TriageUrgency::kAlert;
  model["urgent"] = item.urgency == TriageUrgency::kAlert || item.urgency == TriageUrgency::kUrgent;
  model["soon"] = item.urgency == TriageUrgency::kSoon;
  if (view.acknowledge_meeting != 0) {
    model["acknowledge"] =
        mstch::map{{"form_action",
                    "/home/minutes/" + std::to_string(view.acknowledge_meeting) + "/acknowledge"},
                   {"csrf", context.csrf_token}};
  }
  return model;
}

}  // namespace

mstch::array TriageItems(Context& context, const app::home::TriageSection& section,
                         std::size_t first, std::size_t last) {
  const std::string name(domain::NameOf(section.group));
  mstch::array items;
  for (std::size_t i = first; i < std::min(last, section.items.size()); ++i) {
    items.push_back(ItemModel(context, section.items[i], name + "-" + std::to_string(i + 1)));
  }
  return items;
}

mstch::array TriageView(Context& context, const std::vector<app::home::TriageSection>& sections) {
  mstch::array groups;
  for (const auto& section : sections) {
    const std::string name(domain::NameOf(section.group));
    const auto count = section.items.size();
    auto folded = TriageItems(context, section, kUnfoldedItems, kListedItems);
    const auto folded_count = folded.size();
    mstch::map group{
        {"name", name},
        {"title", context.Translate(domain::LabelOf(section.group))},
        {"count", std::to_string(count)},
        {"urgent", section.items.front().urgency <= TriageUrgency::kUrgent},
        {"items", TriageItems(context, section, 0, kUnfoldedItems)},
        {"folded", std::move(folded)},
        {"has_folded", folded_count > 0},
        {"more", context.Format({N_("{count} more"), {{"count", std::to_string(folded_count)}}})},
    };
    if (count > kListedItems) {
      group["see_all"] = mstch::map{
          {"href", "/triage/" + name},
          {"label", context.Format({N_("See all {count}"), {{"count", std::to_string(count)}}})}};
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace cercle::web::pages::home
