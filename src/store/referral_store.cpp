#include "store/referral_store.hpp"

#include <algorithm>
#include <stdexcept>

#include "domain/core_member.hpp"
#include "domain/intake_fields.hpp"
#include "store/core_member_store.hpp"
#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

// The criteria, as the checklist reads them.
struct Criteria {
  using Record = domain::EligibilityCriterion;
  static auto Fields(Record& criterion) {
    return std::tie(criterion.id, criterion.organisation_id, criterion.default_key, criterion.label,
                    criterion.position, criterion.retired_at);
  }
};

constexpr const char* kMove = R"sql(
UPDATE referrals
   SET status = :status, decision_reason = :reason, updated_at = :at
 WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kSetCoreMember = R"sql(
UPDATE referrals
   SET core_member_id = :core_member
 WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kMet = R"sql(
SELECT criterion_id
  FROM referral_checklist
 WHERE organisation_id = :organisation AND referral_id = :referral
)sql";
constexpr const char* kInsertMet = R"sql(
INSERT INTO referral_checklist (organisation_id, referral_id, criterion_id, checked_by,
       checked_at)
VALUES (:organisation, :referral, :criterion, :checked_by, :checked_at)
)sql";
constexpr const char* kDeleteMet = R"sql(
DELETE
  FROM referral_checklist
 WHERE organisation_id = :organisation AND referral_id = :referral AND criterion_id = :criterion
)sql";

constexpr const char* kCriteriaCount = R"sql(
SELECT count(*)
  FROM eligibility_criteria
 WHERE organisation_id = :organisation
)sql";
constexpr const char* kCriteria = R"sql(
SELECT id, organisation_id, default_key, label, position, retired_at
  FROM eligibility_criteria
 WHERE organisation_id = :organisation
 ORDER BY position, id
)sql";
constexpr const char* kInsertDefaultCriterion = R"sql(
INSERT INTO eligibility_criteria (organisation_id, default_key, label, position, created_at)
VALUES (:organisation, :default_key, '', :position, :created_at)
ON CONFLICT (organisation_id, default_key) DO NOTHING
)sql";
constexpr const char* kInsertCriterion = R"sql(
INSERT INTO eligibility_criteria (organisation_id, label, position, created_at)
VALUES (:organisation, :label, :position, :created_at)
RETURNING id
)sql";
constexpr const char* kLastPosition = R"sql(
SELECT COALESCE(MAX(position), 0)
  FROM eligibility_criteria
 WHERE organisation_id = :organisation
)sql";
constexpr const char* kRename = R"sql(
UPDATE eligibility_criteria
   SET label = :label
 WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kSetRetired = R"sql(
UPDATE eligibility_criteria
   SET retired_at = :retired_at
 WHERE id = :id AND organisation_id = :organisation
)sql";

void RecordChange(soci::session& session, std::int64_t organisation_id, std::int64_t referral_id,
                  std::optional<domain::ReferralStatus> from, domain::ReferralStatus to,
                  const std::string& reason, std::optional<std::int64_t> changed_by, Instant at) {
  Insert<tables::ReferralStatusChanges>(session, {0, referral_id, from, to, reason, changed_by, at},
                                        Params({{"organisation_id", organisation_id}}));
}

// The filter's conditions and what they bind, with the organisation.
std::pair<std::string, Bindings> FilterWhere(std::int64_t organisation_id,
                                             const ReferralFilter& filter) {
  std::string where;
  Bindings bindings{{{"organisation", organisation_id}}, {}};
  if (filter.status) {
    where += "AND status = :status ";
    bindings.texts.emplace_back("status", std::string(domain::NameOf(*filter.status)));
  }
  if (filter.open_only) where += "AND status IN ('received', 'screening', 'waitlisted') ";
  return {where, bindings};
}

}  // namespace

std::int64_t ReferralStore::Insert(const domain::Referral& referral) {
  domain::Referral received = referral;
  received.status = domain::ReferralStatus::kReceived;
  const std::int64_t id = store::Insert<tables::Referrals>(session_, received);
  RecordChange(session_, referral.organisation_id, id, std::nullopt,
               domain::ReferralStatus::kReceived, "", referral.created_by, referral.created_at);
  return id;
}

void ReferralStore::Update(const domain::Referral& referral) {
  store::Update<tables::Referrals>(session_, referral);
}

std::optional<domain::Referral> ReferralStore::Find(std::int64_t id, std::int64_t organisation_id) {
  return store::Find<tables::Referrals>(session_, id, organisation_id);
}

