#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/circle_flags.hpp"
#include "store/meeting_store.hpp"
#include "web/context.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/home/attention.hpp"

// The circles' flags for the coordinator's home page and the circle list: circles without a meeting
// for longer than their phase allows, minutes past 48 hours or waiting to be acknowledged, reviews
// and renewals due within 30 days, circles without contact for N days.
namespace cercle::web::pages::circles {

// What the flags of an organisation's open circles need, read in a few queries whatever the number
// of circles.
struct OrganisationActivity {
  std::vector<domain::Circle> circles;        // the open ones
  std::map<std::int64_t, std::string> names;  // each circle's "Cercle A (Marcel)"
  std::map<std::int64_t, Instant> last_meetings;
  std::map<std::int64_t, domain::CivilDate> last_contacts;
  std::map<std::int64_t, std::vector<domain::CircleReview>> reviews;
  std::vector<store::MeetingRecord>
      awaiting;  // held meetings whose minutes are missing or unacknowledged
  CircleSettings settings;
};

// Reads the activity of the actor's organisation.
OrganisationActivity LoadActivity(Context& context);

// Reads, in the caller's transaction, the activity of `circles` only (a page of the circle list):
// their flags, without the names (the list names each circle itself).
OrganisationActivity LoadActivityOf(Context& context, soci::session& session,
                                    const std::vector<domain::Circle>& circles);

// Every flag of the organisation's circles on today, by circle.
std::map<std::int64_t, std::vector<domain::CircleFlag>> FlagsByCircle(
    Context& context, const OrganisationActivity& activity);

// A flag as a sentence in the reader's language, naming the circle as `circle_name`.
std::string FlagText(const Context& context, const domain::CircleFlag& flag,
                     const std::string& circle_name);
// Where to deal with a flag.
std::string FlagHref(const domain::CircleFlag& flag);

// The coordinator's home page items of the circles (attention.cpp lists this source).
std::vector<home::AttentionItem> Attention(Context& context);

}  // namespace cercle::web::pages::circles
