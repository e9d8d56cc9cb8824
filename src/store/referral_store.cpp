#include "store/referral_store.hpp"

#include <algorithm>
#include <stdexcept>

#include "domain/core_member.hpp"
#include "domain/intake_fields.hpp"
#include "store/core_member_store.hpp"
#include "store/intake_columns.hpp"

namespace cercle::store {
namespace {

using intake::DateParameter;
using intake::IdParameter;
using intake::ReadDate;
using intake::ReadId;
using intake::ReadRequiredDate;

constexpr const char* kColumns = R"sql(
SELECT id, organisation_id, source, source_other, referrer_name, referrer_organisation,
       referrer_contact, received_on, person_legal_name, person_preferred_name,
       person_birth_date, summary, status, decision_reason, core_member_id, created_by,
       created_at, updated_at
  FROM referrals
 WHERE organisation_id = :organisation
 )sql";
constexpr const char* kInsert = R"sql(
INSERT INTO referrals (organisation_id, source, source_other, referrer_name,
       referrer_organisation, referrer_contact, received_on, person_legal_name,
       person_preferred_name, person_birth_date, summary, status, created_by, created_at,
       updated_at)
VALUES (:organisation, :source, :source_other, :referrer_name, :referrer_organisation,
       :referrer_contact, :received_on, :legal_name, :preferred_name, :birth_date, :summary,
       'received', :created_by, :created_at, :updated_at)
RETURNING id
)sql";
constexpr const char* kUpdate = R"sql(
UPDATE referrals
   SET source = :source, source_other = :source_other, referrer_name = :referrer_name,
          referrer_organisation = :referrer_organisation,
          referrer_contact = :referrer_contact, received_on = :received_on,
          person_legal_name = :legal_name, person_preferred_name = :preferred_name,
          person_birth_date = :birth_date, summary = :summary, updated_at = :updated_at
 WHERE id = :id AND organisation_id = :organisation
)sql";
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
constexpr const char* kInsertChange = R"sql(
INSERT INTO referral_status_changes (organisation_id, referral_id, from_status, to_status,
       reason, changed_by, changed_at)
VALUES (:organisation, :referral, :from_status, :to_status, :reason, :changed_by, :changed_at)
)sql";
constexpr const char* kHistory = R"sql(
SELECT id, referral_id, from_status, to_status, reason, changed_by, changed_at
  FROM referral_status_changes
 WHERE organisation_id = :organisation AND referral_id = :referral
 ORDER BY changed_at, id
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
SELECT id, default_key, label, position, retired_at
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

domain::ReferralStatus StatusOf(const std::string& name) {
  const auto status = domain::ParseEnum<domain::ReferralStatus>(name);
  if (!status) throw std::runtime_error("a stored referral status is unknown");
  return *status;
}

void RecordChange(soci::session& session, std::int64_t organisation_id, std::int64_t referral_id,
                  std::optional<domain::ReferralStatus> from, domain::ReferralStatus to,
                  const std::string& reason, std::optional<std::int64_t> changed_by, Instant at) {
  const std::string from_name = from ? std::string(domain::NameOf(*from)) : std::string();
  soci::indicator from_indicator = from ? soci::i_ok : soci::i_null;
  const std::string to_name(domain::NameOf(to));
  auto by = IdParameter(changed_by);
  const long long when = ToUnix(at);
  session << kInsertChange, soci::use(organisation_id, "organisation"),
      soci::use(referral_id, "referral"), soci::use(from_name, from_indicator, "from_status"),
      soci::use(to_name, "to_status"), soci::use(reason, "reason"),
      soci::use(by.value, by.indicator, "changed_by"), soci::use(when, "changed_at");
}

}  // namespace

