#include "store/meeting_store.hpp"

#include "store/circle_rows.hpp"
#include "store/circle_tables.hpp"
#include "store/table.hpp"
#include "store/volunteer_hours_store.hpp"

namespace cercle::store {
namespace {

// A meeting and its minutes in one row (the minutes' columns are NULL when there are none).
constexpr const char* kColumns = R"sql(
SELECT {meeting}, {minutes}
  FROM circle_meetings m LEFT JOIN circle_minutes n ON n.meeting_id = m.id
 WHERE m.organisation_id = :organisation
 )sql";
constexpr const char* kAttendance = R"sql(
SELECT a.meeting_id, a.volunteer_id
  FROM circle_attendance a JOIN circle_meetings m ON m.id = a.meeting_id
 WHERE a.organisation_id = :organisation AND m.organisation_id = :meeting_organisation
 )sql";
constexpr const char* kCancel = R"sql(
UPDATE circle_meetings
   SET cancelled_at = :now, cancelled_by = :by
 WHERE id = :id AND organisation_id = :organisation AND cancelled_at IS NULL AND NOT EXISTS (SELECT 1
  FROM circle_minutes n
 WHERE n.meeting_id = circle_meetings.id)
)sql";
constexpr const char* kInsertMinutes = R"sql(
INSERT INTO circle_minutes (meeting_id, organisation_id, written_by_volunteer_id, written_by,
       duration_minutes, core_member_present, check_in, accountability, support, decisions,
       next_steps, submitted_at)
VALUES (:meeting, :organisation, :volunteer, :by, :duration, :present, :check_in,
       :accountability, :support, :decisions, :next_steps, :at)
ON CONFLICT (meeting_id) DO NOTHING
)sql";
constexpr const char* kInsertAttendance = R"sql(
INSERT INTO circle_attendance (meeting_id, volunteer_id, organisation_id)
VALUES (:meeting, :volunteer, :organisation)
)sql";
constexpr const char* kAcknowledge = R"sql(
UPDATE circle_minutes
   SET acknowledged_by = :by, acknowledged_at = :now, coordinator_comment = :comment
 WHERE meeting_id = :meeting AND organisation_id = :organisation AND acknowledged_at IS NULL
)sql";
// The circles' ids are appended to both, as "(1, 2, 3)", then " GROUP BY circle_id".
constexpr const char* kLastHeld = R"sql(
SELECT circle_id, max(starts_at)
  FROM circle_meetings
 WHERE organisation_id = :organisation AND cancelled_at IS NULL AND starts_at <= :now
   AND circle_id IN )sql";

// A circle's meetings that are still planned, and the others (held, cancelled or with minutes).
constexpr const char* kPlannedOfCircle = R"sql(
AND m.circle_id = :key AND n.meeting_id IS NULL AND m.cancelled_at IS NULL AND m.starts_at > :now
 ORDER BY m.starts_at, m.id
)sql";
constexpr const char* kPastOfCircle = R"sql(
AND m.circle_id = :key AND (n.meeting_id IS NOT NULL OR m.cancelled_at IS NOT NULL OR m.starts_at <= :now)
 ORDER BY m.starts_at DESC, m.id DESC
)sql";
constexpr const char* kHeldOfCircle = R"sql(
AND m.circle_id = :key AND m.cancelled_at IS NULL AND (n.meeting_id IS NOT NULL OR m.starts_at <= :now)
 ORDER BY m.starts_at DESC, m.id DESC
)sql";
constexpr const char* kWithoutMinutesOfCircle = R"sql(
AND m.circle_id = :key AND n.meeting_id IS NULL AND m.cancelled_at IS NULL AND m.starts_at <= :now
 ORDER BY m.starts_at, m.id
)sql";
constexpr const char* kCountPastOfCircle = R"sql(
SELECT count(*)
  FROM circle_meetings m
 WHERE m.organisation_id = :organisation AND m.circle_id = :circle AND (m.cancelled_at IS NOT NULL OR m.starts_at <= :now OR EXISTS (SELECT 1
  FROM circle_minutes n
 WHERE n.meeting_id = m.id))
)sql";
constexpr const char* kHeldOfCircleSince = R"sql(
AND m.circle_id = :key AND m.cancelled_at IS NULL AND m.starts_at <= :now AND m.starts_at >= :from
 ORDER BY m.starts_at DESC, m.id DESC
)sql";
constexpr const char* kLastHeldOfCircle = R"sql(
SELECT max(starts_at)
  FROM circle_meetings
 WHERE organisation_id = :organisation AND circle_id = :circle AND cancelled_at IS NULL AND starts_at <= :now
)sql";
constexpr const char* kUnsettledOfCircle = R"sql(
AND m.circle_id = :key AND n.acknowledged_at IS NULL AND (n.meeting_id IS NOT NULL OR (m.cancelled_at IS NULL AND m.starts_at <= :now))
 ORDER BY m.starts_at, m.id
)sql";

