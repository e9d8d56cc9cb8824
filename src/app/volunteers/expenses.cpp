#include "app/volunteers/expenses.hpp"

#include <algorithm>
#include <set>

#include "app/portal/portal.hpp"
#include "auth/policies/expense_policy.hpp"
#include "domain/field_checks.hpp"
#include "store/document_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::volunteers {
namespace {

using auth::policies::ExpensePolicy;

// How far back a claim may be attached to a meeting or contact (as far as a claim may go).
constexpr int kLinkDays = 366;
constexpr std::size_t kMaxReason = 500;
// Receipts are documents of the volunteer who filed them, apart from their file's documents.
constexpr const char* kReceiptOwner = "expense_receipt";

std::vector<ClaimLink> LinksOf(const Services& services, const store::Unit& unit,
                               const domain::Volunteer& volunteer) {
  const CivilDate since = AddDays(services.Today(), -kLinkDays);
  const Instant now = unit.now();
  return store::ExpenseStore(unit.session())
      .LinksOfVolunteer(volunteer.id, volunteer.organisation_id, since,
                        now - std::chrono::days(kLinkDays + 1), now);
}

// Checks the claim, and that its meeting or contact is one of the volunteer's, in `unit`; sets
// its amount and circle.
Status CheckOwnClaim(const Services& services, const store::Unit& unit,
                     const domain::Volunteer& volunteer, const FileClaimCommand& command,
                     domain::ExpenseClaim& claim) {
  claim = command.claim;
  claim.organisation_id = volunteer.organisation_id;
  claim.volunteer_id = volunteer.id;
  claim.status = domain::ExpenseStatus::kSubmitted;
  claim.refusal_reason.clear();
  claim.circle_id.reset();
  claim.meeting_id.reset();
  claim.contact_id.reset();
  const auto rates = store::ExpenseStore(unit.session()).Rates(volunteer.organisation_id);
  const auto checked = domain::CheckClaim(claim, rates, services.Today());
  if (!command.read) return command.read.error();
  TRY(checked);
  if (!command.link) return {};
  const auto links = LinksOf(services, unit, volunteer);
  const auto found = std::find_if(links.begin(), links.end(), [&](const ClaimLink& link) {
    return link.kind == command.link->kind && link.id == command.link->id;
  });
  if (found == links.end()) {
    return Error::Fields({{"link", {N_("Choose a meeting or contact of your circles."), {}}}});
  }
  claim.circle_id = found->circle_id;
  (found->kind == ClaimLink::Kind::kMeeting ? claim.meeting_id : claim.contact_id) = found->id;
  return {};
}

// The volunteer's own open file, in `unit`.
Result<domain::Volunteer> ClaimingVolunteer(const store::Unit& unit, const auth::Actor& actor) {
  auto volunteer =
      store::VolunteerStore(unit.session()).FindByUser(actor.user_id, unit.organisation_id());
  if (!volunteer) return Error::NotFound();
  if (!ExpensePolicy::CanClaim(actor, *volunteer)) {
    return Error::Invalid(N_("Your file is closed: expenses can no longer be claimed."));
  }
  return std::move(*volunteer);
}

// The claim `claim_id` with a receipt, read with the document's record.
Result<intake::DocumentDownload> ReceiptOf(const Services& services, const auth::Actor& actor,
                                           const domain::ExpenseClaim& claim) {
  if (!claim.receipt_document_id) return Error::NotFound();
  auto document = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::DocumentStore(unit.session())
        .Find(*claim.receipt_document_id, claim.organisation_id);
  });
  if (!document || document->owner_type != kReceiptOwner) return Error::NotFound();
  auto bytes = intake::ReadDocument(services, actor, *document);
  return intake::DocumentDownload{std::move(*document), std::move(bytes)};
}

}  // namespace

