#include "demo/privacy_retention_demo.hpp"

#include <chrono>

#include "app/intake/referrals.hpp"
#include "app/privacy/retention.hpp"
#include "base/dates.hpp"
#include "demo/demo_actors.hpp"
#include "domain/referral.hpp"
#include "store/retention_records_store.hpp"

namespace cercle::demo {
namespace {

// The old refused referral: received this many days before the demo's today, screened, then
// declined; due for destruction once the schedule keeps declined referrals less than 9 months.
constexpr int kOldReferralReceivedDaysAgo = 300;
constexpr int kOldReferralScreenedDaysAgo = 290;
constexpr int kOldReferralDeclinedDaysAgo = 270;

// A referral received about ten months ago and declined about nine months ago, each step through
// app::intake by the coordinator with the clock on its day.
Status AddOldDeclinedReferral(const app::Services& services, const auth::Actor& coordinator) {
  const auto now = services.clock.Now();
  const auto at = [&](int days_ago) {
    return Backdated(services, now - std::chrono::days(days_ago));
  };
  const auto received = at(kOldReferralReceivedDaysAgo);
  const auto id = TRY(app::intake::CreateReferral(
      received.services(), coordinator,
      {.source = domain::ReferralSource::kProvincialCorrections,
       .referrer_name = "Agente Odile Esquisse",
       .referrer_contact = "514 555-0199 (démo)",
       .received_on = AddDays(services.Today(), -kOldReferralReceivedDaysAgo),
       .person_legal_name = "Firmin Vignette",
       .summary = "Demande reçue pour un suivi en cercle (démo)."}));
  TRY(app::intake::MoveReferral(at(kOldReferralScreenedDaysAgo).services(), coordinator,
                                {.referral_id = id, .to = domain::ReferralStatus::kScreening}));
  TRY(app::intake::MoveReferral(at(kOldReferralDeclinedDaysAgo).services(), coordinator,
                                {.referral_id = id,
                                 .to = domain::ReferralStatus::kDeclined,
                                 .reason = "Hors du territoire desservi par l'organisme (démo)."}));
  return {};
}

}  // namespace

Status LoadRetention(const app::Services& services, std::int64_t organisation_id) {
  const auto actors = TRY(FindActors(services, organisation_id));
  TRY(AddOldDeclinedReferral(services, actors.coordinator));
  if (!actors.admin) return {};
  const auto closed =
      app::Read(services, store::Scope::Organisation(organisation_id), [&](store::Unit& unit) {
        return store::RetentionRecordsStore(unit.session())
            .ListEnded(organisation_id, domain::RetainedKind::kCoreMemberFiles);
      });
  if (closed.empty()) return {};
  TRY(app::privacy::PlaceLegalHold(
      services, *actors.admin,
      {"core_member_files", std::to_string(closed.back().id),
       "Dossier visé par une demande fictive d'un tribunal : à conserver jusqu'à la fin de "
       "l'instance."}));
  return {};
}

}  // namespace cercle::demo
