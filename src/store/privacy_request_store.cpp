#include "store/privacy_request_store.hpp"

#include <ctime>
#include <string>

#include "store/table.hpp"

namespace cercle::store {
namespace {

using domain::PrivacySubjectKind;
constexpr auto kCoreMember = PrivacySubjectKind::kCoreMember;
constexpr auto kVolunteer = PrivacySubjectKind::kVolunteer;

struct PrivacyRequests {
  using Record = domain::PrivacyRequest;
  static constexpr TableColumns kColumns{
      .table = "privacy_requests",
      .fixed =
          "organisation_id, kind, subject_kind, core_member_id, volunteer_id, person_name, "
          "details, received_on, recorded_by, recorded_at",
      .changing = "answer, answered_on, refusal_section, answer_note, updated_at",
      .read_only = "export_count"};
  static auto Fields(Record& r) {
    return std::tie(r.id, r.organisation_id, r.kind, r.subject_kind, r.core_member_id,
                    r.volunteer_id, r.person_name, r.details, r.received_on, r.recorded_by,
                    r.recorded_at, r.answer, r.answered_on, r.refusal_section, r.answer_note,
                    r.updated_at, r.export_count);
  }
};

struct Corrections {
  using Record = PrivacyCorrection;
  static constexpr TableColumns kColumns{
      .table = "privacy_request_corrections",
      .fixed =
          "organisation_id, request_id, record_type, record_id, field, old_value, new_value, "
          "reason, applied, mail_id, recorded_by, recorded_at",
      .read_only = "told_on"};
  static auto Fields(Record& c) {
    return std::tie(c.id, c.organisation_id, c.request_id, c.record_type, c.record_id, c.field,
                    c.old_value, c.new_value, c.reason, c.applied, c.mail_id, c.recorded_by,
                    c.recorded_at, c.told_on);
  }
};

struct Exports {
  using Record = PrivacyExport;
  static constexpr TableColumns kColumns{.table = "privacy_request_exports",
                                         .fixed = "organisation_id, request_id, made_by, made_at",
                                         .read_only = "released_by, released_at"};
  static auto Fields(Record& e) {
    return std::tie(e.id, e.organisation_id, e.request_id, e.made_by, e.made_at, e.released_by,
                    e.released_at);
  }
};

// A withheld item as stored, with the export it belongs to.
struct StoredWithheld {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t export_id = 0;
  WithheldItem item;
};
struct Withheld {
  using Record = StoredWithheld;
  static constexpr TableColumns kColumns{
      .table = "privacy_export_withheld",
      .fixed = "organisation_id, export_id, table_name, row_key, column_name, reason"};
  static auto Fields(Record& w) {
    return std::tie(w.id, w.organisation_id, w.export_id, w.item.table, w.item.row_key,
                    w.item.column, w.item.reason);
  }
};

constexpr const char* kRegisterPage = R"sql(
  SELECT {columns} FROM privacy_requests
  WHERE organisation_id = :organisation
  ORDER BY CASE WHEN answer IS NULL THEN 0 ELSE 1 END,
           CASE WHEN answer IS NULL THEN received_on END ASC,
           received_on DESC, id DESC
)sql";
constexpr const char* kOpenRequests = R"sql(
  SELECT {columns} FROM privacy_requests
  WHERE organisation_id = :organisation AND answer IS NULL
  ORDER BY received_on, id
)sql";
// The person a record is about, by the record's table: a subquery giving a core member's or a
// volunteer's id from :record.
struct RecordPerson {
  std::string_view table;
  std::string_view column;  // privacy_requests' column naming the person
  std::string_view person;  // the person's id, from :record
};
constexpr RecordPerson kRecordPeople[] = {
    {"core_members", "core_member_id", ":record"},
    {"volunteers", "volunteer_id", ":record"},
    {"referrals", "core_member_id", "(SELECT core_member_id FROM referrals WHERE id = :record)"},
    {"concerns", "core_member_id",
     "(SELECT c.core_member_id FROM concerns x JOIN circles c ON c.id = x.circle_id "
     "WHERE x.id = :record)"},
    {"circle_meetings", "core_member_id",
     "(SELECT c.core_member_id FROM circle_meetings m JOIN circles c ON c.id = m.circle_id "
     "WHERE m.id = :record)"},
};

