#include "support/circle_fixture.hpp"

#include <stdexcept>

#include "auth/crypto.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "store/calendar_token_store.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_store.hpp"
#include "store/meeting_store.hpp"
#include "store/partner_store.hpp"
#include "support/core_member_fixture.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
CivilDate CircleFixture::Today() {
  return server_.runtime().translator().LocalDate(server_.clock().Now());
}

Instant CircleFixture::At(CivilDate day, int minute) {
  return Instant(std::chrono::sys_days(day).time_since_epoch() + std::chrono::minutes(minute));
}

std::int64_t CircleFixture::CreateCircle(std::int64_t organisation_id, std::int64_t core_member_id,
                                         domain::CirclePhase phase, CivilDate phase_since,
                                         std::optional<CivilDate> started_on) {
  const Instant now = server_.clock().Now();
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        store::CircleStore circles(session);
                        domain::Circle circle;
                        circle.organisation_id = organisation_id;
                        circle.core_member_id = core_member_id;
                        circle.code_name = domain::NextCodeName(circles.CodeNames(organisation_id));
                        circle.phase = phase;
                        circle.phase_since = phase_since;
                        circle.started_on = started_on;
                        circle.created_at = circle.updated_at = now;
                        circle.id = circles.Insert(circle);
                        domain::PhaseChange opening;
                        opening.circle_id = circle.id;
                        opening.to = phase;
                        opening.decided_on = phase_since;
                        opening.reason = "Ouverture pour l'essai.";
                        opening.recorded_at = now;
                        circles.InsertPhaseChange(opening, organisation_id);
                        domain::CovenantVersion covenant;
                        covenant.organisation_id = organisation_id;
                        covenant.circle_id = circle.id;
                        covenant.body = "Entente du cercle (essai).";
                        covenant.note = "Première version";
                        covenant.created_at = now;
                        circles.InsertCovenantVersion(covenant);
                        return circle.id;
                      });
}

void CircleFixture::CloseCircle(std::int64_t organisation_id, std::int64_t circle_id,
                                CivilDate closed_on) {
  FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Status {
    store::CircleStore circles(session);
    auto circle = *circles.Find(circle_id, organisation_id);
    const auto from = circle.phase;
    circle.phase = domain::CirclePhase::kClosed;
    circle.phase_since = closed_on;
    circle.closed_on = closed_on;
    circle.closure_reason = domain::ClosureReason::kCompleted;
    circle.closing_note = "Fin de l'essai.";
    if (!circles.MovePhase(circle, from, server_.clock().Now())) return Error::Conflict("moved");
    return {};
  });
}

std::int64_t CircleFixture::AddMember(std::int64_t organisation_id, std::int64_t circle_id,
                                      std::int64_t volunteer_id, CivilDate joined_on,
                                      bool primary) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::CircleMember member;
                        member.organisation_id = organisation_id;
                        member.circle_id = circle_id;
                        member.volunteer_id = volunteer_id;
                        member.primary = primary;
                        member.joined_on = joined_on;
                        member.added_at = server_.clock().Now();
                        return store::CircleStore(session).InsertMember(member);
                      });
}

std::int64_t CircleFixture::AddMeeting(std::int64_t organisation_id, std::int64_t circle_id,
                                       Instant starts, std::optional<std::int64_t> writer,
                                       domain::MeetingKind kind) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::Meeting meeting;
                        meeting.organisation_id = organisation_id;
                        meeting.circle_id = circle_id;
                        meeting.kind = kind;
                        meeting.starts = starts;
                        meeting.duration_minutes = 120;
                        meeting.place = "Local communautaire";
                        meeting.writer_volunteer_id = writer;
                        meeting.created_at = server_.clock().Now();
                        return store::MeetingStore(session).Insert(meeting);
                      });
}

void CircleFixture::AddMinutes(std::int64_t organisation_id, std::int64_t meeting_id,
                               std::int64_t writer, const std::vector<std::int64_t>& others,
                               Instant submitted) {
  FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Status {
    store::MeetingStore meetings(session);
    const auto record = meetings.Find(meeting_id, organisation_id);
    if (!record) return Error::NotFound();
    domain::Minutes minutes;
    minutes.meeting_id = meeting_id;
    minutes.organisation_id = organisation_id;
    minutes.written_by_volunteer_id = writer;
    minutes.duration_minutes = 90;
    minutes.core_member_present = true;
    minutes.present_volunteers = {writer};
    for (const auto other : others) minutes.present_volunteers.push_back(other);
    minutes.check_in = "Tour de table (essai).";
    minutes.accountability = "Rien de préoccupant (essai).";
    minutes.submitted_at = submitted;
    const auto day = server_.runtime().translator().LocalDate(record->meeting.starts);
    if (!meetings.InsertMinutes(minutes, day, "Cercle (essai)")) return Error::Conflict("minutes");
    return {};
  });
}

