#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/concern.hpp"
#include "domain/settings.hpp"

// Alerting and escalation of urgent and emergency concerns. The organisation names its on-call
// coordinators (level 0) and an ordered backup list (levels 1…n). A concern that needs an alert
// mails the on-call coordinators at once (step 0); each acknowledgement deadline it misses alerts
// the next backup level (steps 1…n), and after the last level the whole backup list again, each
// deadline, until someone acknowledges. No I/O.
namespace cercle::domain {

// One person of the on-call rota.
struct OnCallEntry {
  std::int64_t user_id = 0;
  int level = 0;  // 0: on call; 1, 2…: backups in order
};

// The highest backup level an organisation may set.
inline constexpr int kMaxOnCallLevel = 9;

// Checks a rota as submitted: levels from 0 to kMaxOnCallLevel, each person once. Every user must
// be one of `staff` (the organisation's active coordinators and administrators). Field error
// "on_call".
Status CheckOnCall(const std::vector<OnCallEntry>& entries, const std::vector<std::int64_t>& staff);

// The minutes `severity` leaves to acknowledge, from the organisation's settings
// ("concern.ack_minutes_emergency", "concern.ack_minutes_urgent"); none for severities that do not
// alert.
std::optional<std::chrono::minutes> AcknowledgementDeadline(Severity severity,
                                                            const Settings& settings);

// The people to alert at escalation step `step` with the rota `on_call`: step 0 the on-call
// coordinators; step k (1 ≤ k ≤ the number of backup levels) the k-th backup level, in the order of
// levels (gaps between level numbers do not matter); later steps every backup. With no backup at
// all, every step alerts the on-call coordinators again. When the rota names nobody for the step,
// `fallback` (every active coordinator) is alerted, so that no alert goes nowhere. Sorted, without
// repeats.
std::vector<std::int64_t> StepRecipients(int step, const std::vector<OnCallEntry>& on_call,
                                         const std::vector<std::int64_t>& fallback);

// When the step after one that fired at `fired_at` is due: one deadline later.
Instant NextStepDue(Instant fired_at, std::chrono::minutes deadline);

}  // namespace cercle::domain