constexpr const char* kCountExport = R"sql(
  UPDATE privacy_requests SET export_count = export_count + 1, updated_at = :now
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kRequestCorrections = R"sql(
  SELECT {columns} FROM privacy_request_corrections
  WHERE organisation_id = :organisation AND request_id = :request
  ORDER BY recorded_at, id
)sql";
constexpr const char* kSetToldOn = R"sql(
  UPDATE privacy_request_corrections SET told_on = :told_on
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kRequestExports = R"sql(
  SELECT {columns} FROM privacy_request_exports
  WHERE organisation_id = :organisation AND request_id = :request
  ORDER BY made_at DESC, id DESC
)sql";
constexpr const char* kExportWithheld = R"sql(
  SELECT {columns} FROM privacy_export_withheld
  WHERE organisation_id = :organisation AND export_id = :export
  ORDER BY id
)sql";
constexpr const char* kRelease = R"sql(
  UPDATE privacy_request_exports SET released_by = :by, released_at = :at
  WHERE id = :id AND organisation_id = :organisation AND released_at IS NULL
)sql";
// The files a request may be about: {which} narrows them to one.
constexpr const char* kSubjects = R"sql(
  SELECT kind, id, name, file_number, email, account_id FROM (
    SELECT 'core_member' AS kind, id, legal_name AS name, file_number, email,
           NULL AS account_id, organisation_id
    FROM core_members
    UNION ALL
    SELECT 'volunteer' AS kind, id, first_name || ' ' || last_name AS name, '' AS file_number,
           email, user_id AS account_id, organisation_id
    FROM volunteers
  ) files
  WHERE organisation_id = :organisation {which}
  ORDER BY kind, name, id
)sql";
struct Subjects {
  using Record = PrivacySubject;
  static auto Fields(Record& s) {
    return std::tie(s.kind, s.id, s.name, s.file_number, s.email, s.account_id);
  }
};
constexpr const char* kPersonRows = R"sql(
  SELECT * FROM {table} WHERE organisation_id = :organisation AND ({rows}) ORDER BY {key}
)sql";
// Everyone an export must not name; {core_member}, {volunteer} and {account} are the person's own
// file and account (-1 when they have none), left out. The numbers are written into the query (ids
// the code read), since the organisation is named once per part.
constexpr const char* kOtherPeople = R"sql(
  SELECT legal_name FROM core_members WHERE organisation_id = {organisation} AND id <> {core_member}
  UNION ALL
  SELECT preferred_name FROM core_members
  WHERE organisation_id = {organisation} AND id <> {core_member} AND preferred_name <> ''
  UNION ALL
  SELECT person_legal_name FROM referrals
  WHERE organisation_id = {organisation}
    AND (core_member_id IS NULL OR core_member_id <> {core_member})
  UNION ALL
  SELECT first_name || ' ' || last_name FROM volunteers
  WHERE organisation_id = {organisation} AND id <> {volunteer}
  UNION ALL
  SELECT display_name FROM users WHERE organisation_id = {organisation} AND id <> {account}
  UNION ALL
  SELECT name FROM partner_contacts WHERE organisation_id = {organisation}
  UNION ALL
  SELECT victim_identity FROM release_conditions
  WHERE organisation_id = {organisation} AND victim_identity <> ''
  UNION ALL
  SELECT referrer_name FROM referrals WHERE organisation_id = {organisation} AND referrer_name <> ''
  UNION ALL
  SELECT officer_name FROM supervision_orders
  WHERE organisation_id = {organisation} AND officer_name <> ''
  UNION ALL
  SELECT assessor FROM risk_assessments WHERE organisation_id = {organisation}
  UNION ALL
  SELECT person_name FROM privacy_requests
  WHERE organisation_id = {organisation} AND person_name <> ''
)sql";

// `text` with every `marker` replaced by `value` (a number the code read).
std::string Filled(std::string text, std::string_view marker, std::int64_t value) {
  const std::string number = std::to_string(value);
  for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
    text.replace(at, marker.size(), number);
    at += number.size();
  }
  return text;
}

// The value of column `i` of `row` as it is stored.
CellValue CellOf(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::monostate{};
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
    case soci::dt_blob:
      return row.get<std::string>(i);
    case soci::dt_integer:
      return static_cast<std::int64_t>(row.get<int>(i));
    case soci::dt_long_long:
      return static_cast<std::int64_t>(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(i));
    case soci::dt_double:
      return row.get<double>(i);
    case soci::dt_date: {
      std::tm tm = row.get<std::tm>(i);
      char text[32];
      std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
      return std::string(text);
    }
  }
  return std::monostate{};
}

