#include "domain/concern_escalation.hpp"

#include <algorithm>
#include <set>

namespace cercle::domain {

Status CheckOnCall(const std::vector<OnCallEntry>& entries,
                   const std::vector<std::int64_t>& staff) {
  std::set<std::int64_t> seen;
  for (const auto& entry : entries) {
    if (entry.level < 0 || entry.level > kMaxOnCallLevel) {
      return Error::Fields({{"on_call",
                             {N_("Choose a level from 0 (on call) to {maximum}."),
                              {{"maximum", std::to_string(kMaxOnCallLevel)}}}}});
    }
    if (std::find(staff.begin(), staff.end(), entry.user_id) == staff.end()) {
      return Error::Fields(
          {{"on_call",
            {N_("Only the organisation's coordinators and administrators can be on call."), {}}}});
    }
    if (!seen.insert(entry.user_id).second) {
      return Error::Fields({{"on_call", {N_("Give each person one level only."), {}}}});
    }
  }
  return {};
}

std::optional<std::chrono::minutes> AcknowledgementDeadline(Severity severity,
                                                            const Settings& settings) {
  switch (severity) {
    case Severity::kEmergency:
      return std::chrono::minutes(settings.Get(domain::SettingKey::kConcernAckMinutesEmergency));
    case Severity::kUrgent:
      return std::chrono::minutes(settings.Get(domain::SettingKey::kConcernAckMinutesUrgent));
    case Severity::kInformation:
    case Severity::kConcern:
      break;
  }
  return std::nullopt;
}

std::vector<std::int64_t> StepRecipients(int step, const std::vector<OnCallEntry>& on_call,
                                         const std::vector<std::int64_t>& fallback) {
  std::set<int> backup_levels;
  for (const auto& entry : on_call) {
    if (entry.level > 0) backup_levels.insert(entry.level);
  }
  const auto at_level = [&](auto&& keep) {
    std::set<std::int64_t> users;
    for (const auto& entry : on_call) {
      if (keep(entry.level)) users.insert(entry.user_id);
    }
    return users;
  };
  std::set<std::int64_t> recipients;
  if (step <= 0 || backup_levels.empty()) {
    recipients = at_level([](int level) { return level == 0; });
  } else if (step <= static_cast<int>(backup_levels.size())) {
    const int level = *std::next(backup_levels.begin(), step - 1);
    recipients = at_level([&](int entry_level) { return entry_level == level; });
  } else {
    recipients = at_level([](int level) { return level > 0; });
  }
  if (recipients.empty()) recipients.insert(fallback.begin(), fallback.end());
  return {recipients.begin(), recipients.end()};
}

Instant NextStepDue(Instant fired_at, std::chrono::minutes deadline) { return fired_at + deadline; }

}  // namespace cercle::domain
