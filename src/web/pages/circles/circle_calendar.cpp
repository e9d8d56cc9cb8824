// The volunteers' calendar feeds: /calendar/TOKEN.ics, one per volunteer, holding the meetings of
// the circles they are a member of now. The token is the credential (this is the one place a token
// is in a URL, by the nature of calendar subscriptions): only its keyed hash is stored, and a reset
// replaces it. The feed names no one: "Cercle A : rencontre", a place and a time.
#include "auth/crypto.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/icalendar.hpp"
#include "store/calendar_token_store.hpp"
#include "store/circle_store.hpp"
#include "store/meeting_store.hpp"
#include "store/user_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_pages.hpp"

namespace cercle::web::pages::circles {
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

Response NotFound(Context& context) {
  return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
}

}  // namespace

Response CalendarFeed(Context& context) {
  const std::string& file = context.Parameter("feed");
  if (!file.ends_with(".ics")) return NotFound(context);
  const std::string token = file.substr(0, file.size() - 4);
  if (!LooksLikeToken(token)) return NotFound(context);
  const std::string hash = auth::KeyedHash(context.services.secrets.session_key, "calendar", token);
  auto& database = context.services.database;
  // The request has no session: the token names the organisation, found in the system scope.
  const auto owner = database.Read(store::Scope::System(), [&](soci::session& session) {
    return store::CalendarTokenStore(session).FindByHash(hash);
  });
  if (!owner) return NotFound(context);
  const Instant now = context.services.clock.Now();
  struct Feed {
    bool open = false;
    i18n::Language language = i18n::Language::kFrench;
    std::vector<domain::Meeting> meetings;
    std::map<std::int64_t, std::string> code_names;
  };
  const auto feed = database.Read(
      store::Scope::Organisation(owner->organisation_id), [&](soci::session& session) {
        Feed feed;
        const auto volunteer =
            store::VolunteerStore(session).Find(owner->volunteer_id, owner->organisation_id);
        if (!volunteer || domain::IsClosedStage(volunteer->stage)) return feed;
        feed.open = true;
        if (volunteer->user_id) {
          if (const auto user =
                  store::UserStore(session).Find(*volunteer->user_id, owner->organisation_id)) {
            feed.language = i18n::FromCode(user->language, i18n::Language::kFrench);
          }
        }
        feed.meetings = store::MeetingStore(session).ForVolunteerFeed(
            volunteer->id, owner->organisation_id, now - kFeedHistory);
        std::vector<std::int64_t> ids;
        for (const auto& meeting : feed.meetings) ids.push_back(meeting.circle_id);
        for (const auto& circle :
             store::CircleStore(session).FindMany(ids, owner->organisation_id)) {
          feed.code_names[circle.id] = circle.code_name;
        }
        return feed;
      });
  if (!feed.open) return NotFound(context);
  const auto& translator = context.services.translator;
  std::vector<domain::CalendarEvent> events;
  for (const auto& meeting : feed.meetings) {
    std::string summary = translator.Format(
        feed.language,
        {N_("{circle}: meeting"), {{"circle", feed.code_names.at(meeting.circle_id)}}});
    if (meeting.kind != domain::MeetingKind::kGroup) {
      summary +=
          " (" + translator.Translate(feed.language, domain::MeetingKindLabel(meeting.kind)) + ")";
    }
    events.push_back({"meeting-" + std::to_string(meeting.id) + "@cercle", meeting.starts,
                      meeting.ends(), summary, meeting.place, meeting.cancelled()});
  }
  Response response;
  response.status = 200;
  response.body = domain::CalendarFeed(
      translator.Translate(feed.language, N_("Cercle — my meetings")), events, now);
  response.SetHeader("Content-Type", "text/calendar; charset=utf-8");
  response.SetHeader("Content-Disposition", "inline; filename=\"cercle.ics\"");
  return response;
}

}  // namespace cercle::web::pages::circles