std::int64_t ReferralStore::Insert(const domain::Referral& referral) {
  std::int64_t id = 0;
  const std::string source(domain::NameOf(referral.source));
  const std::string received_on = FormatIsoDate(referral.received_on);
  auto birth = DateParameter(referral.person_birth_date);
  auto by = IdParameter(referral.created_by);
  const long long created = ToUnix(referral.created_at), updated = ToUnix(referral.updated_at);
  session_ << kInsert, soci::use(referral.organisation_id, "organisation"),
      soci::use(source, "source"), soci::use(referral.source_other, "source_other"),
      soci::use(referral.referrer_name, "referrer_name"),
      soci::use(referral.referrer_organisation, "referrer_organisation"),
      soci::use(referral.referrer_contact, "referrer_contact"),
      soci::use(received_on, "received_on"), soci::use(referral.person_legal_name, "legal_name"),
      soci::use(referral.person_preferred_name, "preferred_name"),
      soci::use(birth.value, birth.indicator, "birth_date"), soci::use(referral.summary, "summary"),
      soci::use(by.value, by.indicator, "created_by"), soci::use(created, "created_at"),
      soci::use(updated, "updated_at"), soci::into(id);
  RecordChange(session_, referral.organisation_id, id, std::nullopt,
               domain::ReferralStatus::kReceived, "", referral.created_by, referral.created_at);
  return id;
}

void ReferralStore::Update(const domain::Referral& referral) {
  const std::string source(domain::NameOf(referral.source));
  const std::string received_on = FormatIsoDate(referral.received_on);
  auto birth = DateParameter(referral.person_birth_date);
  const long long updated = ToUnix(referral.updated_at);
  session_ << kUpdate, soci::use(source, "source"),
      soci::use(referral.source_other, "source_other"),
      soci::use(referral.referrer_name, "referrer_name"),
      soci::use(referral.referrer_organisation, "referrer_organisation"),
      soci::use(referral.referrer_contact, "referrer_contact"),
      soci::use(received_on, "received_on"), soci::use(referral.person_legal_name, "legal_name"),
      soci::use(referral.person_preferred_name, "preferred_name"),
      soci::use(birth.value, birth.indicator, "birth_date"), soci::use(referral.summary, "summary"),
      soci::use(updated, "updated_at"), soci::use(referral.id, "id"),
      soci::use(referral.organisation_id, "organisation");
}

std::vector<domain::Referral> ReferralStore::Select(const std::string& where,
                                                    std::int64_t organisation_id, std::int64_t key,
                                                    const std::string& text) {
  domain::Referral row;
  std::string source, received_on, birth, status;
  soci::indicator birth_indicator, core_member_indicator, by_indicator;
  std::int64_t core_member = 0, by = 0;
  long long created = 0, updated = 0;
  soci::statement statement =
      (session_.prepare << std::string(kColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(source), soci::into(row.source_other),
       soci::into(row.referrer_name), soci::into(row.referrer_organisation),
       soci::into(row.referrer_contact), soci::into(received_on), soci::into(row.person_legal_name),
       soci::into(row.person_preferred_name), soci::into(birth, birth_indicator),
       soci::into(row.summary), soci::into(status), soci::into(row.decision_reason),
       soci::into(core_member, core_member_indicator), soci::into(by, by_indicator),
       soci::into(created), soci::into(updated));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  if (where.find(":text") != std::string::npos) statement.exchange(soci::use(text, "text"));
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::Referral> referrals;
  while (statement.fetch()) {
    domain::Referral referral = row;
    referral.source =
        domain::ParseEnum<domain::ReferralSource>(source).value_or(domain::ReferralSource::kOther);
    referral.received_on = ReadRequiredDate(received_on);
    referral.person_birth_date = ReadDate(birth, birth_indicator);
    referral.status = StatusOf(status);
    referral.core_member_id = ReadId(core_member, core_member_indicator);
    referral.created_by = ReadId(by, by_indicator);
    referral.created_at = FromUnix(created);
    referral.updated_at = FromUnix(updated);
    referrals.push_back(std::move(referral));
  }
  return referrals;
}

std::optional<domain::Referral> ReferralStore::Find(std::int64_t id, std::int64_t organisation_id) {
  auto referrals = Select("AND id = :key", organisation_id, id, "");
  if (referrals.empty()) return std::nullopt;
  return referrals.front();
}

namespace {

constexpr const char* kCount = R"sql(
SELECT COUNT(*)
  FROM referrals
 WHERE organisation_id = :organisation
 )sql";

// The conditions of `filter` (":text" binds the status), and the status they bind.
std::pair<std::string, std::string> FilterWhere(const ReferralFilter& filter) {
  std::string where;
  std::string status;
  if (filter.status) {
    where += "AND status = :text ";
    status = std::string(domain::NameOf(*filter.status));
  }
  if (filter.open_only) where += "AND status IN ('received', 'screening', 'waitlisted') ";
  return {where, status};
}

}  // namespace