// The rows of the documents of the man's file, of his referrals and of his circles (their
// agreements).
constexpr std::string_view kCoreMemberDocuments =
    "(owner_type = 'core_member' AND owner_id = {person}) OR (owner_type = 'referral' AND "
    "owner_id IN (SELECT id FROM referrals WHERE core_member_id = {person})) OR (owner_type = "
    "'circle' AND owner_id IN (SELECT id FROM circles WHERE core_member_id = {person}))";
constexpr std::string_view kHisCircles =
    "circle_id IN (SELECT id FROM circles WHERE core_member_id = {person})";
constexpr std::string_view kHisPlans =
    "version_id IN (SELECT v.id FROM circle_plan_versions v JOIN circles c ON c.id = v.circle_id "
    "WHERE c.core_member_id = {person})";
constexpr std::string_view kHisMeetings =
    "meeting_id IN (SELECT m.id FROM circle_meetings m JOIN circles c ON c.id = m.circle_id "
    "WHERE c.core_member_id = {person})";
constexpr std::string_view kHisConcerns =
    "concern_id IN (SELECT k.id FROM concerns k JOIN circles c ON c.id = k.circle_id WHERE "
    "c.core_member_id = {person})";
constexpr std::string_view kHisReviews =
    "review_id IN (SELECT r.id FROM circle_reviews r JOIN circles c ON c.id = r.circle_id WHERE "
    "c.core_member_id = {person})";
constexpr std::string_view kHisReferrals =
    "referral_id IN (SELECT id FROM referrals WHERE core_member_id = {person})";
constexpr std::string_view kCoreMemberRequests =
    "request_id IN (SELECT id FROM privacy_requests WHERE core_member_id = {person})";
constexpr std::string_view kCoreMemberExports =
    "export_id IN (SELECT e.id FROM privacy_request_exports e JOIN privacy_requests r ON r.id = "
    "e.request_id WHERE r.core_member_id = {person})";
constexpr std::string_view kVolunteerRequests =
    "request_id IN (SELECT id FROM privacy_requests WHERE volunteer_id = {person})";
constexpr std::string_view kVolunteerExports =
    "export_id IN (SELECT e.id FROM privacy_request_exports e JOIN privacy_requests r ON r.id = "
    "e.request_id WHERE r.volunteer_id = {person})";

// The tables about a core member's file itself: his referrals, legal status and outcomes. One line
// per table.
std::vector<PersonTable> CoreMemberFileTables() {
  return {
      {"core_members", kCoreMember, "id = {person}", N_("The file"), "id",
       "offence_summary=staff_note volunteer_summary=staff_note"},
      {"core_member_status_changes", kCoreMember, "core_member_id = {person}",
       N_("Changes of the file's status"), "id", "reason=staff_note"},
      {"referrals", kCoreMember, "core_member_id = {person}", N_("Referrals"), "id",
       "referrer_name=other_person referrer_contact=other_person summary=staff_note "
       "decision_reason=staff_note"},
      {"referral_status_changes", kCoreMember, kHisReferrals, N_("Steps of the referrals"), "id",
       "reason=staff_note"},
      {"referral_checklist", kCoreMember, kHisReferrals, N_("Eligibility criteria met"),
       "referral_id, criterion_id"},
      {"supervision_orders", kCoreMember, "core_member_id = {person}", N_("Supervision orders"),
       "id", "officer_name=other_person officer_contact=other_person"},
      {"release_conditions", kCoreMember, "core_member_id = {person}", N_("Release conditions"),
       "id", "victim_identity=victim victim_places=victim"},
      {"risk_assessments", kCoreMember, "core_member_id = {person}", N_("Risk assessments"), "id",
       "assessor=other_person"},
      {"consents", kCoreMember, "core_member_id = {person}", N_("Consents"), "id"},
      {"recidivism_events", kCoreMember, "core_member_id = {person}", N_("Recidivism events"), "id",
       "reference=staff_note"},
      {"outcome_measures", kCoreMember, "core_member_id = {person}", N_("Outcome measures"), "id"},
      {"follow_up_checks", kCoreMember, "core_member_id = {person}", N_("Follow-up checks"), "id"},
      {"volunteer_conflicts", kCoreMember, "core_member_id = {person}",
       N_("Conflicts volunteers declared"), "id", "volunteer_id=other_person note=other_person"},
  };
}

