#pragma once

#include <tuple>

#include "domain/concern.hpp"
#include "domain/concern_disclosure.hpp"
#include "domain/core_member.hpp"
#include "domain/eligibility.hpp"
#include "domain/legal.hpp"
#include "domain/outcomes.hpp"
#include "domain/outreach.hpp"
#include "domain/referral.hpp"
#include "domain/screening.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"
#include "store/concern_escalation_store.hpp"
#include "store/document_store.hpp"
#include "store/organisation_store.hpp"
#include "store/session_store.hpp"
#include "store/table.hpp"

namespace cercle::store::table_detail {

// A volunteer's availability, as its slot codes ("tue-evening,thu-evening").
template <>
struct Stored<domain::Availability> {
  using Base = std::string;
  static Base Write(const domain::Availability& availability) { return availability.Format(); }
  static domain::Availability Read(const Base& text) { return domain::Availability::Parse(text); }
};

// How a volunteer heard of the organisation: an empty name when they did not say.
template <>
struct Stored<domain::HeardAbout> : StoredEnum<domain::HeardAbout> {
  static constexpr const char* kAbsent = "";
};

}  // namespace cercle::store::table_detail

// The tables the stores read and write through store/table.hpp, each described once: its columns
// by who writes them, and the members of its record in the same order. Together they read as the
// schema the stores see; the migrations make it.
namespace cercle::store::tables {

// Volunteers (store/volunteer_store).
// The volunteers' files, with their folded name; stage moves are written apart.
struct Volunteers {
  using Record = domain::Volunteer;
  static constexpr TableColumns kColumns{
      .table = "volunteers",
      .fixed = "organisation_id, stage, stage_changed_at, created_at",
      .changing =
          "user_id, first_name, last_name, email, phone, region, languages, availability, "
          "availability_notes, date_of_birth, occupation, heard_about, gender, notes, updated_at",
      .computed = "name_folded"};
  static auto Fields(Record& file) {
    return std::tie(file.id, file.organisation_id, file.stage, file.stage_changed_at,
                    file.created_at, file.user_id, file.first_name, file.last_name, file.email,
                    file.phone, file.region, file.languages, file.availability,
                    file.availability_notes, file.date_of_birth, file.occupation, file.heard_about,
                    file.gender, file.notes, file.updated_at);
  }
};

// A move of a volunteer's file; its organisation is bound apart, as the record has none.
struct VolunteerStageChanges {
  using Record = domain::StageChange;
  static constexpr TableColumns kColumns{
      .table = "volunteer_stage_changes",
      .fixed = "volunteer_id, from_stage, to_stage, reason, changed_by, changed_at",
      .created = "organisation_id"};
  static auto Fields(Record& change) {
    return std::tie(change.id, change.volunteer_id, change.from, change.to, change.reason,
                    change.changed_by, change.changed_at);
  }
};

// The supervision and debriefing sessions of volunteers.
struct SupervisionSessions {
  using Record = domain::SupervisionSession;
  static constexpr TableColumns kColumns{
      .table = "supervision_sessions",
      .fixed = "organisation_id, volunteer_id, held_on, kind, notes, recorded_by, recorded_at"};
  static auto Fields(Record& session) {
    return std::tie(session.id, session.organisation_id, session.volunteer_id, session.held_on,
                    session.kind, session.notes, session.recorded_by, session.recorded_at);
  }
};

// Volunteers: screening (store/screening_store) and training (store/training_store).
// The organisation's screening item types; created_at is written once.
struct ScreeningItemTypes {
  using Record = domain::ScreeningItemType;
  static constexpr TableColumns kColumns{
      .table = "screening_item_types",
      .fixed = "organisation_id, position",
      .changing = "name, required, required_count, validity_months, active",
      .created = "created_at"};
  static auto Fields(Record& type) {
    return std::tie(type.id, type.organisation_id, type.position, type.name, type.required,
                    type.required_count, type.validity_months, type.active);
  }
};

// The screening items recorded for volunteers; a withdrawal is written apart.
struct ScreeningItems {
  using Record = domain::ScreeningItem;
  static constexpr TableColumns kColumns{
      .table = "screening_items",
      .fixed =
          "organisation_id, volunteer_id, type_id, completed_on, result, expires_on, "
          "checked_by, document_id, notes, recorded_at",
      .read_only = "withdrawn_at, withdrawal_reason"};
  static auto Fields(Record& item) {
    return std::tie(item.id, item.organisation_id, item.volunteer_id, item.type_id,
                    item.completed_on, item.result, item.expires_on, item.checked_by,
                    item.document_id, item.notes, item.recorded_at, item.withdrawn_at,
                    item.withdrawal_reason);
  }
};

// The organisation's training modules; created_at is written once.
struct TrainingModules {
  using Record = domain::TrainingModule;
  static constexpr TableColumns kColumns{
      .table = "training_modules",
      .fixed = "organisation_id, position",
      .changing = "name, required_for_circles, required_minutes, active",
      .created = "created_at"};
  static auto Fields(Record& module) {
    return std::tie(module.id, module.organisation_id, module.position, module.name,
                    module.required_for_circles, module.required_minutes, module.active);
  }
};

// The training sessions held; who created them and when is written once.
struct TrainingSessions {
  using Record = domain::TrainingSession;
  static constexpr TableColumns kColumns{
      .table = "training_sessions",
      .fixed = "organisation_id, module_id, held_on, ends_on, duration_minutes, title",
      .created = "created_by, created_at"};
  static auto Fields(Record& session) {
    return std::tie(session.id, session.organisation_id, session.module_id, session.held_on,
                    session.ends_on, session.duration_minutes, session.title);
  }
};

// Outcomes of files (store/outcome_store).
// The recidivism events recorded on files.
struct RecidivismEvents {
  using Record = domain::RecidivismEvent;
  static constexpr TableColumns kColumns{
      .table = "recidivism_events",
      .fixed = "organisation_id, core_member_id, recorded_by, recorded_at",
      .changing = "occurred_on, kind, category, source, reference, circle_period, updated_at"};
  static auto Fields(Record& event) {
    return std::tie(event.id, event.organisation_id, event.core_member_id, event.recorded_by,
                    event.recorded_at, event.occurred_on, event.kind, event.category, event.source,
                    event.reference, event.period, event.updated_at);
  }
};

// The outcome measures of files, one level per dimension.
struct OutcomeMeasures {
  using Record = domain::OutcomeMeasure;
  static constexpr TableColumns kColumns{
      .table = "outcome_measures",
      .fixed =
          "organisation_id, core_member_id, measured_on, occasion, housing, occupation, "
          "social_network, recorded_by, recorded_at"};
  static auto Fields(Record& measure) {
    return std::tie(measure.id, measure.organisation_id, measure.core_member_id,
                    measure.measured_on, measure.occasion, measure.levels[0], measure.levels[1],
                    measure.levels[2], measure.recorded_by, measure.recorded_at);
  }
};

// The follow-up checks of closed files.
struct FollowUpChecks {
  using Record = domain::FollowUpCheck;
  static constexpr TableColumns kColumns{
      .table = "follow_up_checks",
      .fixed =
          "organisation_id, core_member_id, milestone_months, checked_on, found_events, "
          "recorded_by, recorded_at"};
  static auto Fields(Record& check) {
    return std::tie(check.id, check.organisation_id, check.core_member_id, check.milestone_months,
                    check.checked_on, check.found_events, check.recorded_by, check.recorded_at);
  }
};

// Orders and release conditions (store/legal_store).
// The supervision orders of files.
struct SupervisionOrders {
  using Record = domain::SupervisionOrder;
  static constexpr TableColumns kColumns{
      .table = "supervision_orders",
      .fixed = "organisation_id, core_member_id, created_at",
      .changing =
          "order_type, starts_on, ends_on, officer_user_id, officer_name, officer_contact, "
          "updated_at"};
  static auto Fields(Record& order) {
    return std::tie(order.id, order.organisation_id, order.core_member_id, order.created_at,
                    order.type, order.starts_on, order.ends_on, order.officer_user_id,
                    order.officer_name, order.officer_contact, order.updated_at);
  }
};

// The release conditions of orders, with their victim details.
struct ReleaseConditions {
  using Record = domain::Condition;
  static constexpr TableColumns kColumns{
      .table = "release_conditions",
      .fixed = "organisation_id, core_member_id, order_id, created_at",
      .changing =
          "kind, condition_text, starts_on, ends_on, protects_victim, victim_identity, "
          "victim_places, zone, updated_at"};
  static auto Fields(Record& condition) {
    return std::tie(condition.id, condition.organisation_id, condition.core_member_id,
                    condition.order_id, condition.created_at, condition.kind, condition.text,
                    condition.starts_on, condition.ends_on, condition.protects_victim,
                    condition.victim_identity, condition.victim_places, condition.zone,
                    condition.updated_at);
  }
};

// Outreach and significant stories (store/outreach_store).
// The organisation's outreach activities.
struct OutreachActivities {
  using Record = domain::OutreachActivity;
  static constexpr TableColumns kColumns{
      .table = "outreach_activities",
      .fixed = "organisation_id, recorded_by, recorded_at",
      .changing = "held_on, kind, title, audience, reach, language, participants, updated_at"};
  static auto Fields(Record& activity) {
    return std::tie(activity.id, activity.organisation_id, activity.recorded_by,
                    activity.recorded_at, activity.held_on, activity.kind, activity.title,
                    activity.audience, activity.reach, activity.language, activity.participants,
                    activity.updated_at);
  }
};

// The significant stories; a review is written apart, and an update clears it.
struct SignificantStories {
  using Record = domain::SignificantStory;
  static constexpr TableColumns kColumns{
      .table = "significant_stories",
      .fixed = "organisation_id, written_by, created_at",
      .changing =
          "written_on, title, story, about_core_member_id, reviewed_by, reviewed_at, updated_at"};
  static auto Fields(Record& story) {
    return std::tie(story.id, story.organisation_id, story.written_by, story.created_at,
                    story.written_on, story.title, story.text, story.about_core_member_id,
                    story.reviewed_by, story.reviewed_at, story.updated_at);
  }
};

// Referrals (store/referral_store).
// The referrals; their moves and link to a file are written apart.
struct Referrals {
  using Record = domain::Referral;
  static constexpr TableColumns kColumns{
      .table = "referrals",
      .fixed = "organisation_id, status, created_by, created_at",
      .changing =
          "source, source_other, referrer_name, referrer_organisation, referrer_contact, "
          "received_on, person_legal_name, person_preferred_name, person_birth_date, "
          "summary, updated_at",
      .read_only = "decision_reason, core_member_id"};
  static auto Fields(Record& referral) {
    return std::tie(referral.id, referral.organisation_id, referral.status, referral.created_by,
                    referral.created_at, referral.source, referral.source_other,
                    referral.referrer_name, referral.referrer_organisation,
                    referral.referrer_contact, referral.received_on, referral.person_legal_name,
                    referral.person_preferred_name, referral.person_birth_date, referral.summary,
                    referral.updated_at, referral.decision_reason, referral.core_member_id);
  }
};

// A move of a referral; its organisation is bound apart, as the record has none.
struct ReferralStatusChanges {
  using Record = domain::ReferralStatusChange;
  static constexpr TableColumns kColumns{
      .table = "referral_status_changes",
      .fixed = "referral_id, from_status, to_status, reason, changed_by, changed_at",
      .created = "organisation_id"};
  static auto Fields(Record& change) {
    return std::tie(change.id, change.referral_id, change.from, change.to, change.reason,
                    change.changed_by, change.changed_at);
  }
};

// Core members' files (store/core_member_store).
// The core members' files, with their folded search text; status moves are written apart.
struct CoreMembers {
  using Record = domain::CoreMember;
  static constexpr TableColumns kColumns{
      .table = "core_members",
      .fixed = "organisation_id, status, created_at",
      .changing =
          "file_number, legal_name, preferred_name, birth_date, preferred_language, "
          "other_language, phone, email, address, region, offence_summary, "
          "volunteer_summary, coordinator_user_id, statutory_release_date, "
          "warrant_expiry_date, updated_at",
      .computed = "search_text"};
  static auto Fields(Record& file) {
    return std::tie(file.id, file.organisation_id, file.status, file.created_at, file.file_number,
                    file.legal_name, file.preferred_name, file.birth_date, file.preferred_language,
                    file.other_language, file.phone, file.email, file.address, file.region,
                    file.offence_summary, file.volunteer_summary, file.coordinator_user_id,
                    file.statutory_release_date, file.warrant_expiry_date, file.updated_at);
  }
};

// A move of a file; its organisation is bound apart, as the record has none.
struct CoreMemberStatusChanges {
  using Record = domain::CoreMemberStatusChange;
  static constexpr TableColumns kColumns{
      .table = "core_member_status_changes",
      .fixed =
          "core_member_id, from_status, to_status, reason, referral_id, changed_by, "
          "changed_at",
      .created = "organisation_id"};
  static auto Fields(Record& change) {
    return std::tie(change.id, change.core_member_id, change.from, change.to, change.reason,
                    change.referral_id, change.changed_by, change.changed_at);
  }
};

// The risk assessments of files.
struct RiskAssessments {
  using Record = domain::RiskAssessment;
  static constexpr TableColumns kColumns{
      .table = "risk_assessments",
      .fixed =
          "organisation_id, core_member_id, tool, tool_other, score, level, assessed_on, "
          "assessor, source_document_id, recorded_by, recorded_at"};
  static auto Fields(Record& risk) {
    return std::tie(risk.id, risk.organisation_id, risk.core_member_id, risk.tool, risk.tool_other,
                    risk.score, risk.level, risk.assessed_on, risk.assessor,
                    risk.source_document_id, risk.recorded_by, risk.recorded_at);
  }
};

// The consents of core members; a withdrawal is written apart.
struct Consents {
  using Record = domain::Consent;
  static constexpr TableColumns kColumns{
      .table = "consents",
      .fixed =
          "organisation_id, core_member_id, scope, partner_organisation, given_on, "
          "expires_on, recorded_by, recorded_at",
      .read_only = "withdrawn_on"};
  static auto Fields(Record& consent) {
    return std::tie(consent.id, consent.organisation_id, consent.core_member_id, consent.scope,
                    consent.partner_organisation, consent.given_on, consent.expires_on,
                    consent.recorded_by, consent.recorded_at, consent.withdrawn_on);
  }
};

// Concerns (store/concern_store, store/concern_escalation_store).
// The concerns; their moves (acknowledged, started, closed) and the reply are written apart.
struct Concerns {
  using Record = domain::Concern;
  static constexpr TableColumns kColumns{
      .table = "concerns",
      .fixed =
          "organisation_id, circle_id, meeting_id, category, severity, status, observed, "
          "observed_at, already_done, raised_by, raised_by_volunteer_id, raised_at",
      .changing = "updated_at",
      .read_only =
          "acknowledged_by, acknowledged_at, started_at, closed_by, closed_at, outcome, "
          "outcome_note, reply, replied_by, replied_at"};
  static auto Fields(Record& concern) {
    return std::tie(concern.id, concern.organisation_id, concern.circle_id, concern.meeting_id,
                    concern.category, concern.severity, concern.status, concern.observed,
                    concern.observed_at, concern.already_done, concern.raised_by,
                    concern.raised_by_volunteer, concern.raised_at, concern.updated_at,
                    concern.acknowledged_by, concern.acknowledged_at, concern.started_at,
                    concern.closed_by, concern.closed_at, concern.outcome, concern.outcome_note,
                    concern.reply, concern.replied_by, concern.replied_at);
  }
};

// The actions taken on concerns.
struct ConcernActions {
  using Record = domain::ConcernAction;
  static constexpr TableColumns kColumns{
      .table = "concern_actions",
      .fixed =
          "organisation_id, concern_id, kind, note, taken_at, meeting_id, recorded_by, "
          "recorded_at"};
  static auto Fields(Record& action) {
    return std::tie(action.id, action.organisation_id, action.concern_id, action.kind, action.note,
                    action.taken_at, action.meeting_id, action.recorded_by, action.recorded_at);
  }
};

// The disclosures made about concerns.
struct ConcernDisclosures {
  using Record = domain::Disclosure;
  static constexpr TableColumns kColumns{
      .table = "concern_disclosures",
      .fixed =
          "organisation_id, concern_id, recipient_kind, partner_contact_id, recipient_name, "
          "recipient_organisation, disclosed_at, means, shared, basis, consent_id, "
          "agreement_id, explanation, recorded_by, recorded_at"};
  static auto Fields(Record& disclosure) {
    return std::tie(disclosure.id, disclosure.organisation_id, disclosure.concern_id,
                    disclosure.recipient_kind, disclosure.partner_contact_id,
                    disclosure.recipient_name, disclosure.recipient_organisation,
                    disclosure.disclosed_at, disclosure.means, disclosure.shared, disclosure.basis,
                    disclosure.consent_id, disclosure.agreement_id, disclosure.explanation,
                    disclosure.recorded_by, disclosure.recorded_at);
  }
};

// The alert steps of concerns; firing and cancelling are written apart, recipients elsewhere.
struct ConcernEscalations {
  using Record = EscalationStep;
  static constexpr TableColumns kColumns{
      .table = "concern_escalations",
      .fixed = "organisation_id, concern_id, step, due_at, fired_at",
      .read_only = "cancelled_at"};
  static auto Fields(Record& step) {
    return std::tie(step.id, step.organisation_id, step.concern_id, step.step, step.due_at,
                    step.fired_at, step.cancelled_at);
  }
};

// Sign-in, documents and organisations (store/session_store, document_store, organisation_store).
// The sign-in sessions; the token's hash is written once and never read back.
struct Sessions {
  using Record = SessionRecord;
  static constexpr TableColumns kColumns{
      .table = "sessions",
      .fixed =
          "user_id, organisation_id, stage, created_at, last_seen_at, expires_at, "
          "idle_seconds, reauthenticated_at, client_address, user_agent",
      .created = "token_hash"};
  static auto Fields(Record& session) {
    return std::tie(session.id, session.user_id, session.organisation_id, session.stage,
                    session.created_at, session.last_seen_at, session.expires_at,
                    session.idle_seconds, session.reauthenticated_at, session.client_address,
                    session.user_agent);
  }
};

// The records of uploaded documents; a deletion is written apart.
struct Documents {
  using Record = Document;
  static constexpr TableColumns kColumns{
      .table = "documents",
      .fixed =
          "organisation_id, owner_type, owner_id, title, filename, content_type, size_bytes, "
          "storage_name, uploaded_by, uploaded_at"};
  static auto Fields(Record& document) {
    return std::tie(document.id, document.organisation_id, document.owner_type, document.owner_id,
                    document.title, document.filename, document.content_type, document.size_bytes,
                    document.storage_name, document.uploaded_by, document.uploaded_at);
  }
};

// The member organisations.
struct Organisations {
  using Record = Organisation;
  static constexpr TableColumns kColumns{.table = "organisations",
                                         .fixed = "name, slug, created_at"};
  static auto Fields(Record& organisation) {
    return std::tie(organisation.id, organisation.name, organisation.slug, organisation.created_at);
  }
};

}  // namespace cercle::store::tables
