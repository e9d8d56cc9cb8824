#include "domain/icalendar.hpp"

#include <ctime>

namespace cercle::domain {
namespace {

constexpr std::size_t kMaxOctets = 75;

// RFC 5545 §3.3.11: backslash, semicolon and comma are escaped; line breaks become \n.
std::string EscapeText(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\n') {
      escaped += "\\n";
    } else if (c != '\r') {
      escaped += c;
    }
  }
  return escaped;
}

// RFC 5545 §3.1: a content line longer than 75 octets continues on lines that start with a space,
// never splitting a UTF-8 character.
std::string Fold(const std::string& line) {
  std::string folded;
  std::size_t used = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    std::size_t length = 1;
    if (byte >= 0xF0)
      length = 4;
    else if (byte >= 0xE0)
      length = 3;
    else if (byte >= 0xC0)
      length = 2;
    if (used + length > kMaxOctets) {
      folded += "\r\n ";
      used = 1;
    }
    folded.append(line, i, length);
    used += length;
    i += length - 1;
  }
  return folded + "\r\n";
}

std::string UtcStamp(Instant instant) {
  const std::time_t seconds = ToUnix(instant);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[17];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &parts);
  return text;
}

}  // namespace

std::string CalendarFeed(const std::string& name, const std::vector<CalendarEvent>& events,
                         Instant generated) {
  std::string feed = Fold("BEGIN:VCALENDAR") + Fold("VERSION:2.0") +
                     Fold("PRODID:-//Cercle//Cercle//FR") + Fold("CALSCALE:GREGORIAN") +
                     Fold("METHOD:PUBLISH") + Fold("X-WR-CALNAME:" + EscapeText(name));
  for (const auto& event : events) {
    feed += Fold("BEGIN:VEVENT");
    feed += Fold("UID:" + EscapeText(event.uid));
    feed += Fold("DTSTAMP:" + UtcStamp(generated));
    feed += Fold("DTSTART:" + UtcStamp(event.starts));
    feed += Fold("DTEND:" + UtcStamp(event.ends));
    feed += Fold("SUMMARY:" + EscapeText(event.summary));
    if (!event.location.empty()) feed += Fold("LOCATION:" + EscapeText(event.location));
    feed += Fold(std::string("STATUS:") + (event.cancelled ? "CANCELLED" : "CONFIRMED"));
    feed += Fold("END:VEVENT");
  }
  return feed + Fold("END:VCALENDAR");
}

}  // namespace cercle::domain