// The tables about his circles: their meetings, covenants, reviews, plans and endings.
std::vector<PersonTable> CoreMemberCircleTables() {
  return {
      {"circles", kCoreMember, "core_member_id = {person}", N_("Circles"), "id",
       "closing_note=staff_note"},
      {"circle_phase_changes", kCoreMember, kHisCircles, N_("Phases of the circles"), "id",
       "reason=staff_note"},
      {"circle_members", kCoreMember, kHisCircles, N_("Members of the circles"), "id",
       "left_reason=other_person"},
      {"circle_meetings", kCoreMember, kHisCircles, N_("Meetings"), "id",
       "clash_override_reason=staff_note"},
      {"circle_minutes", kCoreMember, kHisMeetings, N_("Minutes"), "meeting_id",
       "coordinator_comment=staff_note"},
      {"circle_attendance", kCoreMember, kHisMeetings, N_("Attendance at meetings"),
       "meeting_id, volunteer_id"},
      {"covenant_versions", kCoreMember, kHisCircles, N_("Covenants"), "id", "note=staff_note"},
      {"covenant_signatures", kCoreMember,
       "version_id IN (SELECT v.id FROM covenant_versions v JOIN circles c ON c.id = v.circle_id "
       "WHERE c.core_member_id = {person})",
       N_("Covenant signatures"), "id"},
      {"circle_contacts", kCoreMember, kHisCircles, N_("Contacts between meetings"), "id"},
      {"circle_reviews", kCoreMember, kHisCircles, N_("Reviews and renewals"), "id",
       "participants=other_person outcome=staff_note decisions=staff_note"},
      {"review_factor_ratings", kCoreMember, kHisReviews,
       N_("Risk and protective factors rated at reviews"), "id", "comment=staff_note"},
      {"review_assessments", kCoreMember, kHisReviews,
       N_("Assessments from corrections the reviews relied on"), "review_id, assessment_id"},
      {"circle_plan_versions", kCoreMember, kHisCircles, N_("Circle plans"), "id",
       "note=staff_note"},
      {"circle_plan_goals", kCoreMember, kHisPlans, N_("Goals of the circle plans"), "id",
       "helpers=other_person"},
      {"circle_plan_warning_signs", kCoreMember, kHisPlans, N_("Warning signs of the circle plans"),
       "id", "who_is_called=other_person"},
      {"circle_plan_sign_conditions", kCoreMember,
       "sign_id IN (SELECT s.id FROM circle_plan_warning_signs s JOIN circle_plan_versions v ON "
       "v.id = s.version_id JOIN circles c ON c.id = v.circle_id WHERE c.core_member_id = "
       "{person})",
       N_("Conditions the warning signs touch"), "sign_id, condition_id"},
      {"circle_review_goal_progress", kCoreMember, kHisReviews,
       N_("Progress of the goals at reviews"), "id", "comment=staff_note"},
      {"sharing_agreements", kCoreMember, kHisCircles, N_("Information-sharing agreements"), "id"},
      {"ending_questionnaires", kCoreMember,
       "respondent = 'core_member' AND circle_id IN (SELECT id FROM circles WHERE core_member_id "
       "= {person})",
       N_("End-of-circle questionnaires"), "id", "token_hash=security"},
      {"ending_answers", kCoreMember,
       "questionnaire_id IN (SELECT q.id FROM ending_questionnaires q JOIN circles c ON c.id = "
       "q.circle_id WHERE q.respondent = 'core_member' AND c.core_member_id = {person})",
       N_("Answers to the end-of-circle questionnaires"), "id"},
  };
}