std::vector<domain::Referral> ReferralStore::List(std::int64_t organisation_id,
                                                  const ReferralFilter& filter) {
  const auto [where, bindings] = FilterWhere(organisation_id, filter);
  return SelectWhere<tables::Referrals>(
      session_,
      where + "ORDER BY received_on DESC, id DESC" +
          LimitClause({filter.limit > 0 ? filter.limit : 500, filter.offset}),
      bindings);
}

std::int64_t ReferralStore::Count(std::int64_t organisation_id, const ReferralFilter& filter) {
  const auto [where, bindings] = FilterWhere(organisation_id, filter);
  return CountWhere<tables::Referrals>(session_, where, bindings);
}

std::vector<domain::Referral> ReferralStore::ListForCoreMember(std::int64_t core_member_id,
                                                               std::int64_t organisation_id) {
  return SelectOwned<tables::Referrals>(session_, "core_member_id", core_member_id, organisation_id,
                                        "received_on DESC, id DESC");
}

void ReferralStore::Move(const domain::Referral& referral, domain::ReferralStatus to,
                         const std::string& reason, std::optional<std::int64_t> changed_by,
                         Instant at) {
  const std::string status(domain::NameOf(to));
  const long long when = ToUnix(at);
  session_ << kMove, soci::use(status, "status"), soci::use(reason, "reason"),
      soci::use(when, "at"), soci::use(referral.id, "id"),
      soci::use(referral.organisation_id, "organisation");
  RecordChange(session_, referral.organisation_id, referral.id, referral.status, to, reason,
               changed_by, at);
}

void ReferralStore::SetCoreMember(std::int64_t id, std::int64_t organisation_id,
                                  std::int64_t core_member_id) {
  session_ << kSetCoreMember, soci::use(core_member_id, "core_member"), soci::use(id, "id"),
      soci::use(organisation_id, "organisation");
}

std::vector<domain::ReferralStatusChange> ReferralStore::History(std::int64_t referral_id,
                                                                 std::int64_t organisation_id) {
  return SelectOwned<tables::ReferralStatusChanges>(session_, "referral_id", referral_id,
                                                    organisation_id, "changed_at, id");
}

std::vector<std::int64_t> ReferralStore::MetCriteria(std::int64_t referral_id,
                                                     std::int64_t organisation_id) {
  std::vector<std::int64_t> met;
  std::int64_t criterion = 0;
  soci::statement statement = (session_.prepare << kMet, soci::use(organisation_id, "organisation"),
                               soci::use(referral_id, "referral"), soci::into(criterion));
  statement.execute();
  while (statement.fetch()) met.push_back(criterion);
  return met;
}

bool ReferralStore::SetMetCriteria(std::int64_t referral_id, std::int64_t organisation_id,
                                   const std::vector<std::int64_t>& met,
                                   std::optional<std::int64_t> checked_by, Instant at) {
  const auto before = MetCriteria(referral_id, organisation_id);
  bool changed = false;
  for (std::int64_t criterion : before) {
    if (std::find(met.begin(), met.end(), criterion) != met.end()) continue;
    session_ << kDeleteMet, soci::use(organisation_id, "organisation"),
        soci::use(referral_id, "referral"), soci::use(criterion, "criterion");
    changed = true;
  }
  const std::int64_t by = checked_by.value_or(0);
  soci::indicator by_indicator = checked_by ? soci::i_ok : soci::i_null;
  const long long when = ToUnix(at);
  for (std::int64_t criterion : met) {
    if (std::find(before.begin(), before.end(), criterion) != before.end()) continue;
    session_ << kInsertMet, soci::use(organisation_id, "organisation"),
        soci::use(referral_id, "referral"), soci::use(criterion, "criterion"),
        soci::use(by, by_indicator, "checked_by"), soci::use(when, "checked_at");
    changed = true;
  }
  return changed;
}

void EligibilityStore::EnsureDefaults(std::int64_t organisation_id, Instant now) {
  // Two first requests at once may both find no criterion: the unique key and ON CONFLICT keep one
  // set.
  long long count = 0;
  session_ << kCriteriaCount, soci::use(organisation_id, "organisation"), soci::into(count);
  if (count > 0) return;
  int position = 0;
  const long long created = ToUnix(now);
  for (const auto& criterion : domain::DefaultCriteria()) {
    const std::string key(criterion.key);
    position += 10;
    session_ << kInsertDefaultCriterion, soci::use(organisation_id, "organisation"),
        soci::use(key, "default_key"), soci::use(position, "position"),
        soci::use(created, "created_at");
  }
}

