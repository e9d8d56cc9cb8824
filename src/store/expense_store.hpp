#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/expenses.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// A circle meeting or contact a volunteer may attach a claim to: a meeting held in one of their
// circles while they were a member, or a contact they logged.
struct ClaimLink {
  enum class Kind { kMeeting, kContact };
  Kind kind = Kind::kMeeting;
  std::int64_t id = 0;
  std::int64_t circle_id = 0;
  std::string circle_code_name;
  Instant at;  // a meeting's start; a contact's day at midnight UTC
  std::optional<CivilDate> contacted_on;
};

// A claim with the names a coordinator's list and the bookkeeper's export show beside it.
struct ListedClaim {
  domain::ExpenseClaim claim;
  std::string volunteer_name;    // "First Last"
  std::string circle_code_name;  // "" when the claim names no circle
};

// Reads and writes the organisation's mileage rates and volunteers' expense claims within the
// caller's transaction. Every query names the organisation, on top of row-level security.
class ExpenseStore {
 public:
  explicit ExpenseStore(soci::session& session) : session_(session) {}

  // The organisation's rates, oldest first.
  std::vector<domain::MileageRate> Rates(std::int64_t organisation_id);
  // Stores `rate`, replacing the rate of the same day if any.
  void SetRate(const domain::MileageRate& rate, std::int64_t by, Instant now);

  // Stores a claim filed by `by` (its id and receipt ignored); returns its id.
  std::int64_t Insert(const domain::ExpenseClaim& claim, std::int64_t by, Instant now);
  // Records the receipt document of claim `id`.
  void SetReceipt(std::int64_t id, std::int64_t organisation_id, std::int64_t document_id);
  // The claim `id` of `organisation_id`, if any.
  std::optional<domain::ExpenseClaim> Find(std::int64_t id, std::int64_t organisation_id);
  // One page of a volunteer's claims, newest first, and how many there are.
  std::vector<domain::ExpenseClaim> OfVolunteer(std::int64_t volunteer_id,
                                                std::int64_t organisation_id,
                                                const PageSlice& slice);
  std::int64_t CountOfVolunteer(std::int64_t volunteer_id, std::int64_t organisation_id);
  // One page of the organisation's claims at `status`, oldest first, with their names; and how
  // many there are.
  std::vector<ListedClaim> WithStatus(std::int64_t organisation_id, domain::ExpenseStatus status,
                                      const PageSlice& slice);
  std::int64_t CountWithStatus(std::int64_t organisation_id, domain::ExpenseStatus status);
  // Every claim of the organisation at `status`, oldest first, with their names.
  std::vector<ListedClaim> AllWithStatus(std::int64_t organisation_id,
                                         domain::ExpenseStatus status);
  // Approves or refuses a submitted claim; false, with nothing changed, when it is no longer
  // submitted.
  bool Review(std::int64_t id, std::int64_t organisation_id, domain::ExpenseStatus status,
              const std::string& reason, std::int64_t by, Instant now);
  // Marks the approved claim `id` paid; false, with nothing changed, when it is not approved.
  bool MarkPaid(std::int64_t id, std::int64_t organisation_id, std::int64_t by, Instant now);
  // The organisation's claims that count as a cost (approved or paid) dated from `first` to
  // `last`, oldest first.
  std::vector<domain::ExpenseClaim> Costs(std::int64_t organisation_id, CivilDate first,
                                          CivilDate last);
  // The meetings and contacts `volunteer_id` may attach a claim to, since `since` (a day, and
  // the same day as an instant for meetings), newest first, at most 60.
  std::vector<ClaimLink> LinksOfVolunteer(std::int64_t volunteer_id, std::int64_t organisation_id,
                                          CivilDate since, Instant since_at, Instant now);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