// The tables about the concerns of his circles, his documents, mail and privacy requests.
std::vector<PersonTable> CoreMemberOtherTables() {
  return {
      {"concerns", kCoreMember, kHisCircles, N_("Concerns"), "id",
       "outcome_note=staff_note reply=staff_note"},
      {"concern_actions", kCoreMember, kHisConcerns, N_("What was done about the concerns"), "id",
       "note=staff_note"},
      {"concern_disclosures", kCoreMember, kHisConcerns, N_("Disclosures of the concerns"), "id",
       "recipient_name=other_person shared=staff_note explanation=staff_note"},
      {"concern_escalations", kCoreMember, kHisConcerns, N_("Alert steps of the concerns"), "id"},
      {"concern_warning_signs", kCoreMember, kHisConcerns, N_("Warning signs the concerns cite"),
       "concern_id, sign_id"},
      {"documents", kCoreMember, kCoreMemberDocuments, N_("Documents"), "id"},
      {"outbox", kCoreMember, "recipient = (SELECT email FROM core_members WHERE id = {person})",
       N_("Mail sent to him"), "id"},
      {"privacy_requests", kCoreMember, "core_member_id = {person}", N_("His privacy requests"),
       "id", "details=staff_note answer_note=staff_note"},
      {"privacy_request_corrections", kCoreMember, kCoreMemberRequests, N_("Corrections made"),
       "id"},
      {"privacy_request_exports", kCoreMember, kCoreMemberRequests, N_("Exports of his file"),
       "id"},
      {"privacy_export_withheld", kCoreMember, kCoreMemberExports, N_("What the exports withheld"),
       "id"},
  };
}

// The tables about a core member: directly, or through his referrals, circles, meetings and
// concerns, in the export's order.
std::vector<PersonTable> CoreMemberTables() {
  auto tables = CoreMemberFileTables();
  for (auto part : {CoreMemberCircleTables(), CoreMemberOtherTables()}) {
    tables.insert(tables.end(), part.begin(), part.end());
  }
  return tables;
}

// The tables about a volunteer: directly, through his account, his minutes and his attendance.
std::vector<PersonTable> VolunteerTables() {
  return {
      {"volunteers", kVolunteer, "id = {person}", N_("The file"), "id", "notes=staff_note"},
      {"volunteer_stage_changes", kVolunteer, "volunteer_id = {person}",
       N_("Steps through the program"), "id", "reason=staff_note"},
      {"screening_items", kVolunteer, "volunteer_id = {person}", N_("Screening"), "id",
       "notes=staff_note withdrawal_reason=staff_note"},
      {"training_attendance", kVolunteer, "volunteer_id = {person}", N_("Training attended"),
       "session_id, volunteer_id"},
      {"training_sessions", kVolunteer,
       "id IN (SELECT session_id FROM training_attendance WHERE volunteer_id = {person})",
       N_("Training sessions"), "id"},
      {"volunteer_hours", kVolunteer, "volunteer_id = {person}", N_("Hours"), "id"},
      {"expense_claims", kVolunteer, "volunteer_id = {person}", N_("Expense claims"), "id"},
      {"supervision_sessions", kVolunteer, "volunteer_id = {person}",
       N_("Supervision and debriefing"), "id", "notes=staff_note"},
      {"volunteer_debriefs", kVolunteer, "volunteer_id = {person}", N_("Debriefs after a concern"),
       "id", "note=staff_note"},
      {"volunteer_wellbeing", kVolunteer, "volunteer_id = {person}", N_("Wellbeing checks"), "id"},
      {"ending_questionnaires", kVolunteer, "volunteer_id = {person}",
       N_("End-of-circle questionnaires"), "id", "token_hash=security"},
      {"ending_answers", kVolunteer,
       "questionnaire_id IN (SELECT id FROM ending_questionnaires WHERE volunteer_id = {person})",
       N_("Answers to the end-of-circle questionnaires"), "id"},
      {"volunteer_exit_interviews", kVolunteer, "volunteer_id = {person}", N_("Exit interview"),
       "id", "note=staff_note"},
      {"volunteer_conflicts", kVolunteer, "volunteer_id = {person}", N_("Conflicts declared"), "id",
       "core_member_id=other_person"},
      {"volunteer_declined_profiles", kVolunteer, "volunteer_id = {person}", N_("Circles declined"),
       "volunteer_id, profile"},
      {"calendar_tokens", kVolunteer, "volunteer_id = {person}", N_("Calendar feed"), "id",
       "token_hash=security"},
      {"circle_members", kVolunteer, "volunteer_id = {person}", N_("Circles served in"), "id",
       "left_reason=staff_note"},
      {"circle_meetings", kVolunteer,
       "writer_volunteer_id = {person} OR id IN (SELECT meeting_id FROM circle_attendance WHERE "
       "volunteer_id = {person})",
       N_("Meetings"), "id", "clash_override_reason=staff_note"},
      {"circle_minutes", kVolunteer, "written_by_volunteer_id = {person}", N_("Minutes written"),
       "meeting_id",
       "check_in=about_another accountability=about_another support=about_another "
       "decisions=about_another next_steps=about_another coordinator_comment=staff_note"},
      {"circle_attendance", kVolunteer, "volunteer_id = {person}", N_("Attendance at meetings"),
       "meeting_id, volunteer_id"},
      {"circle_contacts", kVolunteer, "volunteer_id = {person}", N_("Contacts logged"), "id",
       "note=about_another"},
      {"covenant_signatures", kVolunteer, "volunteer_id = {person}", N_("Covenants signed"), "id"},
      {"concerns", kVolunteer, "raised_by_volunteer_id = {person} OR raised_by = {account}",
       N_("Concerns raised"), "id",
       "observed=about_another already_done=about_another outcome_note=staff_note"},
      {"documents", kVolunteer, "owner_type = 'volunteer' AND owner_id = {person}", N_("Documents"),
       "id"},
      {"users", kVolunteer, "id = {account}", N_("Account"), "id",
       "password_hash=security totp_secret_sealed=security"},
      {"user_roles", kVolunteer, "user_id = {account}", N_("Roles"), "user_id, role"},
      {"sessions", kVolunteer, "user_id = {account}", N_("Sessions"), "id", "token_hash=security"},
      {"recovery_codes", kVolunteer, "user_id = {account}", N_("Recovery codes"), "id",
       "code_hash=security"},
      {"one_time_tokens", kVolunteer, "user_id = {account}", N_("Invitation and reset links"), "id",
       "token_hash=security"},
      {"outbox", kVolunteer,
       "recipient = (SELECT email FROM volunteers WHERE id = {person}) OR recipient = (SELECT "
       "email FROM users WHERE id = {account})",
       N_("Mail sent to him"), "id"},
      {"audit_events", kVolunteer, "actor_user_id = {account}", N_("What he did in Cercle"), "id"},
      {"concern_on_call", kVolunteer, "user_id = {account}", N_("On-call rota"), "user_id"},
      {"concern_alert_recipients", kVolunteer, "user_id = {account}", N_("Alerts received"),
       "escalation_id, user_id"},
      {"privacy_requests", kVolunteer, "volunteer_id = {person}", N_("His privacy requests"), "id",
       "details=staff_note answer_note=staff_note"},
      {"privacy_request_corrections", kVolunteer, kVolunteerRequests, N_("Corrections made"), "id"},
      {"privacy_request_exports", kVolunteer, kVolunteerRequests, N_("Exports of his file"), "id"},
      {"privacy_export_withheld", kVolunteer, kVolunteerExports, N_("What the exports withheld"),
       "id"},
  };
}

}  // namespace

