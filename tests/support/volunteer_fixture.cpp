#include "support/volunteer_fixture.hpp"

#include <stdexcept>

#include "store/document_store.hpp"
#include "store/screening_store.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_hours_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::testing {
namespace {

// The smallest file the document checks accept as a PDF.
constexpr const char* kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

std::vector<domain::VolunteerStage> PathTo(domain::VolunteerStage stage) {
  using enum domain::VolunteerStage;
  const std::vector<domain::VolunteerStage> forward = {kOrientation, kTraining, kScreening,
                                                       kApproved, kActive};
  std::vector<domain::VolunteerStage> path;
  if (stage == kNotRetained) return {kOrientation, kNotRetained};
  if (stage == kExited) return {kOrientation, kExited};
  for (const auto step : forward) {
    if (stage == kInquiry) break;
    path.push_back(step);
    if (step == stage) return path;
  }
  if (stage == kOnLeave) path.push_back(kOnLeave);
  return path;
}

}  // namespace

CivilDate VolunteerFixture::Today() {
  return server_.runtime().services().translator.LocalDate(server_.clock().Now());
}

VolunteerSetup VolunteerFixture::Setup(std::int64_t organisation_id) {
  auto& database = server_.runtime().database();
  const auto scope = store::Scope::Organisation(organisation_id);
  const auto added = database.Write(scope, [&](soci::session& session) -> Status {
    store::ScreeningStore(session).AddDefaultTypes(organisation_id, server_.clock().Now());
    store::TrainingStore(session).AddDefaultModules(organisation_id, server_.clock().Now());
    return {};
  });
  if (!added) throw std::runtime_error("cannot add the default set-up");
  return database.Read(scope, [&](soci::session& session) {
    return VolunteerSetup{store::ScreeningStore(session).ListTypes(organisation_id),
                          store::TrainingStore(session).ListModules(organisation_id)};
  });
}

std::int64_t VolunteerFixture::CreateVolunteer(
    std::int64_t organisation_id, const std::string& first_name, const std::string& last_name,
    domain::VolunteerStage stage, std::optional<std::int64_t> user_id, const std::string& notes,
    std::optional<std::int64_t> by) {
  const Instant now = server_.clock().Now();
  domain::Volunteer volunteer;
  volunteer.organisation_id = organisation_id;
  volunteer.first_name = first_name;
  volunteer.last_name = last_name;
  volunteer.email = "benevole@courriel.example";
  volunteer.region = "Montréal";
  volunteer.date_of_birth = AddMonths(Today(), -12 * 30);
  volunteer.notes = notes;
  volunteer.user_id = user_id;
  const auto id = server_.runtime().database().Write(
      store::Scope::Organisation(organisation_id),
      [&](soci::session& session) -> Result<std::int64_t> {
        store::VolunteerStore volunteers(session);
        const auto id = volunteers.Insert(volunteer, by, now);
        auto from = domain::VolunteerStage::kInquiry;
        for (const auto step : PathTo(stage)) {
          if (!volunteers.MoveStage(id, organisation_id, from, step, "Étape de l'essai", by, now)) {
            return Error::Conflict("move refused");
          }
          from = step;
        }
        return id;
      });
  if (!id) throw std::runtime_error("cannot create the volunteer " + first_name);
  return *id;
}

std::int64_t VolunteerFixture::AddScreeningItem(
    std::int64_t organisation_id, std::int64_t volunteer_id, std::size_t type_index,
    CivilDate completed_on, domain::ScreeningResult result, const std::string& notes,
    std::optional<CivilDate> expires_on, std::optional<std::int64_t> document_id) {
  const auto setup = Setup(organisation_id);
  const auto& type = setup.types.at(type_index);
  domain::ScreeningItem item;
  item.organisation_id = organisation_id;
  item.volunteer_id = volunteer_id;
  item.type_id = type.id;
  item.completed_on = completed_on;
  item.result = result;
  item.expires_on = expires_on;
  if (!expires_on && result == domain::ScreeningResult::kPassed) {
    item.expires_on = domain::DefaultExpiry(type, completed_on);
  }
  item.notes = notes;
  item.document_id = document_id;
  item.recorded_at = server_.clock().Now();
  const auto id =
      server_.runtime().database().Write(store::Scope::Organisation(organisation_id),
                                         [&](soci::session& session) -> Result<std::int64_t> {
                                           return store::ScreeningStore(session).InsertItem(item);
                                         });
  if (!id) throw std::runtime_error("cannot add a screening item");
  return *id;
}

