#include <gtest/gtest.h>

#include "domain/icalendar.hpp"

namespace cercle::domain {
namespace {

const Instant kStart{std::chrono::seconds(1796047200)};  // 2026-11-30 14:00 UTC

TEST(CalendarFeed, WritesEscapedFoldedCrlfLines) {
  CalendarEvent event{"meeting-7@cercle",
                      kStart,
                      kStart + std::chrono::minutes(90),
                      "Cercle A : rencontre",
                      "Centre communautaire, salle 2; entrée arrière",
                      false};
  const auto feed = CalendarFeed("Cercle — mes rencontres", {event}, kStart);
  EXPECT_TRUE(feed.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  EXPECT_TRUE(feed.ends_with("END:VCALENDAR\r\n"));
  EXPECT_NE(feed.find("DTSTART:20261130T140000Z\r\n"), std::string::npos);
  EXPECT_NE(feed.find("DTEND:20261130T153000Z\r\n"), std::string::npos);
  EXPECT_NE(feed.find("LOCATION:Centre communautaire\\, salle 2\\; entrée arrière"),
            std::string::npos);
  for (std::size_t start = 0, end; (end = feed.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    EXPECT_LE(end - start, 75u) << feed.substr(start, end - start);
  }
  EXPECT_EQ(feed.find("\n\n"), std::string::npos);
}

TEST(CalendarFeed, FoldsLongLinesWithoutSplittingCharacters) {
  CalendarEvent event{"m@cercle", kStart,
                      kStart,     std::string(40, 'a') + std::string(30, 'e') + "éééééééééé",
                      "",         true};
  const auto feed = CalendarFeed("x", {event}, kStart);
  EXPECT_NE(feed.find("\r\n "), std::string::npos);
  EXPECT_NE(feed.find("STATUS:CANCELLED"), std::string::npos);
  std::string unfolded;
  for (std::size_t i = 0; i < feed.size(); ++i) {
    if (feed.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += feed[i];
  }
  EXPECT_NE(unfolded.find("SUMMARY:" + std::string(40, 'a') + std::string(30, 'e') + "éééééééééé"),
            std::string::npos);
}

}  // namespace
}  // namespace cercle::domain
