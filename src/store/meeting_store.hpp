#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "domain/circle_meetings.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// A meeting with its minutes, when they were written.
struct MeetingRecord {
  domain::Meeting meeting;
  std::optional<domain::Minutes> minutes;
};

// Reads and writes circles' meetings, their minutes and attendance, and the volunteer hours that
// attendance brings, within the caller's transaction. Every query names the organisation, on top of
// row-level security.
class MeetingStore {
 public:
  explicit MeetingStore(soci::session& session) : session_(session) {}

  // Stores a planned meeting; returns its id.
  std::int64_t Insert(const domain::Meeting& meeting);
  // The meeting `id` of `organisation_id` with its minutes, if any.
  std::optional<MeetingRecord> Find(std::int64_t id, std::int64_t organisation_id);
  // Every meeting of a circle with its minutes, by start.
  std::vector<MeetingRecord> OfCircle(std::int64_t circle_id, std::int64_t organisation_id);
  // A circle's planned meetings (no minutes, not cancelled, starting after `now`), by start.
  std::vector<MeetingRecord> PlannedOfCircle(std::int64_t circle_id, std::int64_t organisation_id,
                                             Instant now);
  // One page of a circle's other meetings (started by `now`, cancelled, or with minutes), with
  // their minutes, latest first.
  std::vector<MeetingRecord> PastOfCircle(std::int64_t circle_id, std::int64_t organisation_id,
                                          Instant now, const PageSlice& slice);
  // One page of a circle's meetings held (not cancelled; started by `now` or with minutes), with
  // their minutes, latest first.
  std::vector<MeetingRecord> HeldOfCircle(std::int64_t circle_id, std::int64_t organisation_id,
                                          Instant now, const PageSlice& slice);
  // A circle's held meetings (started by `now`, not cancelled) that have no minutes yet, by start.
  std::vector<MeetingRecord> WithoutMinutesOfCircle(std::int64_t circle_id,
                                                    std::int64_t organisation_id, Instant now);
  // How many meetings PastOfCircle() pages through.
  std::int64_t CountPastOfCircle(std::int64_t circle_id, std::int64_t organisation_id, Instant now);
  // A circle's meetings held (not cancelled) between `from` and `now`, with their minutes, latest
  // first.
  std::vector<MeetingRecord> HeldOfCircleSince(std::int64_t circle_id, std::int64_t organisation_id,
                                               Instant from, Instant now);
  // The start of a circle's latest held meeting (started by `now`, not cancelled), if any.
  std::optional<Instant> LastHeldOfCircle(std::int64_t circle_id, std::int64_t organisation_id,
                                          Instant now);
  // A circle's meetings whose minutes are missing (started by `now`, not cancelled) or not yet
  // acknowledged, with their minutes, by start.
  std::vector<MeetingRecord> UnsettledOfCircle(std::int64_t circle_id, std::int64_t organisation_id,
                                               Instant now);
  // Cancels a meeting that has no minutes; false, with nothing changed, when it was cancelled
  // already or has minutes.
  bool Cancel(std::int64_t id, std::int64_t organisation_id, std::int64_t by, Instant now);

  // Stores minutes and their attendance, and the hours of each volunteer present
  // (`minutes.duration_minutes`, on `held_on`, approved as recorded, described by `description`).
  // False, with nothing stored, when the meeting has minutes already.
  bool InsertMinutes(const domain::Minutes& minutes, CivilDate held_on,
                     const std::string& description);
  // Acknowledges minutes with the coordinator's comment; false, with nothing changed, when they
  // were acknowledged already.
  bool Acknowledge(std::int64_t meeting_id, std::int64_t organisation_id, std::int64_t by,
                   const std::string& comment, Instant now);

  // The start of the latest held meeting (started by `now`, not cancelled) of each of the circles
  // `circle_ids` that has one. Only those circles' meetings are read, whatever the history.
  std::map<std::int64_t, Instant> LastHeldMeetings(const std::vector<std::int64_t>& circle_ids,
                                                   std::int64_t organisation_id, Instant now);
  // The start of the next meeting (after `now`, not cancelled) of each of the circles `circle_ids`
  // that has one.
  std::map<std::int64_t, Instant> NextMeetings(const std::vector<std::int64_t>& circle_ids,
                                               std::int64_t organisation_id, Instant now);
  // The circles of the organisation, closed ones included, that have written minutes nobody has
  // acknowledged yet (read through the unacknowledged minutes only).
  std::vector<std::int64_t> CirclesWithUnacknowledgedMinutes(std::int64_t organisation_id);
  // The held meetings of the circles `circle_ids` whose minutes are missing (circles not closed) or
  // not yet acknowledged, with their minutes.
  std::vector<MeetingRecord> AwaitingMinutesOrAcknowledgement(
      const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id, Instant now);
  // The meetings of the circles `volunteer_id` is a current member of (circles not closed) that
  // start from `from` on, cancelled ones included, by start.
  std::vector<domain::Meeting> ForVolunteerFeed(std::int64_t volunteer_id,
                                                std::int64_t organisation_id, Instant from);
  // The meetings of the circles `circle_ids` that have no minutes and were not cancelled (planned,
  // or held and waiting for their minutes), by start.
  std::vector<MeetingRecord> WithoutMinutesOfCircles(const std::vector<std::int64_t>& circle_ids,
                                                     std::int64_t organisation_id);

 private:
  std::vector<MeetingRecord> Select(const std::string& where, std::int64_t organisation_id,
                                    std::int64_t key, std::optional<long long> now,
                                    std::optional<long long> from = std::nullopt);
  soci::session& session_;
};

}  // namespace cercle::store