std::vector<domain::Referral> ReferralStore::List(std::int64_t organisation_id,
                                                  const ReferralFilter& filter) {
  const auto [where, status] = FilterWhere(filter);
  return Select(where + "ORDER BY received_on DESC, id DESC" +
                    LimitClause({filter.limit > 0 ? filter.limit : 500, filter.offset}),
                organisation_id, 0, status);
}

std::int64_t ReferralStore::Count(std::int64_t organisation_id, const ReferralFilter& filter) {
  const auto [where, status] = FilterWhere(filter);
  long long count = 0;
  soci::statement statement = (session_.prepare << std::string(kCount) + where, soci::into(count));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (filter.status) statement.exchange(soci::use(status, "text"));
  statement.define_and_bind();
  statement.execute(true);
  return count;
}

std::vector<domain::Referral> ReferralStore::ListForCoreMember(std::int64_t core_member_id,
                                                               std::int64_t organisation_id) {
  return Select("AND core_member_id = :key ORDER BY received_on DESC, id DESC", organisation_id,
                core_member_id, "");
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
  domain::ReferralStatusChange row;
  std::string from, to;
  soci::indicator from_indicator, by_indicator;
  std::int64_t by = 0;
  long long at = 0;
  soci::statement statement =
      (session_.prepare << kHistory, soci::into(row.id), soci::into(row.referral_id),
       soci::into(from, from_indicator), soci::into(to), soci::into(row.reason),
       soci::into(by, by_indicator), soci::into(at), soci::use(organisation_id, "organisation"),
       soci::use(referral_id, "referral"));
  statement.execute();
  std::vector<domain::ReferralStatusChange> changes;
  while (statement.fetch()) {
    domain::ReferralStatusChange change = row;
    change.from = from_indicator == soci::i_null ? std::nullopt : std::optional(StatusOf(from));
    change.to = StatusOf(to);
    change.changed_by = ReadId(by, by_indicator);
    change.changed_at = FromUnix(at);
    changes.push_back(std::move(change));
  }
  return changes;
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
  auto by = IdParameter(checked_by);
  const long long when = ToUnix(at);
  for (std::int64_t criterion : met) {
    if (std::find(before.begin(), before.end(), criterion) != before.end()) continue;
    session_ << kInsertMet, soci::use(organisation_id, "organisation"),
        soci::use(referral_id, "referral"), soci::use(criterion, "criterion"),
        soci::use(by.value, by.indicator, "checked_by"), soci::use(when, "checked_at");
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
  domain::EligibilityCriterion row;
  std::string default_key;
  soci::indicator key_indicator, retired_indicator;
  long long retired = 0;
  soci::statement statement =
      (session_.prepare << kCriteria, soci::into(row.id), soci::into(default_key, key_indicator),
       soci::into(row.label), soci::into(row.position), soci::into(retired, retired_indicator),
       soci::use(organisation_id, "organisation"));
  statement.execute();
  std::vector<domain::EligibilityCriterion> criteria;
  while (statement.fetch()) {
    domain::EligibilityCriterion criterion = row;
    criterion.organisation_id = organisation_id;
    criterion.default_key = intake::ReadText(default_key, key_indicator);
    criterion.retired_at =
        retired_indicator == soci::i_null ? std::nullopt : std::optional(FromUnix(retired));
    criteria.push_back(std::move(criterion));
  }
  return criteria;
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
  const std::string reason = domain::intake::Trimmed(acceptance.reason);
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
    const std::string file_number = domain::intake::Trimmed(acceptance.file_number);
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