std::vector<domain::EligibilityCriterion> EligibilityStore::List(std::int64_t organisation_id) {
  return FetchAll<TableRow<Criteria>>(session_, kCriteria,
                                      Params({{"organisation", organisation_id}}));
}

std::optional<domain::EligibilityCriterion> EligibilityStore::Find(std::int64_t id,
                                                                   std::int64_t organisation_id) {
  for (auto& criterion : List(organisation_id)) {
    if (criterion.id == id) return criterion;
  }
  return std::nullopt;
}

std::int64_t EligibilityStore::Insert(std::int64_t organisation_id, const std::string& label,
                                      Instant now) {
  int last = 0;
  session_ << kLastPosition, soci::use(organisation_id, "organisation"), soci::into(last);
  const int position = last + 10;
  const long long created = ToUnix(now);
  std::int64_t id = 0;
  session_ << kInsertCriterion, soci::use(organisation_id, "organisation"),
      soci::use(label, "label"), soci::use(position, "position"), soci::use(created, "created_at"),
      soci::into(id);
  return id;
}

void EligibilityStore::Rename(std::int64_t id, std::int64_t organisation_id,
                              const std::string& label) {
  session_ << kRename, soci::use(label, "label"), soci::use(id, "id"),
      soci::use(organisation_id, "organisation");
}

void EligibilityStore::SetRetired(std::int64_t id, std::int64_t organisation_id,
                                  std::optional<Instant> now) {
  const long long at = now ? ToUnix(*now) : 0;
  soci::indicator indicator = now ? soci::i_ok : soci::i_null;
  session_ << kSetRetired, soci::use(at, indicator, "retired_at"), soci::use(id, "id"),
      soci::use(organisation_id, "organisation");
}

std::size_t MissingCriteria(soci::session& session, std::int64_t referral_id,
                            std::int64_t organisation_id) {
  const auto criteria = EligibilityStore(session).List(organisation_id);
  const auto met = ReferralStore(session).MetCriteria(referral_id, organisation_id);
  return domain::MissingCriteriaCount(domain::EligibilityChecklist(criteria, met));
}

Result<std::int64_t> AcceptReferral(soci::session& session, const domain::Referral& referral,
                                    const Acceptance& acceptance,
                                    std::optional<std::int64_t> accepted_by, Instant now) {
  const std::size_t missing = MissingCriteria(session, referral.id, referral.organisation_id);
  TRY(domain::CheckReferralMove(referral.status, domain::ReferralStatus::kAccepted,
                                acceptance.reason, missing));
  const std::string reason = Trimmed(acceptance.reason);
  CoreMemberStore core_members(session);
  std::int64_t core_member_id = 0;
  if (acceptance.reopen_core_member_id) {
    auto file = core_members.Find(*acceptance.reopen_core_member_id, referral.organisation_id);
    if (!file)
      return Error::Fields(
          {{"reopen", {N_("Choose a closed file of your organisation, or a new file."), {}}}});
    const auto status = domain::StatusOnAcceptance(file->status);
    if (!status) return Error::Fields({{"reopen", status.error().message}});
    core_members.SetStatus(*file, *status, reason, referral.id, accepted_by, now);
    core_member_id = file->id;
  } else {
    const std::string file_number = Trimmed(acceptance.file_number);
    TRY(domain::CheckFileNumber(file_number));
    if (core_members.FileNumberTaken(referral.organisation_id, file_number)) {
      return Error::Fields(
          {{"file_number",
            {N_("Another file of your organisation already uses this number."), {}}}});
    }
    domain::CoreMember file;
    file.organisation_id = referral.organisation_id;
    file.file_number = file_number;
    file.legal_name = referral.person_legal_name;
    file.preferred_name = referral.person_preferred_name;
    file.birth_date = referral.person_birth_date;
    file.status = *domain::StatusOnAcceptance(std::nullopt);
    file.coordinator_user_id = acceptance.coordinator_user_id;
    file.created_at = file.updated_at = now;
    file.id = core_members.Insert(file);
    core_members.RecordOpening(file, referral.id, reason, accepted_by, now);
    core_member_id = file.id;
  }
  ReferralStore referrals(session);
  referrals.Move(referral, domain::ReferralStatus::kAccepted, reason, accepted_by, now);
  referrals.SetCoreMember(referral.id, referral.organisation_id, core_member_id);
  return core_member_id;
}

}  // namespace cercle::store
