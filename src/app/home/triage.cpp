#include "app/home/triage.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "app/concerns/concern_register.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "store/concern_escalation_store.hpp"

namespace cercle::app::home {
namespace {

using domain::CircleFlagKind;

// When the next escalation step of each alerting concern of `rows` is due, by concern, in one
// query whatever the number of concerns.
std::map<std::int64_t, Instant> NextEscalations(const Services& services, const auth::Actor& actor,
                                                const std::vector<concerns::ConcernRow>& rows) {
  std::vector<std::int64_t> alerting;
  for (const auto& row : rows) {
    if (domain::Alerts(row.concern.severity)) alerting.push_back(row.concern.id);
  }
  if (alerting.empty()) return {};
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::ConcernEscalationStore(unit.session())
        .NextPendingSteps(alerting, unit.organisation_id());
  });
}

void AddConcerns(const Services& services, const auth::Actor& actor,
                 std::vector<TriageItem>& items) {
  const auto rows = concerns::LoadUnacknowledged(services, actor);
  const auto next = NextEscalations(services, actor, rows);
  for (const auto& row : rows) {
    const auto found = next.find(row.concern.id);
    ConcernToAcknowledge concern{row, std::nullopt};
    if (found != next.end()) concern.escalates_at = found->second;
    items.push_back(
        {TriageGroup::kConcerns,
         domain::Alerts(row.concern.severity) ? TriageUrgency::kAlert : TriageUrgency::kSoon,
         services.translator.LocalDate(row.concern.raised_at), std::move(concern)});
  }
}

TriageGroup GroupOf(CircleFlagKind kind) {
  switch (kind) {
    case CircleFlagKind::kMinutesLate:
    case CircleFlagKind::kMinutesToAcknowledge:
      return TriageGroup::kMinutes;
    case CircleFlagKind::kReviewDue:
    case CircleFlagKind::kRenewalDue:
      return TriageGroup::kReviews;
    case CircleFlagKind::kMeetingOverdue:
    case CircleFlagKind::kNoContact:
      return TriageGroup::kFollowUps;
  }
  return TriageGroup::kFollowUps;
}

void AddCircles(const Services& services, const auth::Actor& actor,
                std::vector<TriageItem>& items) {
  const auto activity = circles::LoadActivity(services, actor);
  for (const auto& [circle_id, flags] : circles::FlagsByCircle(services, activity)) {
    const auto name = activity.names.find(circle_id);
    const std::string circle_name = name == activity.names.end() ? "" : name->second;
    for (const auto& flag : flags) {
      items.push_back({GroupOf(flag.kind),
                       flag.urgent ? TriageUrgency::kUrgent : TriageUrgency::kSoon, flag.date,
                       CircleItem{flag, circle_name}});
    }
  }
}

void AddKeyDates(const Services& services, const auth::Actor& actor,
                 std::vector<TriageItem>& items) {
  for (auto& item : intake::LoadKeyDates(services, actor)) {
    const auto date = item.key.date;
    items.push_back({TriageGroup::kLegalDates,
                     item.urgent ? TriageUrgency::kUrgent : TriageUrgency::kSoon, date,
                     std::move(item)});
  }
}

void AddVolunteers(const Services& services, const auth::Actor& actor,
                   std::vector<TriageItem>& items) {
  const CivilDate today = services.Today();
  for (auto& entry : volunteers::LoadVolunteerAttention(services, actor)) {
    // An expired screening item, and a debrief past its due day, come first.
    const bool urgent =
        entry.reason == volunteers::AttentionReason::kScreeningExpired ||
        (entry.reason == volunteers::AttentionReason::kDebriefDue && entry.date < today);
    const auto urgency = urgent ? TriageUrgency::kUrgent : TriageUrgency::kSoon;
    const auto date = entry.date;
    items.push_back({TriageGroup::kVolunteers, urgency, date, std::move(entry)});
  }
}

