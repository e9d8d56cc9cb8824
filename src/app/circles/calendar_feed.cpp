#include "app/circles/calendar_feed.hpp"

#include <algorithm>
#include <chrono>

#include "auth/crypto.hpp"
#include "store/calendar_token_store.hpp"
#include "store/circle_store.hpp"
#include "store/meeting_store.hpp"
#include "store/user_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {
namespace {

// How far back the feed lists meetings, so that a calendar keeps the recent ones.
constexpr auto kFeedHistory = std::chrono::days(60);

// True when `token` looks like one RandomToken() makes: URL-safe base64, 43 characters for 32
// bytes.
bool LooksLikeToken(std::string_view token) {
  if (token.size() != 43) return false;
  return std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

}  // namespace

Result<CalendarFeedPage> LoadCalendarFeed(const Services& services, const std::string& token) {
  if (!LooksLikeToken(token)) return Error::NotFound();
  const std::string hash = auth::KeyedHash(services.secrets.session_key, "calendar", token);
  const auto owner = Read(services, store::Scope::System(), [&](store::Unit& unit) {
    return store::CalendarTokenStore(unit.session()).FindByHash(hash);
  });
  if (!owner) return Error::NotFound();
  const std::int64_t organisation = owner->organisation_id;
  return Read(
      services, store::Scope::Organisation(organisation),
      [&](store::Unit& unit) -> Result<CalendarFeedPage> {
        const auto volunteer =
            store::VolunteerStore(unit.session()).Find(owner->volunteer_id, organisation);
        if (!volunteer || domain::IsClosedStage(volunteer->stage)) return Error::NotFound();
        CalendarFeedPage feed;
        if (volunteer->user_id) {
          if (const auto user =
                  store::UserStore(unit.session()).Find(*volunteer->user_id, organisation)) {
            feed.language = i18n::FromCode(user->language, i18n::Language::kFrench);
          }
        }
        feed.meetings =
            store::MeetingStore(unit.session())
                .ForVolunteerFeed(volunteer->id, organisation, unit.now() - kFeedHistory);
        std::vector<std::int64_t> ids;
        for (const auto& meeting : feed.meetings) ids.push_back(meeting.circle_id);
        for (const auto& circle : store::CircleStore(unit.session()).FindMany(ids, organisation)) {
          feed.code_names[circle.id] = circle.code_name;
        }
        return feed;
      });
}

}  // namespace cercle::app::circles
