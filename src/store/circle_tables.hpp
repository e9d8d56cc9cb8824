#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/circle_contacts.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"
#include "domain/hours.hpp"
#include "store/calendar_token_store.hpp"
#include "store/circle_store.hpp"
#include "store/table.hpp"

// How the circles' columns that no generic rule fits are stored.
namespace cercle::store::table_detail {

// The weekly slots a circle can meet at, as volunteers' availability: "tue-evening,thu-evening".
template <>
struct Stored<domain::Availability> {
  using Base = std::string;
  static Base Write(const domain::Availability& times) { return times.Format(); }
  static domain::Availability Read(const Base& text) { return domain::Availability::Parse(text); }
};

// A circle's offence profile: '' when none is chosen, never NULL (the column is NOT NULL DEFAULT
// '', as the rows written before the table descriptions have it).
template <>
struct Slot<std::optional<domain::OffenceProfile>> {
  std::string value;
  soci::indicator indicator = soci::i_ok;

  void Put(const std::optional<domain::OffenceProfile>& member) {
    value = member ? std::string(domain::NameOf(*member)) : std::string();
    indicator = soci::i_ok;
  }
  void Get(std::optional<domain::OffenceProfile>& member) const {
    member =
        indicator == soci::i_ok ? domain::ParseEnum<domain::OffenceProfile>(value) : std::nullopt;
  }
};

}  // namespace cercle::store::table_detail

