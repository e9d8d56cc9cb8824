#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "base/result.hpp"
#include "domain/circle_meetings.hpp"
#include "i18n/translator.hpp"

// A volunteer's calendar feed, /calendar/TOKEN.ics: the meetings of the circles they are a member
// of now. The token is the credential: only its keyed hash is stored, and a reset replaces it.
namespace cercle::app::circles {

// What a feed lists: the volunteer's meetings from kFeedHistory ago, the code name of each circle
// (the feed names no one), and the language of the volunteer's account.
struct CalendarFeedPage {
  i18n::Language language = i18n::Language::kFrench;
  std::vector<domain::Meeting> meetings;
  std::map<std::int64_t, std::string> code_names;
};

// The feed of the token `token` (the request has no session: the token names the organisation).
// NotFound for a token that is malformed or unknown, or a volunteer whose file is closed.
Result<CalendarFeedPage> LoadCalendarFeed(const Services& services, const std::string& token);

}  // namespace cercle::app::circles
