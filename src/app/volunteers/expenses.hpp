#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/intake/documents.hpp"
#include "app/paging.hpp"
#include "app/services.hpp"
#include "domain/expenses.hpp"
#include "domain/volunteer.hpp"
#include "store/expense_store.hpp"

// Volunteers' expenses and mileage: the claims volunteers file in their portal (with a receipt
// stored encrypted in the document vault), their review by a coordinator, the export of approved
// claims for the bookkeeper and their payment, and the organisation's rate per kilometre.
namespace cercle::app::volunteers {

using store::ClaimLink;
using store::ListedClaim;

// What a claim is attached to: a meeting or a contact of the volunteer's circles.
struct ClaimLinkChoice {
  ClaimLink::Kind kind = ClaimLink::Kind::kMeeting;
  std::int64_t id = 0;
};

// A claim as the volunteer typed it (the rules check it and compute a mileage claim's amount).
struct FileClaimCommand {
  domain::ExpenseClaim claim;  // day, kind, distance or amount, note
  std::optional<ClaimLinkChoice> link;
  std::optional<intake::Upload> receipt;  // none when no file was sent
  // What the form's reading found wrong (a day, distance or amount it could not read).
  Status read;
};

// Files a claim on the actor's own file, submitted for review ("expense.claim"), with its receipt
// stored encrypted ("document.upload"); returns its id. NotFound without a portal; Invalid, with
// nothing stored, for bad input, a closed file, or a meeting or contact not of their circles.
Result<std::int64_t> FileOwnClaim(const Services& services, const auth::Actor& actor,
                                  const FileClaimCommand& command);

// The volunteer's expenses page: their claims (one page), what a new claim may be attached to,
// and the rate in force today.
struct OwnClaimsPage {
  domain::Volunteer volunteer;
  CivilDate today;
  std::vector<domain::ExpenseClaim> claims;
  std::int64_t total = 0;
  std::vector<ClaimLink> links;
  std::optional<std::int64_t> rate_today;
  bool can_claim = false;
};

// The actor's own claims; NotFound without a portal.
Result<OwnClaimsPage> LoadOwnClaims(const Services& services, const auth::Actor& actor,
                                    const PageRequest& page);

// The receipt of the actor's own claim `claim_id` (audited "document.download"); NotFound for
// another volunteer's claim or a claim without a receipt.
Result<intake::DocumentDownload> DownloadOwnReceipt(const Services& services,
                                                    const auth::Actor& actor,
                                                    std::int64_t claim_id);

// The coordinators' expenses page: claims awaiting review (one page), the approved claims awaiting
// payment (all: they are exported and paid together), and the rate in force today.
struct ClaimQueue {
  std::vector<ListedClaim> submitted;
  std::int64_t submitted_total = 0;
  std::vector<ListedClaim> approved;
  std::optional<std::int64_t> rate_today;
};

// The queue; Forbidden for anyone who may not manage volunteers.
Result<ClaimQueue> LoadClaimQueue(const Services& services, const auth::Actor& actor,
                                  const PageRequest& submitted_page);

struct ReviewClaimCommand {
  std::int64_t claim_id = 0;
  // Approved or refused; none when the form named neither (Invalid).
  std::optional<domain::ExpenseStatus> decision;
  std::string reason;  // required to refuse
};
// Approves or refuses a submitted claim ("expense.review"); returns its id. Field error "reason"
// for a refusal without one; Conflict when it was reviewed already.
Result<std::int64_t> ReviewClaim(const Services& services, const auth::Actor& actor,
                                 const ReviewClaimCommand& command);

// The receipt of claim `claim_id` for a coordinator (audited "document.download").
Result<intake::DocumentDownload> DownloadReceipt(const Services& services, const auth::Actor& actor,
                                                 std::int64_t claim_id);

// The approved claims for the bookkeeper, oldest first ("expense.export").
Result<std::vector<ListedClaim>> ExportApprovedClaims(const Services& services,
                                                      const auth::Actor& actor);

struct MarkPaidCommand {
  std::vector<std::int64_t> claim_ids;  // the approved claims the page listed
  bool confirmed = false;
};
// Marks the listed approved claims paid ("expense.paid", one entry per claim); returns how many.
// Invalid without the confirmation or without a claim; NotFound for a claim of another
// organisation; Conflict, with nothing changed, when one is no longer approved.
Result<std::int64_t> MarkClaimsPaid(const Services& services, const auth::Actor& actor,
                                    const MarkPaidCommand& command);

// The organisation's rates per kilometre, oldest first; Forbidden as the queue.
Result<std::vector<domain::MileageRate>> LoadMileageRates(const Services& services,
                                                          const auth::Actor& actor);

struct SetRateCommand {
  std::optional<CivilDate> effective_from;
  std::optional<std::int64_t> cents_per_km;
};
// Sets the rate in force from a day, replacing that day's rate if any ("expense.rate").
// Claims already filed keep their amount.
Status SetMileageRate(const Services& services, const auth::Actor& actor,
                      const SetRateCommand& command);

// The costs of volunteers' expenses from `first` to `last`: the approved and paid claims, for the
// funder report and the dashboard (the caller asked the reports' policy).
std::vector<domain::ExpenseClaim> ReadExpenseCosts(const store::Unit& unit, CivilDate first,
                                                   CivilDate last);

}  // namespace cercle::app::volunteers
