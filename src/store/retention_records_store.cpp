#include "store/retention_records_store.hpp"

#include "store/table.hpp"

namespace cercle::store {
namespace {

// The ended records of each kind: id, reference, when the purpose ended (Unix seconds).
constexpr const char* kEndedCoreMembers = R"sql(
  SELECT c.id, c.file_number, max(s.changed_at)
  FROM core_members c
  JOIN core_member_status_changes s
    ON s.core_member_id = c.id AND s.organisation_id = c.organisation_id AND s.to_status = 'closed'
  WHERE c.organisation_id = :organisation AND c.status = 'closed'
    AND NOT EXISTS (SELECT 1 FROM retention_disposals d
                    WHERE d.organisation_id = c.organisation_id AND d.record_kind = 'core_member_files'
                      AND d.record_id = c.id)
  GROUP BY c.id, c.file_number
  ORDER BY c.id
)sql";
constexpr const char* kEndedVolunteers = R"sql(
  SELECT v.id, v.first_name || ' ' || v.last_name, v.stage_changed_at
  FROM volunteers v
  WHERE v.organisation_id = :organisation AND v.stage IN ('exited', 'not_retained')
    AND NOT EXISTS (SELECT 1 FROM retention_disposals d
                    WHERE d.organisation_id = v.organisation_id AND d.record_kind = 'volunteers_who_left'
                      AND d.record_id = v.id)
  ORDER BY v.id
)sql";
constexpr const char* kEndedReferrals = R"sql(
  SELECT r.id, r.person_legal_name, r.updated_at
  FROM referrals r
  WHERE r.organisation_id = :organisation AND r.status IN ('declined', 'withdrawn')
    AND NOT EXISTS (SELECT 1 FROM retention_disposals d
                    WHERE d.organisation_id = r.organisation_id AND d.record_kind = 'declined_referrals'
                      AND d.record_id = r.id)
  ORDER BY r.id
)sql";
constexpr const char* kEndedConcerns = R"sql(
  SELECT c.id, ci.code_name, c.closed_at
  FROM concerns c JOIN circles ci ON ci.id = c.circle_id AND ci.organisation_id = c.organisation_id
  WHERE c.organisation_id = :organisation AND c.status = 'closed' AND c.closed_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM retention_disposals d
                    WHERE d.organisation_id = c.organisation_id AND d.record_kind = 'concerns'
                      AND d.record_id = c.id)
  ORDER BY c.id
)sql";
constexpr const char* kEndedMinutes = R"sql(
  SELECT m.meeting_id, ci.code_name, cm.starts_at
  FROM circle_minutes m
  JOIN circle_meetings cm ON cm.id = m.meeting_id AND cm.organisation_id = m.organisation_id
  JOIN circles ci ON ci.id = cm.circle_id AND ci.organisation_id = cm.organisation_id
  WHERE m.organisation_id = :organisation
    AND NOT EXISTS (SELECT 1 FROM retention_disposals d
                    WHERE d.organisation_id = m.organisation_id AND d.record_kind = 'minutes'
                      AND d.record_id = m.meeting_id)
  ORDER BY m.meeting_id
)sql";
constexpr const char* kEndedDocuments = R"sql(
  SELECT d.id, d.title, d.deleted_at
  FROM documents d
  WHERE d.organisation_id = :organisation AND d.deleted_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM retention_disposals p
                    WHERE p.organisation_id = d.organisation_id AND p.record_kind = 'documents'
                      AND p.record_id = d.id)
  ORDER BY d.id
)sql";
constexpr const char* kEndedSessions = R"sql(
  SELECT id, '', expires_at FROM sessions WHERE organisation_id = :organisation ORDER BY id
)sql";
// From when the incident was recorded, which is never before the organisation learned of it: the
// floor of five years after learning of it holds.
constexpr const char* kEndedIncidents = R"sql(
  SELECT i.id, '', i.recorded_at
  FROM privacy_incidents i
  WHERE i.organisation_id = :organisation
    AND NOT EXISTS (SELECT 1 FROM retention_disposals d
                    WHERE d.organisation_id = i.organisation_id AND d.record_kind = 'incidents'
                      AND d.record_id = i.id)
  ORDER BY i.id
)sql";
constexpr const char* kEndedMail = R"sql(
  SELECT id, '', coalesce(sent_at, failed_at)
  FROM outbox
  WHERE organisation_id = :organisation AND (sent_at IS NOT NULL OR failed_at IS NOT NULL)
  ORDER BY id
)sql";

