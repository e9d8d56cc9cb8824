#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/eligibility.hpp"
#include "domain/referral.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// Filters of the referral list. Empty fields do not filter.
struct ReferralFilter {
  std::optional<domain::ReferralStatus> status;
  bool open_only = false;  // received, screening and waitlisted only
  int limit = 500;
  std::int64_t offset = 0;  // rows to skip, for a page (see store/page_slice.hpp)
};

// Reads and writes referrals, their history and their checklists, within the caller's transaction.
class ReferralStore {
 public:
  explicit ReferralStore(soci::session& session) : session_(session) {}

  // Stores a new referral as received, with its first history line; returns its id.
  std::int64_t Insert(const domain::Referral& referral);
  // Stores the source, referrer and person details of an existing referral (not its status).
  void Update(const domain::Referral& referral);
  // The referral `id` of `organisation_id`, if any.
  std::optional<domain::Referral> Find(std::int64_t id, std::int64_t organisation_id);
  // The referrals of `organisation_id` matching `filter`, latest received first.
  std::vector<domain::Referral> List(std::int64_t organisation_id, const ReferralFilter& filter);
  // How many referrals of `organisation_id` match `filter` (its limit and offset aside).
  std::int64_t Count(std::int64_t organisation_id, const ReferralFilter& filter);
  // The referrals whose acceptance opened or reopened file `core_member_id`, latest first.
  std::vector<domain::Referral> ListForCoreMember(std::int64_t core_member_id,
                                                  std::int64_t organisation_id);

  // Moves the referral to `to`, keeping `reason` as its decision reason, and records the move. The
  // caller has checked it with domain::CheckReferralMove.
  void Move(const domain::Referral& referral, domain::ReferralStatus to, const std::string& reason,
            std::optional<std::int64_t> changed_by, Instant at);
  // Links the referral to the file its acceptance opened or reopened.
  void SetCoreMember(std::int64_t id, std::int64_t organisation_id, std::int64_t core_member_id);
  // The moves of a referral, oldest first.
  std::vector<domain::ReferralStatusChange> History(std::int64_t referral_id,
                                                    std::int64_t organisation_id);

  // The ids of the criteria ticked as met on a referral.
  std::vector<std::int64_t> MetCriteria(std::int64_t referral_id, std::int64_t organisation_id);
  // Replaces the criteria ticked on a referral with `met`; returns true when anything changed.
  bool SetMetCriteria(std::int64_t referral_id, std::int64_t organisation_id,
                      const std::vector<std::int64_t>& met, std::optional<std::int64_t> checked_by,
                      Instant at);

 private:
  soci::session& session_;
};

// Reads and writes an organisation's eligibility criteria, within the caller's transaction.
class EligibilityStore {
 public:
  explicit EligibilityStore(soci::session& session) : session_(session) {}

  // Gives the organisation the program's four criteria if it never had any criterion. Needs a write
  // transaction.
  void EnsureDefaults(std::int64_t organisation_id, Instant now);
  // Every criterion of the organisation, active and retired, in checklist order.
  std::vector<domain::EligibilityCriterion> List(std::int64_t organisation_id);
  // The criterion `id` of `organisation_id`, if any.
  std::optional<domain::EligibilityCriterion> Find(std::int64_t id, std::int64_t organisation_id);
  // Adds a criterion at the end of the list; returns its id.
  std::int64_t Insert(std::int64_t organisation_id, const std::string& label, Instant now);
  // Rewords a criterion.
  void Rename(std::int64_t id, std::int64_t organisation_id, const std::string& label);
  // Retires a criterion (at `now`), or brings a retired one back (`now` none).
  void SetRetired(std::int64_t id, std::int64_t organisation_id, std::optional<Instant> now);

 private:
  soci::session& session_;
};

// What the coordinator decides when accepting a referral.
struct Acceptance {
  // The file to reopen (a closed file of the organisation), or none to open a new one.
  std::optional<std::int64_t> reopen_core_member_id;
  std::string file_number;  // for a new file
  std::string reason;
  std::optional<std::int64_t> coordinator_user_id;  // the coordinator given the new file
};

// Accepts `referral` in one step: checks the move (and that every criterion of the checklist is
// met), opens a new file as a candidate with the referral's identity and `acceptance.file_number`
// (unique within the organisation), or reopens the closed file `acceptance.reopen_core_member_id`;
// records both histories and links them. Returns the file's id, or field errors ("file_number",
// "reopen", "reason", "checklist") with nothing changed by this function. The caller runs it in a
// write transaction and audits it.
Result<std::int64_t> AcceptReferral(soci::session& session, const domain::Referral& referral,
                                    const Acceptance& acceptance,
                                    std::optional<std::int64_t> accepted_by, Instant now);

// The number of active criteria of the organisation that `referral_id` does not meet yet.
std::size_t MissingCriteria(soci::session& session, std::int64_t referral_id,
                            std::int64_t organisation_id);

}  // namespace cercle::store
