#pragma once

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "store/unit.hpp"

namespace cercle::app {

// What a command on one record shares: in one write transaction of the actor's scope,
// `find(unit, actor, id)` reads record `id` (and refuses, NotFound, when the actor may not change
// it), `change(unit, record)` changes it and returns a Result, and when that holds a value the
// audit entry `audited` names record `id`. Returns what `change` returns.
template <class Find, class Change>
auto ChangeRecord(const Services& services, const auth::Actor& actor, Audited audited, Find&& find,
                  std::int64_t id, Change&& change) {
  using Record = std::remove_cvref_t<decltype(*find(std::declval<store::Unit&>(), actor, id))>;
  using Returned = decltype(change(std::declval<store::Unit&>(), std::declval<Record&>()));
  audited.object_id = std::to_string(id);
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Returned {
    auto record = TRY(find(unit, actor, id));
    auto changed = change(unit, record);
    if (changed) Audit(services, unit, actor, audited);
    return changed;
  });
}

}  // namespace cercle::app