// A closed file: his identity, contact details, summaries and the victims' details removed,
// civil dates coarsened to the first of their month. Region goes too: with a coarse date, it is
// what would single him out.
constexpr const char* kAnonymiseCoreMember = R"sql(
  UPDATE core_members
  SET file_number = 'X-' || CAST(id AS text), legal_name = '-', preferred_name = '', birth_date = NULL,
      other_language = '', phone = '', email = '', address = '', region = '', offence_summary = '',
      volunteer_summary = '', search_text = '',
      statutory_release_date = substr(statutory_release_date, 1, 8) || '01',
      warrant_expiry_date = substr(warrant_expiry_date, 1, 8) || '01'
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kCoreMemberReasons = R"sql(
  UPDATE core_member_status_changes SET reason = ''
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoreMemberReferralReasons = R"sql(
  UPDATE referral_status_changes SET reason = ''
  WHERE organisation_id = :organisation
    AND referral_id IN (SELECT id FROM referrals WHERE organisation_id = :organisation AND core_member_id = :id)
)sql";
constexpr const char* kCoreMemberOrders = R"sql(
  UPDATE supervision_orders
  SET officer_name = '', officer_contact = '', starts_on = substr(starts_on, 1, 8) || '01',
      ends_on = substr(ends_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoreMemberConditions = R"sql(
  UPDATE release_conditions
  SET condition_text = '', victim_identity = '', victim_places = '', zone = '',
      starts_on = substr(starts_on, 1, 8) || '01', ends_on = substr(ends_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoreMemberAssessments = R"sql(
  UPDATE risk_assessments
  SET tool_other = '', assessor = '', assessed_on = substr(assessed_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoreMemberConsents = R"sql(
  UPDATE consents
  SET partner_organisation = '', given_on = substr(given_on, 1, 8) || '01',
      expires_on = substr(expires_on, 1, 8) || '01', withdrawn_on = substr(withdrawn_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoreMemberEvents = R"sql(
  UPDATE recidivism_events SET reference = '', occurred_on = substr(occurred_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoreMemberMeasures = R"sql(
  UPDATE outcome_measures SET measured_on = substr(measured_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoreMemberChecks = R"sql(
  UPDATE follow_up_checks SET checked_on = substr(checked_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoreMemberCircles = R"sql(
  UPDATE circles SET closing_note = '', meeting_place = ''
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
// A coordinator's reason for planning despite a condition may describe the file.
constexpr const char* kCoreMemberMeetingOverrides = R"sql(
  UPDATE circle_meetings SET clash_override_reason = ''
  WHERE clash_override_reason <> '' AND circle_id IN (SELECT c.id
  FROM circles c
 WHERE c.organisation_id = :organisation AND c.core_member_id = :id)
)sql";
// The comments on the factors rated at his circles' reviews describe him; the ratings stay for the
// reports, which never name him.
constexpr const char* kCoreMemberFactorComments = R"sql(
  UPDATE review_factor_ratings SET comment = ''
  WHERE organisation_id = :organisation AND comment <> '' AND review_id IN (SELECT r.id
  FROM circle_reviews r JOIN circles c ON c.id = r.circle_id
 WHERE c.organisation_id = :organisation AND c.core_member_id = :id)
)sql";
// The circle plan is written in his own words: its goals, steps, warning signs and the comments
// of reviews go; the areas, keys and progress stay for the outcome counts. The required texts
// keep a dash.
constexpr const char* kCoreMemberPlanVersions = R"sql(
  UPDATE circle_plan_versions SET note = ''
  WHERE organisation_id = :organisation
    AND circle_id IN (SELECT c.id FROM circles c WHERE c.organisation_id = :organisation AND c.core_member_id = :id)
)sql";
constexpr const char* kCoreMemberPlanGoals = R"sql(
  UPDATE circle_plan_goals SET goal = '-', steps = '', helpers = ''
  WHERE organisation_id = :organisation
    AND version_id IN (SELECT v.id FROM circle_plan_versions v JOIN circles c ON c.id = v.circle_id
                        WHERE v.organisation_id = :organisation AND c.core_member_id = :id)
)sql";
constexpr const char* kCoreMemberPlanSigns = R"sql(
  UPDATE circle_plan_warning_signs SET sign = '-', response = '-', who_is_called = ''
  WHERE organisation_id = :organisation
    AND version_id IN (SELECT v.id FROM circle_plan_versions v JOIN circles c ON c.id = v.circle_id
                        WHERE v.organisation_id = :organisation AND c.core_member_id = :id)
)sql";
constexpr const char* kCoreMemberGoalProgress = R"sql(
  UPDATE circle_review_goal_progress SET comment = ''
  WHERE organisation_id = :organisation
    AND review_id IN (SELECT r.id FROM circle_reviews r JOIN circles c ON c.id = r.circle_id
                       WHERE r.organisation_id = :organisation AND c.core_member_id = :id)
)sql";
constexpr const char* kCoreMemberConflicts = R"sql(
  UPDATE volunteer_conflicts SET note = ''
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
// The end-of-circle questionnaires of his circles: the comments go (they may name him), the scores
// stay for the reports.
constexpr const char* kCoreMemberEndings = R"sql(
  UPDATE ending_questionnaires SET comment = ''
  WHERE organisation_id = :organisation
    AND circle_id IN (SELECT id FROM circles WHERE organisation_id = :organisation AND core_member_id = :id)
)sql";
constexpr const char* kCoreMemberChanges = R"sql(
  SELECT id, changed_at FROM core_member_status_changes
  WHERE organisation_id = :organisation AND core_member_id = :id
)sql";
constexpr const char* kCoarsenCoreMemberChange = R"sql(
  UPDATE core_member_status_changes SET changed_at = :at WHERE organisation_id = :organisation AND id = :row
)sql";
constexpr const char* kCoreMemberReferralChanges = R"sql(
  SELECT id, changed_at FROM referral_status_changes
  WHERE organisation_id = :organisation
    AND referral_id IN (SELECT id FROM referrals WHERE organisation_id = :organisation AND core_member_id = :id)
)sql";
constexpr const char* kCoarsenReferralChange = R"sql(
  UPDATE referral_status_changes SET changed_at = :at WHERE organisation_id = :organisation AND id = :row
)sql";
// The documents of a file and of the referrals that opened it.
constexpr const char* kCoreMemberDocuments = R"sql(
  (owner_type = 'core_member' AND owner_id = :id)
  OR (owner_type = 'referral'
      AND owner_id IN (SELECT id FROM referrals WHERE organisation_id = :organisation AND core_member_id = :id))
)sql";