void VolunteerFixture::AddFullScreening(std::int64_t organisation_id, std::int64_t volunteer_id,
                                        CivilDate completed_on) {
  const auto passed = domain::ScreeningResult::kPassed;
  AddScreeningItem(organisation_id, volunteer_id, 0, completed_on, passed);
  AddScreeningItem(organisation_id, volunteer_id, 1, completed_on, passed);
  AddScreeningItem(organisation_id, volunteer_id, 1, completed_on, passed);
  for (std::size_t type = 2; type < 5; ++type)
    AddScreeningItem(organisation_id, volunteer_id, type, completed_on, passed);
}

std::int64_t VolunteerFixture::AddDocument(std::int64_t organisation_id,
                                           std::int64_t volunteer_id) {
  store::Document document;
  document.organisation_id = organisation_id;
  document.owner_type = "volunteer";
  document.owner_id = volunteer_id;
  document.title = "Vérification policière";
  document.filename = "verification.pdf";
  document.content_type = "application/pdf";
  document.size_bytes = static_cast<std::int64_t>(std::string(kPdf).size());
  document.uploaded_at = server_.clock().Now();
  document.storage_name = server_.runtime().vault().Put(kPdf);
  const auto id =
      server_.runtime().database().Write(store::Scope::Organisation(organisation_id),
                                         [&](soci::session& session) -> Result<std::int64_t> {
                                           return store::DocumentStore(session).Insert(document);
                                         });
  if (!id) throw std::runtime_error("cannot add a document");
  return *id;
}

std::int64_t VolunteerFixture::AddTrainingSession(std::int64_t organisation_id,
                                                  std::size_t module_index, CivilDate held_on,
                                                  int minutes,
                                                  const std::vector<std::int64_t>& volunteer_ids) {
  const auto setup = Setup(organisation_id);
  domain::TrainingSession training_session;
  training_session.organisation_id = organisation_id;
  training_session.module_id = setup.modules.at(module_index).id;
  training_session.held_on = held_on;
  training_session.duration_minutes = minutes;
  training_session.title = "Séance d'essai";
  const auto id = server_.runtime().database().Write(
      store::Scope::Organisation(organisation_id),
      [&](soci::session& session) -> Result<std::int64_t> {
        store::TrainingStore training(session);
        const auto id =
            training.InsertSession(training_session, std::nullopt, server_.clock().Now());
        std::vector<std::pair<std::int64_t, int>> attendance;
        for (const auto volunteer : volunteer_ids) attendance.emplace_back(volunteer, minutes);
        training.ReplaceAttendance(id, organisation_id, attendance, std::nullopt,
                                   server_.clock().Now());
        return id;
      });
  if (!id) throw std::runtime_error("cannot add a training session");
  return *id;
}

std::int64_t VolunteerFixture::AddHours(std::int64_t organisation_id, std::int64_t volunteer_id,
                                        CivilDate worked_on, int minutes,
                                        domain::HoursStatus status, std::int64_t by,
                                        domain::HoursKind kind) {
  domain::HoursEntry entry;
  entry.organisation_id = organisation_id;
  entry.volunteer_id = volunteer_id;
  entry.worked_on = worked_on;
  entry.minutes = minutes;
  entry.kind = kind;
  entry.status = status;
  const auto id = server_.runtime().database().Write(
      store::Scope::Organisation(organisation_id),
      [&](soci::session& session) -> Result<std::int64_t> {
        return store::VolunteerHoursStore(session).Insert(entry, by, server_.clock().Now());
      });
  if (!id) throw std::runtime_error("cannot add hours");
  return *id;
}

std::int64_t VolunteerFixture::AddSupervision(std::int64_t organisation_id,
                                              std::int64_t volunteer_id, CivilDate held_on,
                                              const std::string& notes) {
  domain::SupervisionSession record;
  record.organisation_id = organisation_id;
  record.volunteer_id = volunteer_id;
  record.held_on = held_on;
  record.notes = notes;
  record.recorded_at = server_.clock().Now();
  const auto id = server_.runtime().database().Write(
      store::Scope::Organisation(organisation_id),
      [&](soci::session& session) -> Result<std::int64_t> {
        return store::VolunteerStore(session).InsertSupervision(record);
      });
  if (!id) throw std::runtime_error("cannot add supervision");
  return *id;
}

domain::Volunteer VolunteerFixture::Stored(std::int64_t organisation_id,
                                           std::int64_t volunteer_id) {
  const auto volunteer = server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::VolunteerStore(session).Find(volunteer_id, organisation_id);
      });
  if (!volunteer) throw std::runtime_error("no volunteer " + std::to_string(volunteer_id));
  return *volunteer;
}

std::size_t VolunteerFixture::HistoryLength(std::int64_t organisation_id,
                                            std::int64_t volunteer_id) {
  return server_.runtime().database().Read(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) {
        return store::VolunteerStore(session).History(volunteer_id, organisation_id).size();
      });
}

}  // namespace cercle::testing
