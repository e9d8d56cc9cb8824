#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle.hpp"
#include "domain/circle_enums.hpp"

// The contacts volunteers have with the core member between meetings: logged from their phone, they
// feed the volunteers' hours and the "no contact for N days" flag. No I/O.
namespace cercle::domain {

// One contact a volunteer logged.
struct CircleContact {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  std::int64_t volunteer_id = 0;
  CivilDate contacted_on{};
  ContactKind kind = ContactKind::kCall;
  int duration_minutes = 0;
  std::string note;  // short; never copied into the audit log
  std::optional<std::int64_t> logged_by;
  Instant logged_at;
};

// How far back a contact may be logged, in days.
inline constexpr int kOldestContactDays = 60;

// Checks a contact: a day not in the future and within kOldestContactDays, 1 minute to 24 hours, a
// note of at most 500 characters (trimmed here). Field errors "contacted_on", "duration", "note".
Status CheckContact(CircleContact& contact, CivilDate today);

// The days since the circle last had contact with the core member (a contact logged, or a meeting
// held), counted from `active_since` when it had none, when that is more than `limit_days`; none
// otherwise, and none for a circle in a phase without meetings (forming, suspended, closed).
std::optional<int> DaysWithoutContact(CirclePhase phase, std::optional<CivilDate> last_contact,
                                      std::optional<CivilDate> last_meeting, CivilDate active_since,
                                      CivilDate today, int limit_days);

}  // namespace cercle::domain