// A volunteer who left: identity, contact details, notes and reasons removed, dates coarsened;
// the stages, hours and stays the reports count kept.
constexpr const char* kAnonymiseVolunteer = R"sql(
  UPDATE volunteers
  SET first_name = '-', last_name = '-', name_folded = '', email = '', phone = '', region = '',
      languages = '', availability = '', availability_notes = '', date_of_birth = NULL, occupation = '',
      heard_about = '', gender = '', notes = ''
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kVolunteerReasons = R"sql(
  UPDATE volunteer_stage_changes SET reason = ''
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerScreening = R"sql(
  UPDATE screening_items
  SET notes = '', withdrawal_reason = '', completed_on = substr(completed_on, 1, 8) || '01',
      expires_on = substr(expires_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerSupervision = R"sql(
  UPDATE supervision_sessions SET notes = '', held_on = substr(held_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerHours = R"sql(
  UPDATE volunteer_hours SET description = '', worked_on = substr(worked_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerStays = R"sql(
  UPDATE circle_members
  SET left_reason = '', joined_on = substr(joined_on, 1, 8) || '01', left_on = substr(left_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerContacts = R"sql(
  UPDATE circle_contacts SET note = '' WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerConflicts = R"sql(
  UPDATE volunteer_conflicts SET note = '' WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerCalendar = R"sql(
  DELETE FROM calendar_tokens WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
// Volunteer care and expenses: the notes go; the scores, dates, reasons from the list and amounts
// stay for the reports and the books.
constexpr const char* kVolunteerDebriefs = R"sql(
  UPDATE volunteer_debriefs SET note = '' WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerWellbeing = R"sql(
  UPDATE volunteer_wellbeing SET note = '' WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerExitInterview = R"sql(
  UPDATE volunteer_exit_interviews SET note = ''
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerEndings = R"sql(
  UPDATE ending_questionnaires SET comment = ''
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kVolunteerExpenses = R"sql(
  UPDATE expense_claims SET note = '', refusal_reason = ''
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
// The account of a volunteer who left, once deactivated: its name and address go, and it can no
// longer sign in.
constexpr const char* kVolunteerAccount = R"sql(
  UPDATE users
  SET display_name = '-', email = 'anonymised-' || CAST(id AS text) || '@invalid.invalid',
      password_hash = NULL, totp_secret_sealed = NULL
  WHERE organisation_id = :organisation AND active = 0
    AND id = (SELECT user_id FROM volunteers WHERE organisation_id = :organisation AND id = :id)
)sql";
constexpr const char* kVolunteerChanges = R"sql(
  SELECT id, changed_at FROM volunteer_stage_changes
  WHERE organisation_id = :organisation AND volunteer_id = :id
)sql";
constexpr const char* kCoarsenVolunteerChange = R"sql(
  UPDATE volunteer_stage_changes SET changed_at = :at WHERE organisation_id = :organisation AND id = :row
)sql";
constexpr const char* kVolunteerDocuments = R"sql(
  (owner_type IN ('volunteer', 'expense_receipt') AND owner_id = :id)
)sql";