Result<std::int64_t> FileOwnClaim(const Services& services, const auth::Actor& actor,
                                  const FileClaimCommand& command) {
  const auto volunteer = TRY(portal::FindOwnFile(services, actor));
  // Everything but the file is checked before the receipt is stored, so that a refused claim
  // stores nothing; the claim is checked again with the receipt, in the transaction that stores it.
  TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto claiming = TRY(ClaimingVolunteer(unit, actor));
    domain::ExpenseClaim claim;
    return CheckOwnClaim(services, unit, claiming, command, claim);
  }));
  std::optional<intake::Document> receipt;
  if (command.receipt) {
    receipt = TRY(
        intake::StoreDocument(services, actor, {kReceiptOwner, volunteer.id}, *command.receipt));
  }
  auto filed = Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto claiming = TRY(ClaimingVolunteer(unit, actor));
    domain::ExpenseClaim claim;
    TRY(CheckOwnClaim(services, unit, claiming, command, claim));
    store::ExpenseStore expenses(unit.session());
    const auto id = expenses.Insert(claim, actor.user_id, unit.now());
    if (receipt) expenses.SetReceipt(id, claim.organisation_id, receipt->id);
    Audit(services, unit, actor, {"expense.claim", "expense_claim", std::to_string(id)});
    return id;
  });
  if (!filed && receipt) intake::DiscardDocument(services, actor, *receipt);
  return filed;
}

Result<OwnClaimsPage> LoadOwnClaims(const Services& services, const auth::Actor& actor,
                                    const PageRequest& page) {
  auto volunteer = TRY(portal::FindOwnFile(services, actor));
  OwnClaimsPage own{.volunteer = std::move(volunteer), .today = services.Today()};
  own.can_claim = ExpensePolicy::CanClaim(actor, own.volunteer);
  Read(services, actor.scope(), [&](store::Unit& unit) {
    store::ExpenseStore expenses(unit.session());
    const auto organisation = own.volunteer.organisation_id;
    own.total = expenses.CountOfVolunteer(own.volunteer.id, organisation);
    own.claims = expenses.OfVolunteer(own.volunteer.id, organisation, SliceOf(page, own.total));
    own.links = LinksOf(services, unit, own.volunteer);
    own.rate_today = domain::RateOn(expenses.Rates(organisation), own.today);
  });
  return own;
}

Result<intake::DocumentDownload> DownloadOwnReceipt(const Services& services,
                                                    const auth::Actor& actor,
                                                    std::int64_t claim_id) {
  const auto volunteer = TRY(portal::FindOwnFile(services, actor));
  const auto claim = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::ExpenseStore(unit.session()).Find(claim_id, volunteer.organisation_id);
  });
  if (!claim || !ExpensePolicy::CanSeeOwn(actor, volunteer, *claim)) return Error::NotFound();
  return ReceiptOf(services, actor, *claim);
}

Result<ClaimQueue> LoadClaimQueue(const Services& services, const auth::Actor& actor,
                                  const PageRequest& submitted_page) {
  if (!ExpensePolicy::CanManage(actor)) return Error::Forbidden();
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    store::ExpenseStore expenses(unit.session());
    const auto organisation = unit.organisation_id();
    ClaimQueue queue;
    queue.submitted_total =
        expenses.CountWithStatus(organisation, domain::ExpenseStatus::kSubmitted);
    queue.submitted = expenses.WithStatus(organisation, domain::ExpenseStatus::kSubmitted,
                                          SliceOf(submitted_page, queue.submitted_total));
    queue.approved = expenses.AllWithStatus(organisation, domain::ExpenseStatus::kApproved);
    queue.rate_today = domain::RateOn(expenses.Rates(organisation), services.Today());
    return queue;
  });
}