// Held meetings whose minutes are missing or not acknowledged, of circles still open (or, for
// written minutes, closed since).
constexpr const char* kAwaiting = R"sql(
AND m.cancelled_at IS NULL AND m.starts_at <= :now AND n.acknowledged_at IS NULL AND EXISTS (SELECT 1
  FROM circles c
 WHERE c.id = m.circle_id AND c.organisation_id = m.organisation_id AND (c.phase <> 'closed' OR n.meeting_id IS NOT NULL))
)sql";

constexpr const char* kNext = R"sql(
SELECT circle_id, min(starts_at)
  FROM circle_meetings
 WHERE organisation_id = :organisation AND cancelled_at IS NULL AND starts_at > :now
   AND circle_id IN )sql";
// CROSS JOIN keeps SQLite reading the few unacknowledged minutes first
// (circle_minutes_acknowledged) rather than every meeting of the organisation; PostgreSQL reads it
// as the inner join it is.
constexpr const char* kWithUnacknowledged = R"sql(
SELECT DISTINCT m.circle_id
  FROM circle_minutes n CROSS JOIN circle_meetings m
 WHERE m.id = n.meeting_id AND n.organisation_id = :organisation AND n.acknowledged_at IS NULL
   AND m.organisation_id = :organisation
 ORDER BY m.circle_id
)sql";

// The instant `query` (kLastHeld or kNext) reads of each of the circles `circle_ids` that has one.
std::map<std::int64_t, Instant> StartsOfCircles(soci::session& session, const char* query,
                                                const std::vector<std::int64_t>& circle_ids,
                                                std::int64_t organisation_id, Instant now) {
  if (circle_ids.empty()) return {};
  return ReadMap<std::map<std::int64_t, Instant>>(
      session, std::string(query) + "(" + IdList(circle_ids) + ") GROUP BY circle_id",
      Params({{"organisation", organisation_id}, {"now", ToUnix(now)}}));
}

// kColumns with the columns of both tables, qualified.
const std::string& MeetingQuery() {
  static const std::string query =
      Replaced(Replaced(kColumns, "{meeting}", ColumnsOf<tables::Meetings>("m")), "{minutes}",
               Qualified("n", tables::MeetingMinutes::kList));
  return query;
}

// A row of kColumns.
struct MeetingRow {
  TableRow<tables::Meetings> meeting;
  TableRow<tables::MeetingMinutes> minutes;

  void Into(soci::statement& statement) {
    meeting.Into(statement);
    minutes.Into(statement);
  }
  MeetingRecord Take() const {
    MeetingRecord record{meeting.Take(), std::nullopt};
    // A meeting without minutes reads NULL in every column of them, meeting_id 0 among them.
    auto written = minutes.Take();
    if (written.meeting_id != 0) record.minutes = std::move(written);
    return record;
  }
};

// Adds to each of `records` that has minutes the volunteers present, in one more query.
void AddAttendance(soci::session& session, std::int64_t organisation_id,
                   std::vector<MeetingRecord>& records) {
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!records[i].minutes) continue;
    ids.push_back(records[i].meeting.id);
    index[records[i].meeting.id] = i;
  }
  if (ids.empty()) return;
  for (const auto& [meeting_id, volunteer_id] :
       FetchAll<TableRow<ValueRow<std::int64_t, std::int64_t>>>(
           session, std::string(kAttendance) + "AND a.meeting_id IN (" + IdList(ids) + ")",
           Params(
               {{"organisation", organisation_id}, {"meeting_organisation", organisation_id}}))) {
    const auto found = index.find(meeting_id);
    if (found != index.end())
      records[found->second].minutes->present_volunteers.push_back(volunteer_id);
  }
}

}  // namespace

