#include "domain/circle_contacts.hpp"

#include <array>

#include "domain/volunteer.hpp"

namespace cercle::domain {
Status CheckContact(CircleContact& contact, CivilDate today) {
  std::vector<FieldError> errors;
  contact.note = volunteer_text::Trimmed(contact.note);
  const int age = DaysBetween(contact.contacted_on, today);
  if (age < 0) {
    errors.push_back({"contacted_on", {N_("The date cannot be in the future."), {}}});
  } else if (age > kOldestContactDays) {
    errors.push_back({"contacted_on", {N_("Log contacts within 60 days of their date."), {}}});
  }
  if (contact.duration_minutes < 1 || contact.duration_minutes > 24 * 60) {
    errors.push_back(
        {"duration", {N_("Enter a duration such as 1.5 or 1:30, at most 24 hours."), {}}});
  }
  if (volunteer_text::CharacterCount(contact.note) > 500) {
    errors.push_back({"note", {N_("Use at most {count} characters."), {{"count", "500"}}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
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
