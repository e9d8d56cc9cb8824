#include "domain/circle_contacts.hpp"

#include <array>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
Status CheckContact(CircleContact& contact, CivilDate today) {
  std::vector<FieldError> errors;
  CheckPastDay(errors, "contacted_on", contact.contacted_on, today,
               Earliest{AddDays(today, -kOldestContactDays),
                        N_("Log contacts within 60 days of their date.")});
  CheckDuration(errors, "duration", contact.duration_minutes);
  CheckText(errors, "note", contact.note, 500);
  return Checked(std::move(errors));
}

std::optional<int> DaysWithoutContact(CirclePhase phase, std::optional<CivilDate> last_contact,
                                      std::optional<CivilDate> last_meeting, CivilDate active_since,
                                      CivilDate today, int limit_days) {
  if (!IsActivePhase(phase)) return std::nullopt;
  CivilDate since = active_since;
  if (last_contact && *last_contact > since) since = *last_contact;
  if (last_meeting && *last_meeting > since) since = *last_meeting;
  const int days = DaysBetween(since, today);
  if (days <= limit_days) return std::nullopt;
  return days;
}

}  // namespace cercle::domain