std::vector<MeetingRecord> MeetingStore::Select(const std::string& where,
                                                std::int64_t organisation_id, std::int64_t key,
                                                std::optional<long long> now,
                                                std::optional<long long> from) {
  const long long now_value = now.value_or(0), from_value = from.value_or(0);
  auto records =
      FetchAll<MeetingRow>(session_, MeetingQuery() + where, [&](soci::statement& statement) {
        statement.exchange(soci::use(organisation_id, "organisation"));
        if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
        if (now) statement.exchange(soci::use(now_value, "now"));
        if (from) statement.exchange(soci::use(from_value, "from"));
      });
  AddAttendance(session_, organisation_id, records);
  return records;
}

std::int64_t MeetingStore::Insert(const domain::Meeting& meeting) {
  return store::Insert<tables::Meetings>(session_, meeting);
}

std::optional<MeetingRecord> MeetingStore::Find(std::int64_t id, std::int64_t organisation_id) {
  auto records = Select("AND m.id = :key", organisation_id, id, std::nullopt);
  if (records.empty()) return std::nullopt;
  return records.front();
}

std::vector<MeetingRecord> MeetingStore::OfCircle(std::int64_t circle_id,
                                                  std::int64_t organisation_id) {
  return Select("AND m.circle_id = :key ORDER BY m.starts_at, m.id", organisation_id, circle_id,
                std::nullopt);
}

std::vector<MeetingRecord> MeetingStore::PlannedOfCircle(std::int64_t circle_id,
                                                         std::int64_t organisation_id,
                                                         Instant now) {
  return Select(kPlannedOfCircle, organisation_id, circle_id, ToUnix(now));
}

std::vector<MeetingRecord> MeetingStore::PastOfCircle(std::int64_t circle_id,
                                                      std::int64_t organisation_id, Instant now,
                                                      const PageSlice& slice) {
  return Select(std::string(kPastOfCircle) + LimitClause(slice), organisation_id, circle_id,
                ToUnix(now));
}

std::vector<MeetingRecord> MeetingStore::HeldOfCircle(std::int64_t circle_id,
                                                      std::int64_t organisation_id, Instant now,
                                                      const PageSlice& slice) {
  return Select(std::string(kHeldOfCircle) + LimitClause(slice), organisation_id, circle_id,
                ToUnix(now));
}

std::vector<MeetingRecord> MeetingStore::WithoutMinutesOfCircle(std::int64_t circle_id,
                                                                std::int64_t organisation_id,
                                                                Instant now) {
  return Select(kWithoutMinutesOfCircle, organisation_id, circle_id, ToUnix(now));
}

std::int64_t MeetingStore::CountPastOfCircle(std::int64_t circle_id, std::int64_t organisation_id,
                                             Instant now) {
  return FetchValue<std::int64_t>(
             session_, kCountPastOfCircle,
             Params(
                 {{"organisation", organisation_id}, {"circle", circle_id}, {"now", ToUnix(now)}}))
      .value_or(0);
}

std::vector<MeetingRecord> MeetingStore::HeldOfCircleSince(std::int64_t circle_id,
                                                           std::int64_t organisation_id,
                                                           Instant from, Instant now) {
  return Select(kHeldOfCircleSince, organisation_id, circle_id, ToUnix(now), ToUnix(from));
}

std::optional<Instant> MeetingStore::LastHeldOfCircle(std::int64_t circle_id,
                                                      std::int64_t organisation_id, Instant now) {
  return FetchValue<Instant>(
      session_, kLastHeldOfCircle,
      Params({{"organisation", organisation_id}, {"circle", circle_id}, {"now", ToUnix(now)}}));
}

std::vector<MeetingRecord> MeetingStore::UnsettledOfCircle(std::int64_t circle_id,
                                                           std::int64_t organisation_id,
                                                           Instant now) {
  return Select(kUnsettledOfCircle, organisation_id, circle_id, ToUnix(now));
}

std::vector<MeetingRecord> MeetingStore::WithoutMinutesOfCircles(
    const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id) {
  if (circle_ids.empty()) return {};
  return Select("AND m.circle_id IN (" + IdList(circle_ids) +
                    ") AND n.meeting_id IS NULL AND m.cancelled_at IS NULL"
                    " ORDER BY m.starts_at, m.id",
                organisation_id, 0, std::nullopt);
}

bool MeetingStore::Cancel(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                          Instant now) {
  return Change(session_, kCancel,
                Params({{"now", ToUnix(now)},
                        {"by", by},
                        {"id", id},
                        {"organisation", organisation_id}})) == 1;
}