// The tables of circles, their meetings, covenants, partners and the hours they bring, each
// described once for store/table.hpp: its columns by who writes them, and the members of its record
// in the same order (see store/tables.hpp for the other tables).
namespace cercle::store::tables {

// Circles (store/circle_store). The phase and closure are moved by a guarded statement of their
// own; the details change through Update.
struct Circles {
  using Record = domain::Circle;
  static constexpr TableColumns kColumns{
      .table = "circles",
      .fixed =
          "organisation_id, core_member_id, code_name, phase, phase_since, started_on, "
          "created_by, created_at",
      .changing = "offence_profile, meeting_times, meeting_place, updated_at",
      .read_only = "closed_on, closure_reason, closing_note"};
  static auto Fields(Record& circle) {
    return std::tie(circle.id, circle.organisation_id, circle.core_member_id, circle.code_name,
                    circle.phase, circle.phase_since, circle.started_on, circle.created_by,
                    circle.created_at, circle.offence_profile, circle.meeting_times,
                    circle.meeting_place, circle.updated_at, circle.closed_on,
                    circle.closure_reason, circle.closing_note);
  }
};

// The stays of volunteers in circles; their end and the primary volunteer are written apart.
struct CircleMembers {
  using Record = domain::CircleMember;
  static constexpr TableColumns kColumns{
      .table = "circle_members",
      .fixed =
          "organisation_id, circle_id, volunteer_id, is_primary, joined_on, "
          "replaced_member_id, added_by, added_at",
      .read_only = "left_on, left_reason"};
  static auto Fields(Record& member) {
    return std::tie(member.id, member.organisation_id, member.circle_id, member.volunteer_id,
                    member.primary, member.joined_on, member.replaced_member_id, member.added_by,
                    member.added_at, member.left_on, member.left_reason);
  }
};

// A circle's phase change; its organisation is bound apart, as the record has none.
struct CirclePhaseChanges {
  using Record = domain::PhaseChange;
  static constexpr TableColumns kColumns{
      .table = "circle_phase_changes",
      .fixed =
          "circle_id, from_phase, to_phase, decided_on, meeting_id, reason, decided_by, "
          "recorded_at",
      .created = "organisation_id"};
  static auto Fields(Record& change) {
    return std::tie(change.id, change.circle_id, change.from, change.to, change.decided_on,
                    change.meeting_id, change.reason, change.decided_by, change.recorded_at);
  }
};

// The numbered versions of circles' covenants.
struct CovenantVersions {
  using Record = domain::CovenantVersion;
  static constexpr TableColumns kColumns{
      .table = "covenant_versions",
      .fixed =
          "organisation_id, circle_id, version, body, note, phase_change_id, created_by, "
          "created_at"};
  static auto Fields(Record& version) {
    return std::tie(version.id, version.organisation_id, version.circle_id, version.version,
                    version.body, version.note, version.phase_change_id, version.created_by,
                    version.created_at);
  }
};

// The signatures of covenant versions.
struct CovenantSignatures {
  using Record = domain::CovenantSignature;
  static constexpr TableColumns kColumns{
      .table = "covenant_signatures",
      .fixed =
          "organisation_id, version_id, signatory, volunteer_id, signed_on, recorded_by, "
          "recorded_at"};
  static auto Fields(Record& signature) {
    return std::tie(signature.id, signature.organisation_id, signature.version_id,
                    signature.signatory, signature.volunteer_id, signature.signed_on,
                    signature.recorded_by, signature.recorded_at);
  }
};

// The conflicts volunteers declared with core members; the organisation is bound apart, as the
// record has none.
struct VolunteerConflicts {
  using Record = VolunteerConflict;
  static constexpr TableColumns kColumns{
      .table = "volunteer_conflicts",
      .fixed = "volunteer_id, core_member_id, note, recorded_by, recorded_at",
      .created = "organisation_id"};
  static auto Fields(Record& conflict) {
    return std::tie(conflict.id, conflict.volunteer_id, conflict.core_member_id, conflict.note,
                    conflict.recorded_by, conflict.recorded_at);
  }
};

// Meetings (store/meeting_store). A cancellation is written apart.
struct Meetings {
  using Record = domain::Meeting;
  static constexpr TableColumns kColumns{
      .table = "circle_meetings",
      .fixed =
          "organisation_id, circle_id, kind, starts_at, duration_minutes, place, "
          "writer_volunteer_id, created_by, created_at, venue_id, mode, clash_override_reason, "
          "clash_overridden_by",
      .read_only = "cancelled_at"};
  static auto Fields(Record& meeting) {
    return std::tie(meeting.id, meeting.organisation_id, meeting.circle_id, meeting.kind,
                    meeting.starts, meeting.duration_minutes, meeting.place,
                    meeting.writer_volunteer_id, meeting.created_by, meeting.created_at,
                    meeting.venue_id, meeting.mode, meeting.clash_override_reason,
                    meeting.clash_overridden_by, meeting.cancelled_at);
  }
};

// The organisation's meeting places (store/venue_store).
struct Venues {
  using Record = domain::Venue;
  static constexpr TableColumns kColumns{
      .table = "venues",
      .fixed = "organisation_id, created_at",
      .changing =
          "name, kind, children_present, public_place, accessible, exclusion_zones, notes, "
          "archived_at, updated_at"};
  static auto Fields(Record& venue) {
    return std::tie(venue.id, venue.organisation_id, venue.created_at, venue.name, venue.kind,
                    venue.children_present, venue.public_place, venue.accessible,
                    venue.exclusion_zones, venue.notes, venue.archived_at, venue.updated_at);
  }
};

// The minutes of meetings, read with their meeting. The table's key is meeting_id (it has no id of
// its own), so it is a projection whose columns kList names in the order of Fields().
struct MeetingMinutes {
  using Record = domain::Minutes;
  static constexpr std::string_view kList =
      "meeting_id, organisation_id, written_by_volunteer_id, written_by, duration_minutes, "
      "core_member_present, check_in, accountability, support, decisions, next_steps, "
      "submitted_at, acknowledged_by, acknowledged_at, coordinator_comment";
  static auto Fields(Record& minutes) {
    return std::tie(minutes.meeting_id, minutes.organisation_id, minutes.written_by_volunteer_id,
                    minutes.written_by, minutes.duration_minutes, minutes.core_member_present,
                    minutes.check_in, minutes.accountability, minutes.support, minutes.decisions,
                    minutes.next_steps, minutes.submitted_at, minutes.acknowledged_by,
                    minutes.acknowledged_at, minutes.coordinator_comment);
  }
};
static_assert(table_detail::CountNames(MeetingMinutes::kList) == TableRow<MeetingMinutes>::kCount,
              "MeetingMinutes::Fields() must name one member per column of kList");

// The contacts volunteers log between meetings (store/circle_contact_store).
struct CircleContacts {
  using Record = domain::CircleContact;
  static constexpr TableColumns kColumns{
      .table = "circle_contacts",
      .fixed =
          "organisation_id, circle_id, volunteer_id, contacted_on, kind, duration_minutes, "
          "note, logged_by, logged_at"};
  static auto Fields(Record& contact) {
    return std::tie(contact.id, contact.organisation_id, contact.circle_id, contact.volunteer_id,
                    contact.contacted_on, contact.kind, contact.duration_minutes, contact.note,
                    contact.logged_by, contact.logged_at);
  }
};

// Circles' reviews and renewal decisions (store/circle_review_store).
struct CircleReviews {
  using Record = domain::CircleReview;
  static constexpr TableColumns kColumns{
      .table = "circle_reviews",
      .fixed =
          "organisation_id, circle_id, kind, held_on, participants, outcome, decisions, "
          "renewal_decision, recorded_by, recorded_at"};
  static auto Fields(Record& review) {
    return std::tie(review.id, review.organisation_id, review.circle_id, review.kind,
                    review.held_on, review.participants, review.outcome, review.decisions,
                    review.renewal, review.recorded_by, review.recorded_at);
  }
};

// The outer circle (store/partner_store): partner contacts, with who created them.
struct PartnerContacts {
  using Record = domain::PartnerContact;
  static constexpr TableColumns kColumns{
      .table = "partner_contacts",
      .fixed = "organisation_id, created_at",
      .changing = "kind, name, partner_organisation, role_title, phone, email, user_id, updated_at",
      .created = "created_by"};
  static auto Fields(Record& contact) {
    return std::tie(contact.id, contact.organisation_id, contact.created_at, contact.kind,
                    contact.name, contact.partner_organisation, contact.role_title, contact.phone,
                    contact.email, contact.user_id, contact.updated_at);
  }
};

// The information-sharing agreements; only their end changes. updated_at is written, never read.
struct SharingAgreements {
  using Record = domain::SharingAgreement;
  static constexpr TableColumns kColumns{
      .table = "sharing_agreements",
      .fixed =
          "organisation_id, partner_contact_id, circle_id, starts_on, scope, document_id, "
          "created_by, created_at",
      .changing = "ends_on",
      .computed = "updated_at"};
  static auto Fields(Record& agreement) {
    return std::tie(agreement.id, agreement.organisation_id, agreement.partner_contact_id,
                    agreement.circle_id, agreement.starts_on, agreement.scope,
                    agreement.document_id, agreement.created_by, agreement.created_at,
                    agreement.ends_on);
  }
};

// The keyed hashes of volunteers' calendar-feed tokens (store/calendar_token_store); a reset
// replaces the row.
struct CalendarTokens {
  using Record = CalendarToken;
  static constexpr TableColumns kColumns{
      .table = "calendar_tokens", .fixed = "organisation_id, volunteer_id, token_hash, created_at"};
  static auto Fields(Record& token) {
    return std::tie(token.id, token.organisation_id, token.volunteer_id, token.token_hash,
                    token.created_at);
  }
};

// The hours volunteers log, and those their meetings and contacts bring
// (store/volunteer_hours_store). Who logged an entry and where it comes from are only written
// (store::HoursOrigin); a review is written apart.
struct VolunteerHours {
  using Record = domain::HoursEntry;
  static constexpr TableColumns kColumns{
      .table = "volunteer_hours",
      .fixed = "organisation_id, volunteer_id, worked_on, minutes, kind, description, status",
      .created = "logged_by, logged_at, reviewed_by, reviewed_at, meeting_id, contact_id"};
  static auto Fields(Record& entry) {
    return std::tie(entry.id, entry.organisation_id, entry.volunteer_id, entry.worked_on,
                    entry.minutes, entry.kind, entry.description, entry.status);
  }
};

}  // namespace cercle::store::tables