// Referrals: the man's identity, the referrer's and the reasons removed; {which} names the
// referrals (one declined referral, or every referral of a file).
constexpr const char* kAnonymiseReferrals = R"sql(
  UPDATE referrals
  SET source_other = '', referrer_name = '', referrer_organisation = '', referrer_contact = '',
      person_legal_name = '-', person_preferred_name = '', person_birth_date = NULL, summary = '',
      decision_reason = '', received_on = substr(received_on, 1, 8) || '01'
  WHERE organisation_id = :organisation AND {which}
)sql";
constexpr const char* kReferralReasons = R"sql(
  UPDATE referral_status_changes SET reason = ''
  WHERE organisation_id = :organisation AND referral_id = :id
)sql";
constexpr const char* kReferralChanges = R"sql(
  SELECT id, changed_at FROM referral_status_changes
  WHERE organisation_id = :organisation AND referral_id = :id
)sql";
constexpr const char* kReferralDocuments = R"sql(
  (owner_type = 'referral' AND owner_id = :id)
)sql";

// A closed concern: what was seen, done, disclosed and answered destroyed.
constexpr const char* kAnonymiseConcern = R"sql(
  UPDATE concerns SET observed = '-', already_done = '', outcome_note = '', reply = ''
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kConcernActions = R"sql(
  UPDATE concern_actions SET note = '-' WHERE organisation_id = :organisation AND concern_id = :id
)sql";
constexpr const char* kConcernDisclosures = R"sql(
  UPDATE concern_disclosures
  SET recipient_name = '-', recipient_organisation = '', shared = '-', explanation = ''
  WHERE organisation_id = :organisation AND concern_id = :id
)sql";

// Minutes: their text destroyed; the length and the attendance stay for volunteer hours.
constexpr const char* kDestroyMinutes = R"sql(
  UPDATE circle_minutes
  SET check_in = '', accountability = '', support = '', decisions = '', next_steps = '',
      coordinator_comment = ''
  WHERE organisation_id = :organisation AND meeting_id = :id
)sql";

// An incident: who it concerned and which records it touched removed, its free text cleared; its
// dates, its count of people, its risk levels and its notices kept for the register.
constexpr const char* kIncidentPeople = R"sql(
  DELETE FROM privacy_incident_people WHERE organisation_id = :organisation AND incident_id = :id
)sql";
constexpr const char* kIncidentRecords = R"sql(
  DELETE FROM privacy_incident_records WHERE organisation_id = :organisation AND incident_id = :id
)sql";
constexpr const char* kAnonymiseIncident = R"sql(
  UPDATE privacy_incidents
  SET information = '', information_unknown = '—', circumstances = '—',
      occurred_unknown = CASE WHEN occurred_from IS NULL THEN '—' ELSE '' END,
      sensitivity_note = '', misuse_note = '', consequences_note = '', likelihood_note = '',
      measures = '—'
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kDeleteSession = R"sql(
  DELETE FROM sessions WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kDeleteMail = R"sql(
  DELETE FROM outbox WHERE organisation_id = :organisation AND id = :id
)sql";