std::int64_t CircleFixture::AddContact(std::int64_t organisation_id, std::int64_t circle_id,
                                       std::int64_t volunteer_id, CivilDate on) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::CircleContact contact;
                        contact.organisation_id = organisation_id;
                        contact.circle_id = circle_id;
                        contact.volunteer_id = volunteer_id;
                        contact.contacted_on = on;
                        contact.kind = domain::ContactKind::kCall;
                        contact.duration_minutes = 20;
                        contact.note = "Appel (essai).";
                        contact.logged_at = server_.clock().Now();
                        return store::CircleContactStore(session).Insert(contact, "Cercle (essai)");
                      });
}

std::int64_t CircleFixture::AddPartnerContact(std::int64_t organisation_id, const std::string& name,
                                              std::optional<std::int64_t> user_id) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::PartnerContact contact;
                        contact.organisation_id = organisation_id;
                        contact.kind = domain::PartnerKind::kParoleOfficer;
                        contact.name = name;
                        contact.partner_organisation = "Service correctionnel (essai)";
                        contact.role_title = "Agent de libération conditionnelle";
                        contact.user_id = user_id;
                        contact.created_at = contact.updated_at = server_.clock().Now();
                        return store::PartnerStore(session).Insert(contact, std::nullopt);
                      });
}

std::int64_t CircleFixture::AddAgreement(std::int64_t organisation_id, std::int64_t contact_id,
                                         std::int64_t circle_id, CivilDate starts_on,
                                         std::optional<CivilDate> ends_on,
                                         std::optional<std::int64_t> document_id) {
  return FixtureWrite(server_, organisation_id,
                      [&](soci::session& session) -> Result<std::int64_t> {
                        domain::SharingAgreement agreement;
                        agreement.organisation_id = organisation_id;
                        agreement.partner_contact_id = contact_id;
                        agreement.circle_id = circle_id;
                        agreement.starts_on = starts_on;
                        agreement.ends_on = ends_on;
                        agreement.scope = "Présence aux rencontres et phase du cercle.";
                        agreement.document_id = document_id;
                        agreement.created_at = server_.clock().Now();
                        return store::PartnerStore(session).InsertAgreement(agreement);
                      });
}

std::int64_t CircleFixture::AddConflict(std::int64_t organisation_id, std::int64_t volunteer_id,
                                        std::int64_t core_member_id) {
  return FixtureWrite(
      server_, organisation_id, [&](soci::session& session) -> Result<std::int64_t> {
        store::CircleStore circles(session);
        store::VolunteerConflict conflict;
        conflict.volunteer_id = volunteer_id;
        conflict.core_member_id = core_member_id;
        conflict.note = "Voisin (essai).";
        conflict.recorded_at = server_.clock().Now();
        circles.InsertConflict(conflict, organisation_id);
        for (const auto& stored : circles.ConflictsOf(volunteer_id, organisation_id)) {
          if (stored.core_member_id == core_member_id) return stored.id;
        }
        return Error::NotFound();
      });
}

std::string CircleFixture::CreateCalendarToken(std::int64_t organisation_id,
                                               std::int64_t volunteer_id) {
  const std::string token = auth::RandomToken();
  const std::string hash =
      auth::KeyedHash(server_.runtime().services().secrets.session_key, "calendar", token);
  FixtureWrite(server_, organisation_id, [&](soci::session& session) -> Status {
    store::CalendarTokenStore(session).Replace(organisation_id, volunteer_id, hash,
                                               server_.clock().Now());
    return {};
  });
  return token;
}

domain::Circle CircleFixture::Stored(std::int64_t organisation_id, std::int64_t circle_id) {
  const auto circle = server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::CircleStore(session).Find(circle_id, organisation_id);
      });
  if (!circle) throw std::runtime_error("no circle " + std::to_string(circle_id));
  return *circle;
}

WeeklyCircle CircleFixture::CreateWeeklyCircle(std::int64_t organisation_id,
                                               const std::string& legal_name,
                                               const std::string& file_number, int days_ago,
                                               const std::string& first_name,
                                               const std::string& last_name,
                                               std::optional<std::int64_t> user_id) {
  const auto since = AddDays(Today(), -days_ago);
  WeeklyCircle made;
  made.core_member_id =
      CoreMemberFixture(server_).CreateCoreMember(organisation_id, legal_name, file_number);
  made.circle_id = CreateCircle(organisation_id, made.core_member_id, domain::CirclePhase::kWeekly,
                                since, since);
  made.volunteer_id = VolunteerFixture(server_).CreateVolunteer(
      organisation_id, first_name, last_name, domain::VolunteerStage::kActive, user_id);
  AddMember(organisation_id, made.circle_id, made.volunteer_id, since, true);
  return made;
}

std::int64_t CircleFixture::AddMinutesToRead(std::int64_t organisation_id, std::int64_t circle_id,
                                             std::int64_t writer, int days_ago) {
  const auto meeting =
      AddMeeting(organisation_id, circle_id, At(AddDays(Today(), -days_ago), 19 * 60), writer);
  AddMinutes(organisation_id, meeting, writer, {}, At(AddDays(Today(), -days_ago + 1), 10 * 60));
  return meeting;
}

}  // namespace cercle::testing
