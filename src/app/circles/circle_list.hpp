#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "app/circles/circle_attention.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/core_member.hpp"
#include "store/circle_store.hpp"
#include "store/page_slice.hpp"

// The organisation's circles: the list, and opening a circle for a core member.
namespace cercle::app::circles {

// One page of the circle list and what its rows show.
struct CircleListPage {
  std::int64_t total = 0;               // circles in the whole list
  std::vector<domain::Circle> circles;  // the page's, open ones first
  std::map<std::int64_t, std::string> core_member_names;
  std::map<std::int64_t, int> member_counts;
  std::map<std::int64_t, Instant> next_meetings;
  // The flags of the page's circles.
  std::map<std::int64_t, std::vector<domain::CircleFlag>> flags;
};

// The page of the list that `page_of(total)` picks: counts and dates come from queries that group
// by circle, the flags from the page's circles only. Forbidden for an actor who may not manage
// circles.
Result<CircleListPage> LoadCircleList(
    const Services& services, const auth::Actor& actor, store::IncludeClosed closed,
    const std::function<store::PageSlice(std::int64_t total)>& page_of);

// The open files without an open circle: the core members a circle can be opened for. Forbidden
// for an actor who may not manage circles.
Result<std::vector<domain::CoreMember>> LoadCoreMembersWithoutCircle(const Services& services,
                                                                     const auth::Actor& actor);

// A new circle for a core member.
struct OpenCommand {
  std::optional<std::int64_t> core_member_id;  // none when the form named nobody
  domain::CircleDetails details;
};

// Opens the circle with the next free code name, forming since today, with its opening recorded
// and the first version of its covenant from the organisation's template (or the default one in
// the actor's language); audited "circle.create". Refuses a closed file or a core member whose
// circle is not closed (field "core_member"). Returns the new circle's id.
Result<std::int64_t> Open(const Services& services, const auth::Actor& actor,
                          const OpenCommand& command);

}  // namespace cercle::app::circles