const std::vector<PersonTable>& PersonTables() {
  static const std::vector<PersonTable> tables = [] {
    auto all = CoreMemberTables();
    const auto volunteers = VolunteerTables();
    all.insert(all.end(), volunteers.begin(), volunteers.end());
    return all;
  }();
  return tables;
}

const std::vector<UnrelatedTable>& UnrelatedTables() {
  static const std::vector<UnrelatedTable> tables = {
      {"schema_migrations", "the versions of the schema"},
      {"organisations", "the member organisations"},
      {"organisation_settings", "the organisation's settings"},
      {"eligibility_criteria", "the organisation's criteria, answered in referral_checklist"},
      {"screening_item_types", "the organisation's kinds of screening item"},
      {"training_modules", "the organisation's training modules"},
      {"covenant_templates", "the organisation's covenant template"},
      {"outcome_scales", "the organisation's outcome scales"},
      {"venues", "the organisation's meeting places, about no one"},
      {"risk_factors", "the organisation's list of risk and protective factors, about no one"},
      {"partner_contacts", "the organisation's partners: other people"},
      {"outreach_activities", "outreach to the public, linked to no file"},
      {"significant_stories", "stories reviewed to identify no one"},
      {"login_throttle", "keyed hashes that name no one"},
      {"password_reset_requests",
       "an address kept at most an hour, before it is linked to an account"},
      {"audit_chain_heads", "the newest hash of each audit chain"},
      {"backup_runs", "the server's backups"},
      {"backup_alerts", "the server's backup alerts"},
      {"privacy_officers", "the person in charge of the protection of personal information"},
      {"privacy_incidents", "the organisation's register of confidentiality incidents"},
      {"privacy_incident_records", "the records an incident touched, by reference"},
      {"privacy_incident_people",
       "who an incident concerned, by reference: each is told by the incident's own notice"},
      {"retention_periods", "the organisation's retention schedule"},
      {"legal_holds", "holds on records, by reference, with the organisation's reason"},
      {"retention_queue", "the records whose retention ended, by reference"},
      {"retention_listings", "the day the queue was last listed"},
      {"retention_disposals", "records already anonymised, by reference"},
      {"destruction_certificates", "the organisation's destruction certificates"},
      {"destruction_certificate_lines", "counts per kind of record"},
      {"destruction_skips", "records skipped by a batch, by reference"},
      {"mileage_rates", "the organisation's rates per kilometre"},
      {"reminder_opt_outs", "the reminders a user chose not to get"},
      {"reminders_sent", "which reminder went to which user, by reference, so that each goes once"},
      {"form_drafts",
       "a form's text before it is sent, its author's alone: deleted when sent, discarded or 30 "
       "days old, never part of a file"},
  };
  return tables;
}

