#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// Filters of the core member list. Empty fields do not filter.
struct CoreMemberFilter {
  std::optional<domain::CoreMemberStatus> status;
  bool open_only = false;  // leave closed files out
  std::string region;
  std::optional<std::int64_t> coordinator_user_id;
  // Words of a name or file number, matched accent- and case-insensitively anywhere in the folded
  // text.
  std::string query;
  int limit = 500;
  std::int64_t offset = 0;  // rows to skip, for a page (see store/page_slice.hpp)
};

// Reads and writes core members' files, their status history, risk assessments and consents, within
// the caller's transaction. Every query is filtered by organisation as well as by the transaction's
// scope.
class CoreMemberStore {
 public:
  explicit CoreMemberStore(soci::session& session) : session_(session) {}

  // Stores a new file (its search text folded here); returns its id. The caller checks the file
  // number is free.
  std::int64_t Insert(const domain::CoreMember& core_member);
  // Stores the identity, contact, summaries, coordinator and key dates of an existing file (not its
  // status).
  void Update(const domain::CoreMember& core_member);
  // The file `id` of `organisation_id`, if any.
  std::optional<domain::CoreMember> Find(std::int64_t id, std::int64_t organisation_id);
  // The files `ids` of `organisation_id` (in no particular order): the few a page names.
  std::vector<domain::CoreMember> FindMany(const std::vector<std::int64_t>& ids,
                                           std::int64_t organisation_id);
  // The files of `organisation_id` matching `filter`, by legal name.
  std::vector<domain::CoreMember> List(std::int64_t organisation_id,
                                       const CoreMemberFilter& filter);
  // How many files of `organisation_id` match `filter` (its limit and offset aside).
  std::int64_t Count(std::int64_t organisation_id, const CoreMemberFilter& filter);
  // True when another file of the organisation (not `except_id`) uses `file_number`.
  bool FileNumberTaken(std::int64_t organisation_id, const std::string& file_number,
                       std::int64_t except_id = 0);
  // The regions the organisation's files name, sorted.
  std::vector<std::string> Regions(std::int64_t organisation_id);
  // A free file number of the form "YYYY-NNN" for `year`.
  std::string SuggestFileNumber(std::int64_t organisation_id, int year);

  // Moves the file to `to` and records the change (who, when, why, and the referral behind it).
  void SetStatus(const domain::CoreMember& core_member, domain::CoreMemberStatus to,
                 const std::string& reason, std::optional<std::int64_t> referral_id,
                 std::optional<std::int64_t> changed_by, Instant at);
  // Records the opening of a new file (no previous status).
  void RecordOpening(const domain::CoreMember& core_member, std::optional<std::int64_t> referral_id,
                     const std::string& reason, std::optional<std::int64_t> changed_by, Instant at);
  // The status history of a file, oldest first.
  std::vector<domain::CoreMemberStatusChange> History(std::int64_t core_member_id,
                                                      std::int64_t organisation_id);

  // Stores a risk assessment as received; returns its id.
  std::int64_t InsertRiskAssessment(const domain::RiskAssessment& assessment);
  // The risk assessments of a file, newest first.
  std::vector<domain::RiskAssessment> RiskAssessments(std::int64_t core_member_id,
                                                      std::int64_t organisation_id);

  // Stores a consent; returns its id.
  std::int64_t InsertConsent(const domain::Consent& consent);
  // The consent `id` of `organisation_id`, if any.
  std::optional<domain::Consent> FindConsent(std::int64_t id, std::int64_t organisation_id);
  // Records the withdrawal of a consent on `withdrawn_on`.
  void WithdrawConsent(std::int64_t id, std::int64_t organisation_id, CivilDate withdrawn_on,
                       std::optional<std::int64_t> withdrawn_by);
  // The consents of a file, newest first.
  std::vector<domain::Consent> Consents(std::int64_t core_member_id, std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