void AddFollowUps(const Services& services, const auth::Actor& actor,
                  std::vector<TriageItem>& items) {
  for (auto& due : reports::DueFollowUps(services, actor)) {
    const auto urgency = due.overdue ? TriageUrgency::kSoon : TriageUrgency::kNote;
    const auto date = due.follow_up.due_on;
    items.push_back({TriageGroup::kFollowUps, urgency, date, std::move(due)});
  }
  for (auto& entry : privacy::LoadDeadlineFlags(services, actor, services.Today())) {
    const auto urgency = entry.deadline.flag == domain::DeadlineFlag::kPassed
                             ? TriageUrgency::kUrgent
                             : TriageUrgency::kSoon;
    const auto date = entry.deadline.deadline;
    items.push_back({TriageGroup::kFollowUps, urgency, date, std::move(entry)});
  }
}

// When a concern was raised, for the items that are concerns.
std::optional<Instant> RaisedAt(const TriageItem& item) {
  if (const auto* concern = std::get_if<ConcernToAcknowledge>(&item.subject))
    return concern->row.concern.raised_at;
  return std::nullopt;
}

}  // namespace

void SortTriage(std::vector<TriageItem>& items, CivilDate today) {
  std::stable_sort(items.begin(), items.end(), [today](const TriageItem& a, const TriageItem& b) {
    if (a.urgency != b.urgency) return a.urgency < b.urgency;
    const auto a_raised = RaisedAt(a), b_raised = RaisedAt(b);
    if (a_raised && b_raised) return *a_raised < *b_raised;
    const bool a_past = a.date < today;
    const bool b_past = b.date < today;
    if (a_past != b_past) return a_past;
    return a_past ? b.date < a.date : a.date < b.date;
  });
}

std::vector<TriageSection> LoadTriage(const Services& services, const auth::Actor& actor) {
  std::vector<TriageItem> items;
  AddConcerns(services, actor, items);
  AddCircles(services, actor, items);
  AddKeyDates(services, actor, items);
  AddVolunteers(services, actor, items);
  AddFollowUps(services, actor, items);

  std::vector<TriageSection> sections;
  for (const auto group : domain::EnumValues<TriageGroup>()) {
    TriageSection section{group, {}};
    for (auto& item : items) {
      if (item.group == group) section.items.push_back(std::move(item));
    }
    if (section.items.empty()) continue;
    SortTriage(section.items, services.Today());
    sections.push_back(std::move(section));
  }
  // The group whose most pressing item is the most pressing first; TriageGroup order otherwise.
  std::stable_sort(sections.begin(), sections.end(),
                   [](const TriageSection& a, const TriageSection& b) {
                     return a.items.front().urgency < b.items.front().urgency;
                   });
  return sections;
}

bool HasTriage(const auth::Actor& actor) {
  return actor.Has(domain::Role::kCoordinator) || actor.Has(domain::Role::kOrganisationAdmin) ||
         auth::policies::PrivacyPolicy::CanManage(actor);
}

Result<TriageSection> LoadTriageGroup(const Services& services, const auth::Actor& actor,
                                      TriageGroup group) {
  if (!HasTriage(actor)) return Error::Forbidden();
  TriageSection found{group, {}};
  for (auto& section : LoadTriage(services, actor)) {
    if (section.group == group) found = std::move(section);
  }
  AuditView(services, actor, {"triage.view", "triage", std::string(domain::NameOf(group))});
  return found;
}

std::vector<TriageCount> CountTriage(const Services& services, const auth::Actor& actor) {
  std::vector<TriageCount> counts;
  for (const auto group : domain::EnumValues<TriageGroup>()) counts.push_back({group, 0});
  for (const auto& section : LoadTriage(services, actor)) {
    counts[static_cast<std::size_t>(section.group)].count = static_cast<int>(section.items.size());
  }
  return counts;
}

}  // namespace cercle::app::home