std::int64_t PrivacyRequestStore::Insert(const domain::PrivacyRequest& request) {
  return store::Insert<PrivacyRequests>(session_, request);
}

std::optional<domain::PrivacyRequest> PrivacyRequestStore::Find(std::int64_t id,
                                                                std::int64_t organisation_id) {
  return store::Find<PrivacyRequests>(session_, id, organisation_id);
}

void PrivacyRequestStore::UpdateAnswer(const domain::PrivacyRequest& request) {
  store::Update<PrivacyRequests>(session_, request);
}

void PrivacyRequestStore::CountExport(std::int64_t id, std::int64_t organisation_id, Instant now) {
  Change(session_, kCountExport, Values("now", now, "id", id, "organisation", organisation_id));
}

std::optional<std::string> PrivacyRequestStore::OpenRequestAbout(std::string_view record_table,
                                                                 std::int64_t record_id,
                                                                 std::int64_t organisation_id) {
  for (const auto& person : kRecordPeople) {
    if (person.table != record_table) continue;
    const std::string sql =
        "SELECT id, received_on FROM privacy_requests WHERE organisation_id = "
        ":organisation AND answered_on IS NULL AND " +
        std::string(person.column) + " = " + std::string(person.person) +
        " ORDER BY received_on, id LIMIT 1";
    long long id = 0;
    std::string received_on;
    session_ << sql, soci::use(organisation_id, "organisation"), soci::use(record_id, "record"),
        soci::into(id), soci::into(received_on);
    if (!session_.got_data()) return std::nullopt;
    return "#" + std::to_string(id) + " · " + received_on;
  }
  return std::nullopt;
}

std::int64_t PrivacyRequestStore::Count(std::int64_t organisation_id) {
  return store::Count<PrivacyRequests>(session_, organisation_id);
}

std::vector<domain::PrivacyRequest> PrivacyRequestStore::List(std::int64_t organisation_id,
                                                              const PageSlice& slice) {
  return SelectAll<PrivacyRequests>(session_, kRegisterPage + LimitClause(slice),
                                    Params({{"organisation", organisation_id}}));
}

std::vector<domain::PrivacyRequest> PrivacyRequestStore::ListOpen(std::int64_t organisation_id) {
  return SelectAll<PrivacyRequests>(session_, kOpenRequests,
                                    Params({{"organisation", organisation_id}}));
}

std::int64_t PrivacyRequestStore::InsertCorrection(const PrivacyCorrection& correction) {
  return store::Insert<Corrections>(session_, correction);
}

std::optional<PrivacyCorrection> PrivacyRequestStore::FindCorrection(std::int64_t id,
                                                                     std::int64_t organisation_id) {
  return store::Find<Corrections>(session_, id, organisation_id);
}

std::vector<PrivacyCorrection> PrivacyRequestStore::ListCorrections(std::int64_t request_id,
                                                                    std::int64_t organisation_id) {
  return SelectAll<Corrections>(
      session_, kRequestCorrections,
      Params({{"organisation", organisation_id}, {"request", request_id}}));
}

void PrivacyRequestStore::SetToldOn(std::int64_t id, std::int64_t organisation_id,
                                    CivilDate told_on) {
  Change(session_, kSetToldOn,
         Values("told_on", told_on, "id", id, "organisation", organisation_id));
}

std::int64_t PrivacyRequestStore::InsertExport(const PrivacyExport& made,
                                               const std::vector<WithheldItem>& withheld) {
  const auto id = store::Insert<Exports>(session_, made);
  for (const auto& item : withheld) {
    store::Insert<Withheld>(session_, {0, made.organisation_id, id, item});
  }
  return id;
}

