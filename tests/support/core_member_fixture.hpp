// Core members' files, referrals and what hangs on them, made straight through the stores of a
// TestServer, so that the HTTP tests of the intake pages (and the authorisation matrix) reach the
// state they check quickly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "domain/core_member.hpp"
#include "domain/referral.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {

// Words a seeded file holds that only coordinators and organisation admins may ever read: the
// offence summary, the victim's identity and places of a protected condition, the risk assessment,
// a document's bytes.
inline constexpr const char* kOffenceSecret = "INFRACTION-SECRETE-4417";
inline constexpr const char* kVictimSecret = "VICTIME-JOSEE-SECRETE";
inline constexpr const char* kPlaceSecret = "LIEU-RUE-SECRETE";
inline constexpr const char* kRiskScoreSecret = "11.75";
inline constexpr const char* kRiskLevelSecret = "NIVEAU-RISQUE-SECRET";
inline constexpr const char* kDocumentSecret = "DOCUMENT-CONFIDENTIEL-8812";
// What volunteers may read of the same file.
inline constexpr const char* kVolunteerSummary = "Aime le jardinage (résumé pour les bénévoles).";

// The ids of a fully seeded file.
struct SeededFile {
  std::int64_t core_member_id = 0;
  std::int64_t order_id = 0;
  std::int64_t protected_condition_id = 0;
  std::int64_t consent_id = 0;
  std::int64_t document_id = 0;           // owned by the core member
  std::int64_t referral_id = 0;           // the accepted referral that opened the file
  std::int64_t referral_document_id = 0;  // owned by that referral
};

// Builds intake records through the stores of one TestServer. Not thread-safe.
class CoreMemberFixture {
 public:
  explicit CoreMemberFixture(TestServer& server) : server_(server) {}

  // The test clock's today in the server's time zone.
  CivilDate Today();
  // A file in `status`, opened directly (no referral), with the legal name and file number given.
  std::int64_t CreateCoreMember(
      std::int64_t organisation_id, const std::string& legal_name, const std::string& file_number,
      domain::CoreMemberStatus status = domain::CoreMemberStatus::kInCircle,
      const std::string& region = "");
  // A referral of `person` received today, moved along `path`, with every criterion met when
  // `all_met`.
  std::int64_t CreateReferral(std::int64_t organisation_id, const std::string& person,
                              const std::vector<domain::ReferralStatus>& path = {},
                              bool all_met = false);
  // A file opened by accepting a referral, with an order, a condition protecting a victim
  // (kVictimSecret, kPlaceSecret), another condition, a risk assessment (kRiskScoreSecret,
  // kRiskLevelSecret), an offence summary (kOffenceSecret), a volunteer summary, a consent, and a
  // document on the file and on the referral (both holding kDocumentSecret).
  SeededFile SeedFullFile(std::int64_t organisation_id, const std::string& legal_name,
                          const std::string& file_number);
  // A PDF holding kDocumentSecret, owned by `owner_type` `owner_id`, in the vault and the documents
  // table.
  std::int64_t AddDocument(std::int64_t organisation_id, const std::string& owner_type,
                           std::int64_t owner_id, const std::string& bytes = "");
  // A consent to share with the outer circle, given today.
  std::int64_t AddConsent(std::int64_t organisation_id, std::int64_t core_member_id);
  // The organisation's eligibility criteria (the defaults, added on first use).
  std::vector<std::int64_t> CriterionIds(std::int64_t organisation_id);
  // The stored file, referral and referral history length.
  domain::CoreMember StoredCoreMember(std::int64_t organisation_id, std::int64_t id);
  domain::Referral StoredReferral(std::int64_t organisation_id, std::int64_t id);
  std::size_t ReferralHistoryLength(std::int64_t organisation_id, std::int64_t id);
  // The number of rows of `table` (a name the test writes itself) of `organisation_id`.
  long long CountRows(const std::string& table, std::int64_t organisation_id);

 private:
  TestServer& server_;
};

}  // namespace cercle::testing
