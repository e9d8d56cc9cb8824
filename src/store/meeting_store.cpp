#include "store/meeting_store.hpp"

#include "store/circle_rows.hpp"

namespace cercle::store {
namespace {

using namespace circle_rows;

// A meeting and its minutes in one row (the minutes' columns are NULL when there are none).
constexpr const char* kColumns = R"sql(
SELECT m.id, m.organisation_id, m.circle_id, m.kind, m.starts_at, m.duration_minutes,
       m.place, m.writer_volunteer_id, m.cancelled_at, m.created_by, m.created_at,
       n.meeting_id, n.written_by_volunteer_id, n.written_by, n.duration_minutes,
       n.core_member_present, n.check_in, n.accountability, n.support, n.decisions,
       n.next_steps, n.submitted_at, n.acknowledged_by, n.acknowledged_at,
       n.coordinator_comment
  FROM circle_meetings m LEFT JOIN circle_minutes n ON n.meeting_id = m.id
 WHERE m.organisation_id = :organisation
 )sql";
constexpr const char* kAttendance = R"sql(
SELECT a.meeting_id, a.volunteer_id
  FROM circle_attendance a JOIN circle_meetings m ON m.id = a.meeting_id
 WHERE a.organisation_id = :organisation AND m.organisation_id = :meeting_organisation
 )sql";
constexpr const char* kInsert = R"sql(
INSERT INTO circle_meetings (organisation_id, circle_id, kind, starts_at, duration_minutes,
       place, writer_volunteer_id, created_by, created_at)
VALUES (:organisation, :circle, :kind, :starts, :duration, :place, :writer, :by, :at)
RETURNING id
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
// Attendance is approved as it is recorded, as training attendance is.
constexpr const char* kInsertHours = R"sql(
INSERT INTO volunteer_hours (organisation_id, volunteer_id, worked_on, minutes, kind,
       description, status, logged_by, logged_at, reviewed_at, meeting_id)
VALUES (:organisation, :volunteer, :worked_on, :minutes, 'circle_meeting', :description,
       'approved', :by, :at, :reviewed_at, :meeting)
)sql";
constexpr const char* kAcknowledge = R"sql(
UPDATE circle_minutes
   SET acknowledged_by = :by, acknowledged_at = :now, coordinator_comment = :comment
 WHERE meeting_id = :meeting AND organisation_id = :organisation AND acknowledged_at IS NULL
)sql";
constexpr const char* kLastHeld = R"sql(
SELECT circle_id, max(starts_at)
  FROM circle_meetings
 WHERE organisation_id = :organisation AND cancelled_at IS NULL AND starts_at <= :now
 GROUP BY circle_id
)sql";

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
 GROUP BY circle_id
)sql";

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
  std::int64_t meeting_id = 0, volunteer_id = 0;
  soci::statement attendance =
      (session.prepare << std::string(kAttendance) + "AND a.meeting_id IN (" + IdList(ids) + ")",
       soci::use(organisation_id, "organisation"),
       soci::use(organisation_id, "meeting_organisation"), soci::into(meeting_id),
       soci::into(volunteer_id));
  attendance.execute();
  while (attendance.fetch()) {
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
  domain::Meeting meeting;
  domain::Minutes minutes;
  std::string kind;
  long long starts = 0, cancelled = 0, created = 0, submitted = 0, acknowledged_at = 0;
  std::int64_t writer = 0, created_by = 0, minutes_meeting = 0, written_by_volunteer = 0,
               written_by = 0, acknowledged_by = 0;
  int minutes_duration = 0, present = 0;
  std::string check_in, accountability, support, decisions, next_steps, comment;
  soci::indicator writer_indicator, cancelled_indicator, created_by_indicator, minutes_indicator,
      written_volunteer_indicator, written_by_indicator, duration_indicator, present_indicator,
      check_in_indicator, accountability_indicator, support_indicator, decisions_indicator,
      next_steps_indicator, submitted_indicator, acknowledged_by_indicator,
      acknowledged_at_indicator, comment_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kColumns) + where, soci::into(meeting.id),
       soci::into(meeting.organisation_id), soci::into(meeting.circle_id), soci::into(kind),
       soci::into(starts), soci::into(meeting.duration_minutes), soci::into(meeting.place),
       soci::into(writer, writer_indicator), soci::into(cancelled, cancelled_indicator),
       soci::into(created_by, created_by_indicator), soci::into(created),
       soci::into(minutes_meeting, minutes_indicator),
       soci::into(written_by_volunteer, written_volunteer_indicator),
       soci::into(written_by, written_by_indicator),
       soci::into(minutes_duration, duration_indicator), soci::into(present, present_indicator),
       soci::into(check_in, check_in_indicator),
       soci::into(accountability, accountability_indicator), soci::into(support, support_indicator),
       soci::into(decisions, decisions_indicator), soci::into(next_steps, next_steps_indicator),
       soci::into(submitted, submitted_indicator),
       soci::into(acknowledged_by, acknowledged_by_indicator),
       soci::into(acknowledged_at, acknowledged_at_indicator),
       soci::into(comment, comment_indicator));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  long long now_value = now.value_or(0);
  if (now) statement.exchange(soci::use(now_value, "now"));
  long long from_value = from.value_or(0);
  if (from) statement.exchange(soci::use(from_value, "from"));
  statement.define_and_bind();
  statement.execute();
  std::vector<MeetingRecord> records;
  while (statement.fetch()) {
    MeetingRecord record;
    record.meeting = meeting;
    record.meeting.kind =
        domain::ParseEnum<domain::MeetingKind>(kind).value_or(domain::MeetingKind::kGroup);
    record.meeting.starts = FromUnix(starts);
    record.meeting.writer_volunteer_id = Id(writer, writer_indicator);
    record.meeting.cancelled_at = Time(cancelled, cancelled_indicator);
    record.meeting.created_by = Id(created_by, created_by_indicator);
    record.meeting.created_at = FromUnix(created);
    if (minutes_indicator == soci::i_ok) {
      domain::Minutes written;
      written.meeting_id = minutes_meeting;
      written.organisation_id = meeting.organisation_id;
      written.written_by_volunteer_id = written_by_volunteer;
      written.written_by = Id(written_by, written_by_indicator);
      written.duration_minutes = minutes_duration;
      written.core_member_present = present != 0;
      written.check_in = check_in;
      written.accountability = accountability;
      written.support = support;
      written.decisions = decisions;
      written.next_steps = next_steps;
      written.submitted_at = FromUnix(submitted);
      written.acknowledged_by = Id(acknowledged_by, acknowledged_by_indicator);
      written.acknowledged_at = Time(acknowledged_at, acknowledged_at_indicator);
      written.coordinator_comment = comment_indicator == soci::i_ok ? comment : "";
      record.minutes = std::move(written);
    }
    records.push_back(std::move(record));
  }
  AddAttendance(session_, organisation_id, records);
  return records;
}

