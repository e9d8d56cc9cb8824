// The volunteers' calendar feeds: /calendar/TOKEN.ics, one per volunteer, holding the meetings of
// the circles they are a member of now. The token is the credential (this is the one place a token
// is in a URL, by the nature of calendar subscriptions): only its keyed hash is stored, and a reset
// replaces it. The feed names no one: "Cercle A : rencontre", a place and a time.
#include "app/circles/calendar_feed.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/icalendar.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_pages.hpp"

namespace cercle::web::pages::circles {
namespace {

Response NotFound(Context& context) {
  return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
}

// The feed's events in the volunteer's language: "Cercle A : rencontre", a place and a time.
std::vector<domain::CalendarEvent> FeedEvents(const Context& context,
                                              const app::circles::CalendarFeedPage& feed) {
  const auto& translator = context.services.translator;
  std::vector<domain::CalendarEvent> events;
  for (const auto& meeting : feed.meetings) {
    std::string summary = translator.Format(
        feed.language,
        {N_("{circle}: meeting"), {{"circle", feed.code_names.at(meeting.circle_id)}}});
    if (meeting.kind != domain::MeetingKind::kGroup) {
      summary += " (" + translator.Translate(feed.language, domain::LabelOf(meeting.kind)) + ")";
    }
    // The venue's name, or the mode: never a person's name.
    const auto mode = domain::ModeShownInsteadOfPlace(meeting);
    const std::string place = mode ? translator.Translate(feed.language, *mode) : meeting.place;
    events.push_back({"meeting-" + std::to_string(meeting.id) + "@cercle", meeting.starts,
                      meeting.ends(), summary, place, meeting.cancelled()});
  }
  return events;
}

}  // namespace

Response CalendarFeed(Context& context) {
  const std::string& file = context.Parameter("feed");
  if (!file.ends_with(".ics")) return NotFound(context);
  const auto feed =
      app::circles::LoadCalendarFeed(context.services.app, file.substr(0, file.size() - 4));
  if (!feed) return NotFound(context);
  Response response = Response::Document(
      200,
      domain::CalendarFeed(
          context.services.translator.Translate(feed->language, N_("Cercle — my meetings")),
          FeedEvents(context, *feed), context.services.clock.Now()),
      "text/calendar; charset=utf-8");
  response.SetHeader("Content-Disposition", "inline; filename=\"cercle.ics\"");
  return response;
}

}  // namespace cercle::web::pages::circles