constexpr const char* kDocumentsOf = R"sql(
  SELECT storage_name FROM documents WHERE organisation_id = :organisation AND ({owners})
)sql";
constexpr const char* kDestroyDocuments = R"sql(
  UPDATE documents SET title = '', filename = '', deleted_at = coalesce(deleted_at, :now)
  WHERE organisation_id = :organisation AND ({owners})
)sql";
constexpr const char* kDocumentItself = R"sql(
  (id = :id)
)sql";

struct Ended {
  using Record = EndedRecord;
  static auto Fields(Record& r) { return std::tie(r.id, r.reference, r.ended_at); }
};

// The query of the ended records of `kind`, or null.
const char* EndedQuery(domain::RetainedKind kind) {
  using domain::RetainedKind;
  switch (kind) {
    case RetainedKind::kCoreMemberFiles:
      return kEndedCoreMembers;
    case RetainedKind::kVolunteersWhoLeft:
      return kEndedVolunteers;
    case RetainedKind::kDeclinedReferrals:
      return kEndedReferrals;
    case RetainedKind::kConcerns:
      return kEndedConcerns;
    case RetainedKind::kMinutes:
      return kEndedMinutes;
    case RetainedKind::kDocuments:
      return kEndedDocuments;
    case RetainedKind::kSessions:
      return kEndedSessions;
    case RetainedKind::kMail:
      return kEndedMail;
    case RetainedKind::kIncidents:
      return kEndedIncidents;
    case RetainedKind::kAuditEntries:
      break;
  }
  return nullptr;
}

}  // namespace

std::vector<EndedRecord> RetentionRecordsStore::ListEnded(std::int64_t organisation_id,
                                                          domain::RetainedKind kind) {
  const char* query = EndedQuery(kind);
  if (!query) return {};
  return FetchAll<TableRow<Ended>>(session_, query, Params({{"organisation", organisation_id}}));
}

void RetentionRecordsStore::RunAll(const std::vector<const char*>& statements,
                                   std::int64_t organisation_id, std::int64_t id) {
  for (const char* statement : statements) {
    Change(session_, statement, Values("organisation", organisation_id, "id", id));
  }
}

void RetentionRecordsStore::CoarsenInstants(const char* select, const char* update,
                                            std::int64_t organisation_id, std::int64_t id,
                                            const CoarsenInstant& coarsen) {
  std::vector<std::pair<std::int64_t, Instant>> rows;
  {
    long long row = 0, at = 0;
    soci::statement statement =
        (session_.prepare << select, soci::use(organisation_id, "organisation"),
         soci::use(id, "id"), soci::into(row), soci::into(at));
    statement.execute();
    while (statement.fetch()) rows.emplace_back(row, FromUnix(at));
  }
  for (const auto& [row, at] : rows) {
    Change(session_, update,
           Values("at", coarsen(at), "organisation", organisation_id, "row", row));
  }
}

std::vector<std::string> RetentionRecordsStore::DestroyDocuments(const char* owners_query,
                                                                 std::int64_t organisation_id,
                                                                 std::int64_t id, Instant now) {
  std::vector<std::string> names;
  {
    std::string name;
    soci::statement statement =
        (session_.prepare << Replaced(kDocumentsOf, "{owners}", owners_query),
         soci::use(organisation_id, "organisation"), soci::use(id, "id"), soci::into(name));
    statement.execute();
    while (statement.fetch()) names.push_back(name);
  }
  Change(session_, Replaced(kDestroyDocuments, "{owners}", owners_query),
         Values("now", now, "organisation", organisation_id, "id", id));
  return names;
}

