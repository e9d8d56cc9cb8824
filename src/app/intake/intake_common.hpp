#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/field_errors.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/core_member.hpp"
#include "store/user_store.hpp"

// What the intake workflows (core members' files, referrals, eligibility criteria, documents)
// share: the organisation's users by id, "who viewed this", the visible file, and the merge of a
// form's parse errors with a rule's check.
namespace cercle::app::intake {

// The organisation's users, by id, to name who did what.
using Users = std::map<std::int64_t, store::User>;

// True when `user` is active staff who can be given a file: a coordinator or an organisation admin.
bool IsFileStaff(const store::User& user);

// True when user `user_id`, read in `unit`, is file staff of `actor`'s organisation.
bool IsOrganisationStaff(store::Unit& unit, const auth::Actor& actor, std::int64_t user_id);

// The users of `actor`'s organisation (none for an actor without one).
Users LoadUsers(const Services& services, const auth::Actor& actor);

// One entry of "who viewed this record".
struct Viewer {
  std::optional<std::int64_t> user_id;
  Instant at;
};

// The latest entries with exactly `action` on the object (at most 50), newest first.
std::vector<Viewer> LoadViewers(const Services& services, const auth::Actor& actor,
                                const std::string& action, const std::string& object_type,
                                std::int64_t object_id);

// The file `id`, when `actor` may see it; none for a missing file, another organisation's file or
// an actor the policy refuses.
std::optional<domain::CoreMember> FindVisibleCoreMember(const Services& services,
                                                        const auth::Actor& actor, std::int64_t id);

// The file `id` read in `unit`, when `actor` may see and change it; NotFound otherwise.
Result<domain::CoreMember> FindChangeableFile(store::Unit& unit, const auth::Actor& actor,
                                              std::int64_t id);

// Which page of a list a caller asks for, 1-based, and how many rows a page holds.
struct PageRequest {
  std::int64_t page = 1;
  std::int64_t size = 50;
};

// The page of `request` among `total` rows: past the end reads as the last page.
std::int64_t ClampPage(const PageRequest& request, std::int64_t total);

}  // namespace cercle::app::intake