bool MeetingStore::InsertMinutes(const domain::Minutes& minutes, CivilDate held_on,
                                 const std::string& description) {
  auto by = circle_rows::Nullable(minutes.written_by);
  const int present = minutes.core_member_present ? 1 : 0;
  const long long at = ToUnix(minutes.submitted_at);
  soci::statement statement =
      (session_.prepare << kInsertMinutes, soci::use(minutes.meeting_id, "meeting"),
       soci::use(minutes.organisation_id, "organisation"),
       soci::use(minutes.written_by_volunteer_id, "volunteer"),
       soci::use(by.value, by.indicator, "by"), soci::use(minutes.duration_minutes, "duration"),
       soci::use(present, "present"), soci::use(minutes.check_in, "check_in"),
       soci::use(minutes.accountability, "accountability"), soci::use(minutes.support, "support"),
       soci::use(minutes.decisions, "decisions"), soci::use(minutes.next_steps, "next_steps"),
       soci::use(at, "at"));
  statement.execute(true);
  if (statement.get_affected_rows() != 1) return false;
  for (const auto volunteer : minutes.present_volunteers) {
    session_ << kInsertAttendance, soci::use(minutes.meeting_id, "meeting"),
        soci::use(volunteer, "volunteer"), soci::use(minutes.organisation_id, "organisation");
    // Attendance is approved as it is recorded, as training attendance is.
    InsertHours(session_,
                {.organisation_id = minutes.organisation_id,
                 .volunteer_id = volunteer,
                 .worked_on = held_on,
                 .minutes = minutes.duration_minutes,
                 .kind = domain::HoursKind::kCircleMeeting,
                 .status = domain::HoursStatus::kApproved,
                 .description = description},
                {.logged_by = minutes.written_by,
                 .logged_at = minutes.submitted_at,
                 .reviewed_at = minutes.submitted_at,
                 .meeting_id = minutes.meeting_id});
  }
  return true;
}

bool MeetingStore::Acknowledge(std::int64_t meeting_id, std::int64_t organisation_id,
                               std::int64_t by, const std::string& comment, Instant now) {
  return Change(session_, kAcknowledge,
                Bindings{{{"by", by},
                          {"now", ToUnix(now)},
                          {"meeting", meeting_id},
                          {"organisation", organisation_id}},
                         {{"comment", comment}}}) == 1;
}

std::map<std::int64_t, Instant> MeetingStore::LastHeldMeetings(
    const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id, Instant now) {
  return StartsOfCircles(session_, kLastHeld, circle_ids, organisation_id, now);
}

std::map<std::int64_t, Instant> MeetingStore::NextMeetings(
    const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id, Instant now) {
  return StartsOfCircles(session_, kNext, circle_ids, organisation_id, now);
}

std::vector<std::int64_t> MeetingStore::CirclesWithUnacknowledgedMinutes(
    std::int64_t organisation_id) {
  std::vector<std::int64_t> ids;
  for (const auto& [id] : FetchAll<TableRow<ValueRow<std::int64_t>>>(
           session_, kWithUnacknowledged, Params({{"organisation", organisation_id}}))) {
    ids.push_back(id);
  }
  return ids;
}

std::vector<MeetingRecord> MeetingStore::AwaitingMinutesOrAcknowledgement(
    const std::vector<std::int64_t>& circle_ids, std::int64_t organisation_id, Instant now) {
  if (circle_ids.empty()) return {};
  return Select(std::string(kAwaiting) + " AND m.circle_id IN (" + IdList(circle_ids) +
                    ") ORDER BY m.starts_at, m.id",
                organisation_id, 0, ToUnix(now));
}

std::vector<domain::Meeting> MeetingStore::ForVolunteerFeed(std::int64_t volunteer_id,
                                                            std::int64_t organisation_id,
                                                            Instant from) {
  std::vector<domain::Meeting> meetings;
  for (auto& record :
       Select("AND m.starts_at >= :now AND m.circle_id IN (SELECT s.circle_id FROM circle_members "
              "s JOIN circles c"
              " ON c.id = s.circle_id WHERE s.organisation_id = m.organisation_id AND "
              "s.volunteer_id = :key"
              " AND s.left_on IS NULL AND c.phase <> 'closed') ORDER BY m.starts_at, m.id",
              organisation_id, volunteer_id, ToUnix(from))) {
    meetings.push_back(std::move(record.meeting));
  }
  return meetings;
}

}  // namespace cercle::store
