#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_record.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// Whether a list of circles includes the closed ones.
enum class IncludeClosed { kNo, kYes };

// A conflict a volunteer declared with a core member.
struct VolunteerConflict {
  std::int64_t id = 0;
  std::int64_t volunteer_id = 0;
  std::int64_t core_member_id = 0;
  std::string note;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// Reads and writes circles, their members, their phase changes, their covenants (and the
// organisation's template), and what volunteers declared about serving in them, within the caller's
// transaction. Every query names the organisation, on top of row-level security.
class CircleStore {
 public:
  explicit CircleStore(soci::session& session) : session_(session) {}

  // Stores a new circle; returns its id. The caller chose a free code name.
  std::int64_t Insert(const domain::Circle& circle);
  // The circle `id` of `organisation_id`, if any.
  std::optional<domain::Circle> Find(std::int64_t id, std::int64_t organisation_id);
  // The organisation's circles, open ones first by code name, then (with kYes) the closed ones,
  // latest closure first.
  std::vector<domain::Circle> List(std::int64_t organisation_id, IncludeClosed closed);
  // One page of List(): the same circles in the same order, sorted by the database.
  std::vector<domain::Circle> List(std::int64_t organisation_id, IncludeClosed closed,
                                   const PageSlice& slice);
  // How many circles List() holds.
  std::int64_t Count(std::int64_t organisation_id, IncludeClosed closed);
  // The circles `ids` of `organisation_id` (in no particular order).
  std::vector<domain::Circle> FindMany(const std::vector<std::int64_t>& ids,
                                       std::int64_t organisation_id);
  // Every code name the organisation uses.
  std::vector<std::string> CodeNames(std::int64_t organisation_id);
  // The circle of `core_member_id` that is not closed, if any.
  std::optional<domain::Circle> OpenCircleOf(std::int64_t core_member_id,
                                             std::int64_t organisation_id);
  // Stores the offence profile and meeting times.
  void UpdateDetails(const domain::Circle& circle, Instant now);
  // Moves the circle from `from` to `circle.phase` with its phase_since, started_on and closure
  // fields. False, with nothing changed, when it is no longer in `from` (someone else moved it
  // meanwhile).
  bool MovePhase(const domain::Circle& circle, domain::CirclePhase from, Instant now);

  // Stores a stay; returns its id.
  std::int64_t InsertMember(const domain::CircleMember& member);
  // The stay `id` of `organisation_id`, if any.
  std::optional<domain::CircleMember> FindMember(std::int64_t id, std::int64_t organisation_id);
  // Every stay of a circle, current ones first, by joining day.
  std::vector<domain::CircleMember> Members(std::int64_t circle_id, std::int64_t organisation_id);
  // Every stay of one volunteer, in every circle.
  std::vector<domain::CircleMember> StaysOf(std::int64_t volunteer_id,
                                            std::int64_t organisation_id);
  // Ends a current stay; false, with nothing changed, when it had ended already.
  bool EndMember(std::int64_t id, std::int64_t organisation_id, CivilDate left_on,
                 const std::string& reason);
  // Makes the stay `member_id` the circle's primary volunteer, and no other.
  void SetPrimary(std::int64_t circle_id, std::int64_t organisation_id, std::int64_t member_id);
  // How many circles the volunteer is in now: current stays in circles that are not closed.
  int CurrentCircleCount(std::int64_t volunteer_id, std::int64_t organisation_id);
  // The same for every volunteer of the organisation who is in at least one circle.
  std::map<std::int64_t, int> CurrentCircleCounts(std::int64_t organisation_id);

  // The number of current members of each circle of the organisation that has any.
  std::map<std::int64_t, int> CurrentMemberCounts(std::int64_t organisation_id);

  // Stores a phase change; returns its id.
  std::int64_t InsertPhaseChange(const domain::PhaseChange& change, std::int64_t organisation_id);
  // The phase changes of a circle, oldest first.
  std::vector<domain::PhaseChange> PhaseChanges(std::int64_t circle_id,
                                                std::int64_t organisation_id);

  // The organisation's covenant template, if its administrators wrote one.
  std::optional<std::string> CovenantTemplate(std::int64_t organisation_id);
  // Stores the organisation's template.
  void SetCovenantTemplate(std::int64_t organisation_id, const std::string& body, std::int64_t by,
                           Instant now);
  // Stores a new version with the next number (set in `version.version`); returns its id.
  std::int64_t InsertCovenantVersion(domain::CovenantVersion& version);
  // The versions of a circle's covenant, oldest first.
  std::vector<domain::CovenantVersion> CovenantVersions(std::int64_t circle_id,
                                                        std::int64_t organisation_id);
  // Stores a signature; returns its id.
  std::int64_t InsertSignature(const domain::CovenantSignature& signature);
  // Every signature of every version of a circle's covenant.
  std::vector<domain::CovenantSignature> Signatures(std::int64_t circle_id,
                                                    std::int64_t organisation_id);

  // The conflicts volunteers declared, with every core member of the organisation, or with one.
  std::vector<VolunteerConflict> Conflicts(std::int64_t organisation_id);
  std::vector<VolunteerConflict> ConflictsOf(std::int64_t volunteer_id,
                                             std::int64_t organisation_id);
  // The conflict `id` of `organisation_id`, if any.
  std::optional<VolunteerConflict> FindConflict(std::int64_t id, std::int64_t organisation_id);
  // Stores a conflict; false when the volunteer declared one with this core member already.
  bool InsertConflict(const VolunteerConflict& conflict, std::int64_t organisation_id);
  void DeleteConflict(std::int64_t id, std::int64_t organisation_id);
  // The offence profiles each volunteer declined.
  std::map<std::int64_t, std::vector<domain::OffenceProfile>> DeclinedProfiles(
      std::int64_t organisation_id);
  // Replaces the profiles one volunteer declines.
  void ReplaceDeclinedProfiles(std::int64_t volunteer_id, std::int64_t organisation_id,
                               const std::vector<domain::OffenceProfile>& profiles);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
