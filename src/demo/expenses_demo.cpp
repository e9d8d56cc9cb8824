#include "demo/expenses_demo.hpp"

#include <chrono>
#include <optional>
#include <string>

#include "app/volunteers/expenses.hpp"
#include "demo/demo_actors.hpp"
#include "domain/expenses.hpp"

namespace cercle::demo {
namespace {

using domain::ExpenseKind;
using domain::ExpenseStatus;

// One claim of the story: its day, kind, distance (tenths of a km) or amount (cents), note, and
// what became of it, a few days later.
struct DemoClaim {
  int days_ago = 0;
  ExpenseKind kind = ExpenseKind::kMileage;
  std::int64_t value = 0;
  std::string note;
  ExpenseStatus outcome = ExpenseStatus::kSubmitted;
  std::string refusal_reason;
  bool at_meeting = false;  // attached to the latest meeting of his circle
};

const std::vector<DemoClaim>& Claims() {
  static const std::vector<DemoClaim> claims = {
      {90, ExpenseKind::kMileage, 384, "Aller-retour au local communautaire (fictif).",
       ExpenseStatus::kPaid},
      {45, ExpenseKind::kParking, 900, "Stationnement près du local (exemple).",
       ExpenseStatus::kApproved},
      {20, ExpenseKind::kMeal, 1475, "Café avec le membre principal (exemple fictif).",
       ExpenseStatus::kRefused,
       "Les repas sont remboursés lors des rencontres de groupe seulement (exemple fictif)."},
      {6, ExpenseKind::kMileage, 225, "Rencontre du cercle (fictif).", ExpenseStatus::kSubmitted,
       "", true},
      {2, ExpenseKind::kTransport, 700, "Autobus, aller-retour (exemple).",
       ExpenseStatus::kSubmitted},
  };
  return claims;
}

class ExpensesStory {
 public:
  ExpensesStory(const app::Services& services, DemoActors actors)
      : services_(services), actors_(std::move(actors)), now_(services.clock.Now()) {}

  Status Load() {
    // The rate the organisation set long ago, and its change two months ago.
    TRY(SetRate(400, 50));
    TRY(SetRate(60, 55));
    if (!actors_.bastien) return {};
    for (const auto& claim : Claims()) TRY(File(claim));
    return {};
  }

 private:
  Backdated At(int days_ago) const {
    return Backdated(services_, now_ - std::chrono::hours(24 * days_ago));
  }

  Status SetRate(int days_ago, std::int64_t cents_per_km) {
    const auto at = At(days_ago);
    return app::volunteers::SetMileageRate(
        at.services(), actors_.coordinator,
        {.effective_from = at.services().Today(), .cents_per_km = cents_per_km});
  }

  // The meeting of Bastien's circles he may attach a claim to on the day of `at`, if any.
  std::optional<app::volunteers::ClaimLinkChoice> LatestMeeting(const Backdated& at) const {
    const auto own = app::volunteers::LoadOwnClaims(at.services(), *actors_.bastien, {});
    if (!own) return std::nullopt;
    for (const auto& link : own->links) {
      if (link.kind == app::volunteers::ClaimLink::Kind::kMeeting) return {{link.kind, link.id}};
    }
    return std::nullopt;
  }

  Status File(const DemoClaim& demo) {
    const auto at = At(demo.days_ago);
    app::volunteers::FileClaimCommand command;
    command.claim.incurred_on = at.services().Today();
    command.claim.kind = demo.kind;
    if (demo.kind == ExpenseKind::kMileage) {
      command.claim.tenths_km = demo.value;
    } else {
      command.claim.amount_cents = demo.value;
    }
    command.claim.note = demo.note;
    if (demo.at_meeting) command.link = LatestMeeting(at);
    const auto id = TRY(app::volunteers::FileOwnClaim(at.services(), *actors_.bastien, command));
    if (demo.outcome == ExpenseStatus::kSubmitted) return {};
    const auto reviewed = At(demo.days_ago - 2);
    const auto decision = demo.outcome == ExpenseStatus::kRefused ? ExpenseStatus::kRefused
                                                                  : ExpenseStatus::kApproved;
    TRY(app::volunteers::ReviewClaim(
        reviewed.services(), actors_.coordinator,
        {.claim_id = id, .decision = decision, .reason = demo.refusal_reason}));
    if (demo.outcome != ExpenseStatus::kPaid) return {};
    TRY(app::volunteers::MarkClaimsPaid(At(demo.days_ago - 10).services(), actors_.coordinator,
                                        {.claim_ids = {id}, .confirmed = true}));
    return {};
  }

  const app::Services& services_;
  DemoActors actors_;
  Instant now_;
};

}  // namespace

Status LoadExpenses(const app::Services& services, std::int64_t organisation_id) {
  auto actors = TRY(FindActors(services, organisation_id));
  return ExpensesStory(services, std::move(actors)).Load();
}

}  // namespace cercle::demo
