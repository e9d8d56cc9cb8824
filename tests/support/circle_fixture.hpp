// Circles and what hangs on them (members, meetings and minutes, contacts, partner contacts and
// their agreements, declared conflicts, calendar tokens), made straight through the stores of a
// TestServer, so that the HTTP tests of the circle pages and the authorisation matrix reach the
// state they check quickly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "domain/circle.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_record.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {

// A weekly circle of a new file with one active volunteer, as CircleFixture::CreateWeeklyCircle
// makes it.
struct WeeklyCircle {
  std::int64_t core_member_id = 0;
  std::int64_t circle_id = 0;
  std::int64_t volunteer_id = 0;  // its primary member
};

// Builds circles' records through the stores of one TestServer. Not thread-safe.
class CircleFixture {
 public:
  explicit CircleFixture(TestServer& server) : server_(server) {}

  // The test clock's today in the server's time zone.
  CivilDate Today();
  // A circle of `core_member_id` with the next free code name, in `phase` since `phase_since`,
  // started on `started_on` (for phases past forming), with the first version of its covenant.
  std::int64_t CreateCircle(std::int64_t organisation_id, std::int64_t core_member_id,
                            domain::CirclePhase phase, CivilDate phase_since,
                            std::optional<CivilDate> started_on = {});
  // A weekly circle of a new file (`legal_name`, `file_number`), started `days_ago` days ago, with
  // one active volunteer (`first_name` `last_name`, linked to the account `user_id` when given) as
  // its primary member since then.
  WeeklyCircle CreateWeeklyCircle(std::int64_t organisation_id, const std::string& legal_name,
                                  const std::string& file_number, int days_ago,
                                  const std::string& first_name, const std::string& last_name,
                                  std::optional<std::int64_t> user_id = {});
  // Closes the circle on `closed_on` (completed).
  void CloseCircle(std::int64_t organisation_id, std::int64_t circle_id, CivilDate closed_on);
  // A stay of `volunteer_id` in the circle from `joined_on`, straight in the store (no gate).
  std::int64_t AddMember(std::int64_t organisation_id, std::int64_t circle_id,
                         std::int64_t volunteer_id, CivilDate joined_on, bool primary = false);
  // A meeting of the circle starting at `starts` (2 hours, "Local communautaire"), the minutes
  // asked of `writer` when given.
  std::int64_t AddMeeting(std::int64_t organisation_id, std::int64_t circle_id, Instant starts,
                          std::optional<std::int64_t> writer = {},
                          domain::MeetingKind kind = domain::MeetingKind::kGroup);
  // Minutes of a held meeting written by `writer` (present with `others`), submitted at
  // `submitted`.
  void AddMinutes(std::int64_t organisation_id, std::int64_t meeting_id, std::int64_t writer,
                  const std::vector<std::int64_t>& others, Instant submitted);
  // A meeting `days_ago` days ago at 19:00 UTC whose minutes `writer` sent the next morning,
  // waiting for the coordinator; returns the meeting.
  std::int64_t AddMinutesToRead(std::int64_t organisation_id, std::int64_t circle_id,
                                std::int64_t writer, int days_ago);
  // A contact logged by `volunteer_id` on `on`.
  std::int64_t AddContact(std::int64_t organisation_id, std::int64_t circle_id,
                          std::int64_t volunteer_id, CivilDate on);
  // A partner contact (parole officer), linked to the account `user_id` when given.
  std::int64_t AddPartnerContact(std::int64_t organisation_id, const std::string& name,
                                 std::optional<std::int64_t> user_id = {});
  // An information-sharing agreement attaching `contact_id` to the circle from `starts_on` (to
  // `ends_on`).
  std::int64_t AddAgreement(std::int64_t organisation_id, std::int64_t contact_id,
                            std::int64_t circle_id, CivilDate starts_on,
                            std::optional<CivilDate> ends_on = {},
                            std::optional<std::int64_t> document_id = {});
  // A conflict `volunteer_id` declared with `core_member_id`; returns its id.
  std::int64_t AddConflict(std::int64_t organisation_id, std::int64_t volunteer_id,
                           std::int64_t core_member_id);
  // A calendar feed for the volunteer; returns the token of its address.
  std::string CreateCalendarToken(std::int64_t organisation_id, std::int64_t volunteer_id);
  // The stored circle.
  domain::Circle Stored(std::int64_t organisation_id, std::int64_t circle_id);
  // The instant `minute` minutes after midnight UTC on `day` (the afternoon or evening in
  // Montréal).
  static Instant At(CivilDate day, int minute);

 private:
  TestServer& server_;
};

}  // namespace cercle::testing