Result<std::int64_t> ReviewClaim(const Services& services, const auth::Actor& actor,
                                 const ReviewClaimCommand& command) {
  if (!ExpensePolicy::CanManage(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::ExpenseStore expenses(unit.session());
    const auto claim = expenses.Find(command.claim_id, unit.organisation_id());
    if (!claim) return Error::NotFound();
    const bool approve = command.decision == domain::ExpenseStatus::kApproved;
    if (!approve && command.decision != domain::ExpenseStatus::kRefused) {
      return Error::Invalid(N_("Choose to approve or refuse the claim."));
    }
    const std::string reason = approve ? "" : Trimmed(command.reason);
    if (!approve) {
      std::vector<FieldError> errors;
      domain::RequireText(errors, "reason", reason, kMaxReason,
                          N_("Say why the claim is refused."));
      TRY(domain::Checked(std::move(errors)));
    }
    if (!expenses.Review(claim->id, claim->organisation_id, *command.decision, reason,
                         actor.user_id, unit.now())) {
      return Error::Conflict(N_("This claim was reviewed already."));
    }
    Audit(services, unit, actor, {"expense.review", "expense_claim", std::to_string(claim->id)});
    return claim->id;
  });
}

Result<intake::DocumentDownload> DownloadReceipt(const Services& services, const auth::Actor& actor,
                                                 std::int64_t claim_id) {
  if (!ExpensePolicy::CanManage(actor)) return Error::NotFound();
  const auto claim = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::ExpenseStore(unit.session()).Find(claim_id, unit.organisation_id());
  });
  if (!claim) return Error::NotFound();
  return ReceiptOf(services, actor, *claim);
}

Result<std::vector<ListedClaim>> ExportApprovedClaims(const Services& services,
                                                      const auth::Actor& actor) {
  if (!ExpensePolicy::CanManage(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::vector<ListedClaim>> {
    auto claims = store::ExpenseStore(unit.session())
                      .AllWithStatus(unit.organisation_id(), domain::ExpenseStatus::kApproved);
    Audit(services, unit, actor,
          {"expense.export", "expense_claim", std::to_string(claims.size())});
    return claims;
  });
}

Result<std::int64_t> MarkClaimsPaid(const Services& services, const auth::Actor& actor,
                                    const MarkPaidCommand& command) {
  if (!ExpensePolicy::CanManage(actor)) return Error::Forbidden();
  if (!command.confirmed) {
    return Error::Fields({{"confirm", {N_("Confirm that the bookkeeper paid these claims."), {}}}});
  }
  const std::set<std::int64_t> ids(command.claim_ids.begin(), command.claim_ids.end());
  if (ids.empty()) return Error::Invalid(N_("No approved claim awaits payment."));
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::ExpenseStore expenses(unit.session());
    for (const auto id : ids) {
      if (!expenses.Find(id, unit.organisation_id())) return Error::NotFound();
    }
    for (const auto id : ids) {
      // A claim no longer approved rolls the whole batch back: the page was out of date.
      if (!expenses.MarkPaid(id, unit.organisation_id(), actor.user_id, unit.now())) {
        return Error::Conflict(N_("A claim changed since the page was shown: nothing was paid."));
      }
      Audit(services, unit, actor, {"expense.paid", "expense_claim", std::to_string(id)});
    }
    return static_cast<std::int64_t>(ids.size());
  });
}

Result<std::vector<domain::MileageRate>> LoadMileageRates(const Services& services,
                                                          const auth::Actor& actor) {
  if (!ExpensePolicy::CanManage(actor)) return Error::Forbidden();
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::ExpenseStore(unit.session()).Rates(unit.organisation_id());
  });
}

Status SetMileageRate(const Services& services, const auth::Actor& actor,
                      const SetRateCommand& command) {
  if (!ExpensePolicy::CanManage(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const domain::MileageRate rate{.organisation_id = unit.organisation_id(),
                                   .effective_from = command.effective_from.value_or(CivilDate{}),
                                   .cents_per_km = command.cents_per_km.value_or(0)};
    TRY(domain::CheckRate(rate));
    store::ExpenseStore(unit.session()).SetRate(rate, actor.user_id, unit.now());
    Audit(services, unit, actor,
          {"expense.rate", "mileage_rate", FormatIsoDate(rate.effective_from)});
    return {};
  });
}

std::vector<domain::ExpenseClaim> ReadExpenseCosts(const store::Unit& unit, CivilDate first,
                                                   CivilDate last) {
  return store::ExpenseStore(unit.session()).Costs(unit.organisation_id(), first, last);
}

}  // namespace cercle::app::volunteers