std::int64_t MeetingStore::Insert(const domain::Meeting& meeting) {
  std::int64_t id = 0;
  const std::string kind(domain::NameOf(meeting.kind));
  const long long starts = ToUnix(meeting.starts), at = ToUnix(meeting.created_at);
  auto writer = Nullable(meeting.writer_volunteer_id);
  auto by = Nullable(meeting.created_by);
  session_ << kInsert, soci::use(meeting.organisation_id, "organisation"),
      soci::use(meeting.circle_id, "circle"), soci::use(kind, "kind"), soci::use(starts, "starts"),
      soci::use(meeting.duration_minutes, "duration"), soci::use(meeting.place, "place"),
      soci::use(writer.value, writer.indicator, "writer"), soci::use(by.value, by.indicator, "by"),
      soci::use(at, "at"), soci::into(id);
  return id;
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
  long long count = 0;
  const long long at = ToUnix(now);
  session_ << kCountPastOfCircle, soci::use(organisation_id, "organisation"),
      soci::use(circle_id, "circle"), soci::use(at, "now"), soci::into(count);
  return count;
}

std::vector<MeetingRecord> MeetingStore::HeldOfCircleSince(std::int64_t circle_id,
                                                           std::int64_t organisation_id,
                                                           Instant from, Instant now) {
  return Select(kHeldOfCircleSince, organisation_id, circle_id, ToUnix(now), ToUnix(from));
}

std::optional<Instant> MeetingStore::LastHeldOfCircle(std::int64_t circle_id,
                                                      std::int64_t organisation_id, Instant now) {
  long long starts = 0;
  soci::indicator indicator = soci::i_null;
  const long long at = ToUnix(now);
  session_ << kLastHeldOfCircle, soci::use(organisation_id, "organisation"),
      soci::use(circle_id, "circle"), soci::use(at, "now"), soci::into(starts, indicator);
  if (indicator != soci::i_ok) return std::nullopt;
  return FromUnix(starts);
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
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kCancel, soci::use(at, "now"), soci::use(by, "by"), soci::use(id, "id"),
       soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

bool MeetingStore::InsertMinutes(const domain::Minutes& minutes, CivilDate held_on,
                                 const std::string& description) {
  auto by = Nullable(minutes.written_by);
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
  const std::string worked_on = FormatIsoDate(held_on);
  for (const auto volunteer : minutes.present_volunteers) {
    session_ << kInsertAttendance, soci::use(minutes.meeting_id, "meeting"),
        soci::use(volunteer, "volunteer"), soci::use(minutes.organisation_id, "organisation");
    session_ << kInsertHours, soci::use(minutes.organisation_id, "organisation"),
        soci::use(volunteer, "volunteer"), soci::use(worked_on, "worked_on"),
        soci::use(minutes.duration_minutes, "minutes"), soci::use(description, "description"),
        soci::use(by.value, by.indicator, "by"), soci::use(at, "at"), soci::use(at, "reviewed_at"),
        soci::use(minutes.meeting_id, "meeting");
  }
  return true;
}

bool MeetingStore::Acknowledge(std::int64_t meeting_id, std::int64_t organisation_id,
                               std::int64_t by, const std::string& comment, Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kAcknowledge, soci::use(by, "by"), soci::use(at, "now"),
       soci::use(comment, "comment"), soci::use(meeting_id, "meeting"),
       soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::map<std::int64_t, Instant> MeetingStore::LastHeldMeetings(std::int64_t organisation_id,
                                                               Instant now) {
  std::map<std::int64_t, Instant> last;
  std::int64_t circle = 0;
  long long starts = 0;
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kLastHeld, soci::use(organisation_id, "organisation"),
       soci::use(at, "now"), soci::into(circle), soci::into(starts));
  statement.execute();
  while (statement.fetch()) last[circle] = FromUnix(starts);
  return last;
}

std::map<std::int64_t, Instant> MeetingStore::NextMeetings(std::int64_t organisation_id,
                                                           Instant now) {
  std::map<std::int64_t, Instant> next;
  std::int64_t circle = 0;
  long long starts = 0;
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kNext, soci::use(organisation_id, "organisation"), soci::use(at, "now"),
       soci::into(circle), soci::into(starts));
  statement.execute();
  while (statement.fetch()) next[circle] = FromUnix(starts);
  return next;
}

std::vector<MeetingRecord> MeetingStore::AwaitingMinutesOrAcknowledgement(
    std::int64_t organisation_id, Instant now) {
  return Select(std::string(kAwaiting) + " ORDER BY m.starts_at, m.id", organisation_id, 0,
                ToUnix(now));
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
