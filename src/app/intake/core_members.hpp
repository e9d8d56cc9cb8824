#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/intake/intake_common.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"
#include "domain/referral.hpp"
#include "store/document_store.hpp"

// Core members' files: the list and search, the file page, the edit of its details and the status
// changes by hand. Coordinators and organisation admins of the file's organisation only
// (auth::policies::CoreMemberPolicy); anyone else gets NotFound, as for a file that does not exist.
namespace cercle::app::intake {

// Whether a page query records, in the audit log, that the actor saw the file.
enum class Viewing { kRecorded, kNotRecorded };

// The filters of the list of files. Empty fields do not filter.
struct CoreMemberListQuery {
  std::optional<domain::CoreMemberStatus> status;
  std::string region;
  std::optional<std::int64_t> coordinator_user_id;
  std::string query;  // words of a name or a file number
  PageRequest page;
};

// One page of the list of files.
struct CoreMemberList {
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::vector<domain::CoreMember> members;
  std::vector<std::string> regions;
  std::int64_t open_referrals = 0;
  Users users;
};

// The list (audited "core_member.list", or "core_member.search" with a query, without the words).
Result<CoreMemberList> LoadCoreMemberList(const Services& services, const auth::Actor& actor,
                                          const CoreMemberListQuery& query);

// A file's page: the file and everything in it, with who saw it.
struct CoreMemberFile {
  domain::CoreMember member;
  std::vector<domain::CoreMemberStatusChange> history;
  std::vector<domain::SupervisionOrder> orders;
  std::vector<domain::Condition> conditions;
  std::vector<domain::RiskAssessment> risks;  // empty for an actor who may not read them
  std::vector<domain::Consent> consents;
  std::vector<domain::Referral> referrals;
  std::vector<store::Document> documents;
  // The documents of each referral of `referrals`, in the same order.
  std::vector<std::vector<store::Document>> referral_documents;
  bool victim_details = false;  // the actor may read the victims' details of conditions
  Users users;
  std::vector<Viewer> viewers;
  CivilDate today;
};

// The file `id`, audited "core_member.view".
Result<CoreMemberFile> LoadCoreMemberFile(const Services& services, const auth::Actor& actor,
                                          std::int64_t id);

// The edit form of a file: the file and the staff it can be given to.
struct CoreMemberForm {
  domain::CoreMember member;
  Users users;
};

// The file `id` for its edit form, when the actor may change it.
Result<CoreMemberForm> LoadCoreMemberForm(const Services& services, const auth::Actor& actor,
                                          std::int64_t id, Viewing record);

// The active coordinators and administrators among `users`, who can be given a file.
std::vector<const store::User*> FileStaff(const Users& users);

// A file's identity, contact, summaries, coordinator and key dates, as typed.
struct CoreMemberEdit {
  std::int64_t core_member_id = 0;
  std::string legal_name;
  std::string preferred_name;
  std::string file_number;
  std::optional<CivilDate> birth_date;
  domain::PreferredLanguage preferred_language = domain::PreferredLanguage::kFrench;
  std::string other_language;
  std::string phone;
  std::string email;
  std::string address;
  std::string region;
  std::string offence_summary;
  std::string volunteer_summary;
  std::optional<CivilDate> statutory_release_date;
  std::optional<CivilDate> warrant_expiry_date;
  std::optional<std::int64_t> coordinator_user_id;
  std::vector<FieldError> field_errors;  // what the form could not read
};

// Saves the details (audited "core_member.update"). Field errors for what breaks a rule or a file
// number another file uses; a coordinator must be active staff, unless the file already had them.
Status EditCoreMember(const Services& services, const auth::Actor& actor,
                      const CoreMemberEdit& command);

// A status change by hand.
struct CoreMemberMove {
  std::int64_t core_member_id = 0;
  std::optional<domain::CoreMemberStatus> to;  // none when the form named no known status
  std::string reason;
};

// Moves the file as the lifecycle allows (audited "core_member.status").
Status MoveCoreMember(const Services& services, const auth::Actor& actor,
                      const CoreMemberMove& command);

}  // namespace cercle::app::intake
