#include "demo/privacy_requests_demo.hpp"

#include "app/privacy/person_export.hpp"
#include "app/privacy/requests.hpp"
#include "demo/demo_actors.hpp"

namespace cercle::demo {
namespace {

constexpr auto kDay = std::chrono::hours(24);

// The first file of `kind` among the organisation's, if any.
std::optional<app::privacy::PrivacySubject> FirstFile(
    const std::vector<app::privacy::PrivacySubject>& subjects, domain::PrivacySubjectKind kind) {
  for (const auto& subject : subjects) {
    if (subject.kind == kind) return subject;
  }
  return std::nullopt;
}

}  // namespace

Status LoadPrivacyRequests(const app::Services& app, std::int64_t organisation_id) {
  const auto actors = TRY(FindActors(app, organisation_id));
  if (!actors.admin) return Error::Invalid(N_("The demo organisation has no administrator."));
  const auth::Actor& admin = *actors.admin;
  const auto subjects = TRY(app::privacy::LoadSubjects(app, admin));
  const auto core_member = FirstFile(subjects, domain::PrivacySubjectKind::kCoreMember);
  const auto volunteer = FirstFile(subjects, domain::PrivacySubjectKind::kVolunteer);
  if (!core_member || !volunteer) return Error::Invalid(N_("The demo files are missing."));
  const Instant now = app.clock.Now();

  // An access request, received three weeks ago, answered with his file exported twelve days ago.
  const Backdated received(app, now - 21 * kDay);
  app::privacy::RequestForm access;
  access.kind = domain::PrivacyRequestKind::kAccess;
  access.subject_kind = domain::PrivacySubjectKind::kCoreMember;
  access.subject_id = core_member->id;
  access.details = "Demande écrite reçue par la poste : il veut une copie de tout son dossier.";
  access.received_on = received.services().Today();
  const auto access_id = TRY(app::privacy::CreateRequest(received.services(), admin, access));
  const Backdated answered(app, now - 12 * kDay);
  auto stepped_up = admin;
  stepped_up.reauthenticated_at = answered.services().clock.Now();
  const auto export_id =
      TRY(app::privacy::PrepareExport(answered.services(), stepped_up, access_id));
  TRY(app::privacy::ReleaseExport(answered.services(), stepped_up, export_id));
  app::privacy::AnswerForm answer;
  answer.answer = domain::PrivacyAnswer::kPartlyGranted;
  answer.answered_on = answered.services().Today();
  answer.section = "40";
  answer.note =
      "Dossier remis en main propre; l'identité de la victime et les notes des "
      "coordonnateurs ont été retirées.";
  TRY(app::privacy::AnswerRequest(answered.services(), admin, access_id, answer));

  // A correction request about a volunteer's file, received 25 days ago and still open.
  const Backdated asked(app, now - 25 * kDay);
  app::privacy::RequestForm correction;
  correction.kind = domain::PrivacyRequestKind::kCorrection;
  correction.subject_kind = domain::PrivacySubjectKind::kVolunteer;
  correction.subject_id = volunteer->id;
  correction.details =
      "Courriel : son numéro de téléphone a changé et sa date de naissance est "
      "erronée.";
  correction.received_on = asked.services().Today();
  TRY(app::privacy::CreateRequest(asked.services(), admin, correction));
  return {};
}

}  // namespace cercle::demo
