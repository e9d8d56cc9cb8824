#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/intake/core_members.hpp"
#include "domain/eligibility.hpp"
#include "domain/referral.hpp"

// Referrals, from their reception to the decision, with the eligibility checklist. Coordinators
// and organisation admins of the referral's organisation only (auth::policies::ReferralPolicy);
// anyone else gets NotFound, as for a referral that does not exist.
namespace cercle::app::intake {

// True when `actor` may record a new referral.
bool MayCreateReferral(const auth::Actor& actor);

// The filter of the list of referrals.
struct ReferralListQuery {
  std::optional<domain::ReferralStatus> status;
  bool open_only = true;  // received, screening and waitlisted only
  PageRequest page;
};

// One page of the list.
struct ReferralList {
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::vector<domain::Referral> referrals;
};

// The list (audited "referral.list").
Result<ReferralList> LoadReferralList(const Services& services, const auth::Actor& actor,
                                      const ReferralListQuery& query);

// A referral's page: the referral, its checklist, its moves, its documents and who saw it.
struct ReferralPage {
  domain::Referral referral;
  std::vector<domain::EligibilityCriterion> criteria;
  std::vector<std::int64_t> met;
  std::vector<domain::ReferralStatusChange> history;
  std::optional<domain::CoreMember> file;  // the file its acceptance opened or reopened
  std::vector<store::Document> documents;
  Users users;
  std::vector<Viewer> viewers;
};

// The referral `id`, audited "referral.view".
Result<ReferralPage> LoadReferralPage(const Services& services, const auth::Actor& actor,
                                      std::int64_t id);

// The referral `id` for its edit form, when the actor may change it (audited "referral.view" when
// asked). Conflict once it is decided.
Result<domain::Referral> LoadReferralForm(const Services& services, const auth::Actor& actor,
                                          std::int64_t id, Viewing record);

// Where a referral comes from and whom it is about, as typed.
struct ReferralDetails {
  domain::ReferralSource source = domain::ReferralSource::kCsc;
  std::string source_other;  // for an "other" source
  std::string referrer_name;
  std::string referrer_organisation;
  std::string referrer_contact;
  std::optional<CivilDate> received_on;  // required
  std::string person_legal_name;
  std::string person_preferred_name;
  std::optional<CivilDate> person_birth_date;
  std::string summary;
  std::vector<FieldError> field_errors;  // what the form could not read
};

// Records a referral as received (audited "referral.create"); returns its id. The organisation's
// checklist exists from its first referral on.
Result<std::int64_t> CreateReferral(const Services& services, const auth::Actor& actor,
                                    const ReferralDetails& details);
// Changes referral `referral_id`'s details while it is open (audited "referral.update").
Status EditReferral(const Services& services, const auth::Actor& actor, std::int64_t referral_id,
                    const ReferralDetails& details);

// The criteria ticked on a referral's checklist.
struct ChecklistAnswers {
  std::int64_t referral_id = 0;
  std::vector<std::int64_t> met;
  std::vector<FieldError> field_errors;  // a value that is no criterion's id
};

// Saves the checklist while the referral is open (audited "referral.checklist" when it changed).
// Retired criteria keep the answers they had.
Status SaveChecklist(const Services& services, const auth::Actor& actor,
                     const ChecklistAnswers& command);

// A move of a referral other than its acceptance.
struct ReferralMove {
  std::int64_t referral_id = 0;
  std::optional<domain::ReferralStatus> to;  // none when the form named no known status
  std::string reason;
};

// What became of a move.
enum class MoveOutcome {
  kMoved,
  kNeedsAcceptance,  // an acceptance opens a file: it has its own form
};

// Moves the referral as its lifecycle allows (audited "referral.status").
Result<MoveOutcome> MoveReferral(const Services& services, const auth::Actor& actor,
                                 const ReferralMove& command);

// The acceptance form: the referral, the closed files that could be reopened, the criteria still
// missing, the staff, and what to suggest.
struct AcceptanceForm {
  domain::Referral referral;
  std::vector<domain::CoreMember> closed;
  std::size_t missing_criteria = 0;
  Users users;
  std::optional<std::int64_t> suggested_reopen;  // a closed file with the same name and birth date
  std::string suggested_file_number;
  std::optional<std::int64_t> suggested_coordinator;  // the actor, when a coordinator
};

// The acceptance form of referral `id`, when the actor may change it and the lifecycle allows an
// acceptance (otherwise its refusal). Records "referral.view" when asked.
Result<AcceptanceForm> LoadAcceptanceForm(const Services& services, const auth::Actor& actor,
                                          std::int64_t id, Viewing record);

// The coordinator's decision to accept a referral.
struct ReferralAcceptance {
  std::int64_t referral_id = 0;
  std::optional<std::int64_t> reopen_core_member_id;  // a closed file, or none for a new one
  std::string file_number;                            // for a new file
  std::string reason;
  std::optional<std::int64_t> coordinator_user_id;  // active staff of the organisation
  std::vector<FieldError> field_errors;
};

// Accepts the referral: opens a new file or reopens a closed one (audited "referral.status" and
// "core_member.create" or "core_member.reopen"); returns the file's id. Field errors "file_number",
// "reopen", "reason", "coordinator", "checklist"; a move the lifecycle refuses.
Result<std::int64_t> AcceptReferral(const Services& services, const auth::Actor& actor,
                                    const ReferralAcceptance& command);

}  // namespace cercle::app::intake