std::vector<std::string> RetentionRecordsStore::DisposeCoreMember(std::int64_t organisation_id,
                                                                  std::int64_t id, Instant now,
                                                                  const CoarsenInstant& coarsen) {
  // The documents first, while the referrals still name the file.
  auto documents = DestroyDocuments(kCoreMemberDocuments, organisation_id, id, now);
  CoarsenInstants(kCoreMemberChanges, kCoarsenCoreMemberChange, organisation_id, id, coarsen);
  CoarsenInstants(kCoreMemberReferralChanges, kCoarsenReferralChange, organisation_id, id, coarsen);
  Change(session_, Replaced(kAnonymiseReferrals, "{which}", "core_member_id = :id"),
         Values("organisation", organisation_id, "id", id));
  RunAll(
      {kAnonymiseCoreMember, kCoreMemberReasons, kCoreMemberReferralReasons, kCoreMemberOrders,
       kCoreMemberConditions, kCoreMemberAssessments, kCoreMemberConsents, kCoreMemberEvents,
       kCoreMemberMeasures, kCoreMemberChecks, kCoreMemberCircles, kCoreMemberMeetingOverrides,
       kCoreMemberConflicts, kCoreMemberFactorComments, kCoreMemberEndings, kCoreMemberPlanVersions,
       kCoreMemberPlanGoals, kCoreMemberPlanSigns, kCoreMemberGoalProgress},
      organisation_id, id);
  return documents;
}

std::vector<std::string> RetentionRecordsStore::DisposeVolunteer(std::int64_t organisation_id,
                                                                 std::int64_t id, Instant now,
                                                                 const CoarsenInstant& coarsen) {
  auto documents = DestroyDocuments(kVolunteerDocuments, organisation_id, id, now);
  CoarsenInstants(kVolunteerChanges, kCoarsenVolunteerChange, organisation_id, id, coarsen);
  RunAll({kVolunteerAccount, kAnonymiseVolunteer, kVolunteerReasons, kVolunteerScreening,
          kVolunteerSupervision, kVolunteerHours, kVolunteerStays, kVolunteerContacts,
          kVolunteerConflicts, kVolunteerCalendar, kVolunteerDebriefs, kVolunteerWellbeing,
          kVolunteerExitInterview, kVolunteerExpenses, kVolunteerEndings},
         organisation_id, id);
  return documents;
}

std::vector<std::string> RetentionRecordsStore::DisposeReferral(std::int64_t organisation_id,
                                                                std::int64_t id, Instant now,
                                                                const CoarsenInstant& coarsen) {
  auto documents = DestroyDocuments(kReferralDocuments, organisation_id, id, now);
  CoarsenInstants(kReferralChanges, kCoarsenReferralChange, organisation_id, id, coarsen);
  Change(session_, Replaced(kAnonymiseReferrals, "{which}", "id = :id"),
         Values("organisation", organisation_id, "id", id));
  RunAll({kReferralReasons}, organisation_id, id);
  return documents;
}

std::vector<std::string> RetentionRecordsStore::Dispose(std::int64_t organisation_id,
                                                        domain::RetainedKind kind, std::int64_t id,
                                                        Instant now,
                                                        const CoarsenInstant& coarsen) {
  using domain::RetainedKind;
  switch (kind) {
    case RetainedKind::kCoreMemberFiles:
      return DisposeCoreMember(organisation_id, id, now, coarsen);
    case RetainedKind::kVolunteersWhoLeft:
      return DisposeVolunteer(organisation_id, id, now, coarsen);
    case RetainedKind::kDeclinedReferrals:
      return DisposeReferral(organisation_id, id, now, coarsen);
    case RetainedKind::kConcerns:
      RunAll({kAnonymiseConcern, kConcernActions, kConcernDisclosures}, organisation_id, id);
      return {};
    case RetainedKind::kMinutes:
      RunAll({kDestroyMinutes}, organisation_id, id);
      return {};
    case RetainedKind::kDocuments:
      return DestroyDocuments(kDocumentItself, organisation_id, id, now);
    case RetainedKind::kSessions:
      RunAll({kDeleteSession}, organisation_id, id);
      return {};
    case RetainedKind::kMail:
      RunAll({kDeleteMail}, organisation_id, id);
      return {};
    case RetainedKind::kIncidents:
      RunAll({kIncidentPeople, kIncidentRecords, kAnonymiseIncident}, organisation_id, id);
      return {};
    case RetainedKind::kAuditEntries:
      break;
  }
  return {};
}

}  // namespace cercle::store