std::optional<PrivacyExport> PrivacyRequestStore::FindExport(std::int64_t id,
                                                             std::int64_t organisation_id) {
  return store::Find<Exports>(session_, id, organisation_id);
}

std::vector<PrivacyExport> PrivacyRequestStore::ListExports(std::int64_t request_id,
                                                            std::int64_t organisation_id) {
  return SelectAll<Exports>(session_, kRequestExports,
                            Params({{"organisation", organisation_id}, {"request", request_id}}));
}

std::vector<WithheldItem> PrivacyRequestStore::ListWithheld(std::int64_t export_id,
                                                            std::int64_t organisation_id) {
  std::vector<WithheldItem> items;
  for (auto& stored :
       SelectAll<Withheld>(session_, kExportWithheld,
                           Params({{"organisation", organisation_id}, {"export", export_id}}))) {
    items.push_back(std::move(stored.item));
  }
  return items;
}

bool PrivacyRequestStore::MarkReleased(std::int64_t id, std::int64_t organisation_id,
                                       std::int64_t by, Instant now) {
  return Change(session_, kRelease,
                Values("by", by, "at", now, "id", id, "organisation", organisation_id)) > 0;
}

std::vector<PrivacySubject> PrivacyRequestStore::ListSubjects(std::int64_t organisation_id) {
  return FetchAll<TableRow<Subjects>>(session_, Replaced(kSubjects, "{which}", ""),
                                      Params({{"organisation", organisation_id}}));
}

std::optional<PrivacySubject> PrivacyRequestStore::FindSubject(std::int64_t organisation_id,
                                                               domain::PrivacySubjectKind kind,
                                                               std::int64_t id) {
  if (kind == domain::PrivacySubjectKind::kOther) return std::nullopt;
  const std::string which =
      std::string("AND kind = '") + std::string(domain::NameOf(kind)) + "' AND id = :id";
  return FetchOne<TableRow<Subjects>>(session_, Replaced(kSubjects, "{which}", which),
                                      Params({{"organisation", organisation_id}, {"id", id}}));
}

std::vector<PersonRow> PrivacyRequestStore::ReadPersonRows(const PersonTable& table,
                                                           std::int64_t organisation_id,
                                                           std::int64_t person_id,
                                                           std::optional<std::int64_t> account_id) {
  // The ids are the code's own (read from the records), never text from a request.
  std::string rows = Filled(std::string(table.rows), "{person}", person_id);
  rows = Filled(std::move(rows), "{account}", account_id.value_or(-1));
  std::string query = Replaced(kPersonRows, "{table}", table.table);
  query = Replaced(std::move(query), "{rows}", rows);
  query = Replaced(std::move(query), "{key}", table.key);
  std::vector<PersonRow> result;
  std::int64_t organisation = organisation_id;
  soci::rowset<soci::row> found =
      (session_.prepare << query, soci::use(organisation, "organisation"));
  for (const auto& row : found) {
    PersonRow values;
    for (std::size_t i = 0; i < row.size(); ++i) {
      values.emplace_back(row.get_properties(i).get_name(), CellOf(row, i));
    }
    result.push_back(std::move(values));
  }
  return result;
}

OtherPeople PrivacyRequestStore::ReadOtherPeople(std::int64_t organisation_id,
                                                 domain::PrivacySubjectKind person,
                                                 std::int64_t person_id) {
  std::int64_t account = -1;
  if (person == kVolunteer) {
    account =
        FetchValue<std::int64_t>(session_,
                                 "SELECT user_id FROM volunteers WHERE id = :id AND "
                                 "organisation_id = :organisation",
                                 Params({{"id", person_id}, {"organisation", organisation_id}}))
            .value_or(-1);
  }
  std::string query = Filled(kOtherPeople, "{core_member}", person == kCoreMember ? person_id : -1);
  query = Filled(std::move(query), "{volunteer}", person == kVolunteer ? person_id : -1);
  query = Filled(std::move(query), "{account}", account);
  query = Filled(std::move(query), "{organisation}", organisation_id);
  OtherPeople people;
  soci::rowset<std::string> names = (session_.prepare << query);
  for (const auto& name : names) people.names.push_back(name);
  return people;
}

}  // namespace cercle::store
