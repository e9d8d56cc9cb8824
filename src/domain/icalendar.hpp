#pragma once

#include <string>
#include <vector>

#include "base/clock.hpp"

namespace cercle::domain {

// One event of a calendar feed. Its text must not name anyone: "Cercle A : rencontre", a place, a
// time.
struct CalendarEvent {
  std::string uid;  // stable across updates, e.g. "meeting-42@cercle"
  Instant starts;
  Instant ends;
  std::string summary;
  std::string location;
  bool cancelled = false;
};

// An iCalendar (RFC 5545) document with `events`: CRLF line ends, lines folded at 75 octets, text
// escaped, times in UTC. `name` titles the calendar in the subscriber's app; `generated` is its
// DTSTAMP.
std::string CalendarFeed(const std::string& name, const std::vector<CalendarEvent>& events,
                         Instant generated);

}  // namespace cercle::domain
