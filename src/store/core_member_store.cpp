#include "store/core_member_store.hpp"

#include <cstdio>
#include <stdexcept>

#include "base/folding.hpp"
#include "store/intake_columns.hpp"

namespace cercle::store {
namespace {

using intake::DateParameter;
using intake::IdParameter;
using intake::ReadDate;
using intake::ReadId;
using intake::ReadRequiredDate;

constexpr const char* kColumns = R"sql(
SELECT id, organisation_id, file_number, legal_name, preferred_name, birth_date,
       preferred_language, other_language, phone, email, address, region, offence_summary,
       volunteer_summary, status, coordinator_user_id, statutory_release_date,
       warrant_expiry_date, created_at, updated_at
  FROM core_members
 WHERE organisation_id = :organisation
 )sql";
constexpr const char* kInsert = R"sql(
INSERT INTO core_members (organisation_id, file_number, legal_name, preferred_name,
       birth_date, preferred_language, other_language, phone, email, address, region,
       offence_summary, volunteer_summary, status, coordinator_user_id,
       statutory_release_date, warrant_expiry_date, search_text, created_at, updated_at)
VALUES (:organisation, :file_number, :legal_name, :preferred_name, :birth_date, :language,
       :other_language, :phone, :email, :address, :region, :offence_summary,
       :volunteer_summary, :status, :coordinator, :statutory_release, :warrant_expiry,
       :search_text, :created_at, :updated_at)
RETURNING id
)sql";
constexpr const char* kUpdate = R"sql(
UPDATE core_members
   SET file_number = :file_number, legal_name = :legal_name,
          preferred_name = :preferred_name, birth_date = :birth_date,
          preferred_language = :language, other_language = :other_language, phone = :phone,
          email = :email, address = :address, region = :region,
          offence_summary = :offence_summary, volunteer_summary = :volunteer_summary,
          coordinator_user_id = :coordinator, statutory_release_date = :statutory_release,
          warrant_expiry_date = :warrant_expiry, search_text = :search_text,
          updated_at = :updated_at
 WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kFileNumberTaken = R"sql(
SELECT count(*)
  FROM core_members
 WHERE organisation_id = :organisation AND file_number = :file_number AND id <> :except
)sql";
constexpr const char* kRegions = R"sql(
SELECT DISTINCT region
  FROM core_members
 WHERE organisation_id = :organisation AND region <> ''
 ORDER BY region
)sql";
constexpr const char* kFileNumbersOfYear = R"sql(
SELECT file_number
  FROM core_members
 WHERE organisation_id = :organisation AND file_number LIKE :prefix
)sql";
constexpr const char* kSetStatus = R"sql(
UPDATE core_members
   SET status = :status, updated_at = :at
 WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kInsertChange = R"sql(
INSERT INTO core_member_status_changes (organisation_id, core_member_id, from_status,
       to_status, reason, referral_id, changed_by, changed_at)
VALUES (:organisation, :core_member, :from_status, :to_status, :reason, :referral,
       :changed_by, :changed_at)
)sql";
constexpr const char* kHistory = R"sql(
SELECT id, core_member_id, from_status, to_status, reason, referral_id, changed_by, changed_at
  FROM core_member_status_changes
 WHERE organisation_id = :organisation AND core_member_id = :core_member
 ORDER BY changed_at, id
)sql";
constexpr const char* kInsertRisk = R"sql(
INSERT INTO risk_assessments (organisation_id, core_member_id, tool, tool_other, score,
       level, assessed_on, assessor, source_document_id, recorded_by, recorded_at)
VALUES (:organisation, :core_member, :tool, :tool_other, :score, :level, :assessed_on,
       :assessor, :document, :recorded_by, :recorded_at)
RETURNING id
)sql";
constexpr const char* kRisks = R"sql(
SELECT id, tool, tool_other, score, level, assessed_on, assessor, source_document_id,
       recorded_by, recorded_at
  FROM risk_assessments
 WHERE organisation_id = :organisation AND core_member_id = :core_member
 ORDER BY assessed_on DESC, id DESC
)sql";
constexpr const char* kInsertConsent = R"sql(
INSERT INTO consents (organisation_id, core_member_id, scope, partner_organisation, given_on,
       expires_on, recorded_by, recorded_at)
VALUES (:organisation, :core_member, :scope, :partner, :given_on, :expires_on, :recorded_by,
       :recorded_at)
RETURNING id
)sql";
constexpr const char* kConsentColumns = R"sql(
SELECT id, core_member_id, scope, partner_organisation, given_on, expires_on, withdrawn_on,
       recorded_by, recorded_at
  FROM consents
 WHERE organisation_id = :organisation
 )sql";
constexpr const char* kWithdrawConsent = R"sql(
UPDATE consents
   SET withdrawn_on = :withdrawn_on, withdrawn_by = :withdrawn_by
 WHERE id = :id AND organisation_id = :organisation AND withdrawn_on IS NULL
)sql";

std::string Folded(const domain::CoreMember& core_member) {
  return FoldForSearch(domain::SearchableText(core_member));
}

domain::CoreMemberStatus StatusOf(const std::string& name) {
  const auto status = domain::ParseEnum<domain::CoreMemberStatus>(name);
  if (!status) throw std::runtime_error("a stored core member status is unknown");
  return *status;
}

std::vector<domain::Consent> SelectConsents(soci::session& session, const std::string& where,
                                            std::int64_t organisation_id, std::int64_t key) {
  domain::Consent row;
  std::string scope, given_on, expires_on, withdrawn_on;
  soci::indicator expires_indicator, withdrawn_indicator, recorded_by_indicator;
  std::int64_t recorded_by = 0;
  long long recorded_at = 0;
  soci::statement statement =
      (session.prepare << std::string(kConsentColumns) + where, soci::into(row.id),
       soci::into(row.core_member_id), soci::into(scope), soci::into(row.partner_organisation),
       soci::into(given_on), soci::into(expires_on, expires_indicator),
       soci::into(withdrawn_on, withdrawn_indicator),
       soci::into(recorded_by, recorded_by_indicator), soci::into(recorded_at),
       soci::use(organisation_id, "organisation"), soci::use(key, "key"));
  statement.execute();
  std::vector<domain::Consent> consents;
  while (statement.fetch()) {
    domain::Consent consent = row;
    consent.organisation_id = organisation_id;
    consent.scope =
        domain::ParseEnum<domain::ConsentScope>(scope).value_or(domain::ConsentScope::kOuterCircle);
    consent.given_on = ReadRequiredDate(given_on);
    consent.expires_on = ReadDate(expires_on, expires_indicator);
    consent.withdrawn_on = ReadDate(withdrawn_on, withdrawn_indicator);
    consent.recorded_by = ReadId(recorded_by, recorded_by_indicator);
    consent.recorded_at = FromUnix(recorded_at);
    consents.push_back(std::move(consent));
  }
  return consents;
}

}  // namespace

std::int64_t CoreMemberStore::Insert(const domain::CoreMember& core_member) {
  std::int64_t id = 0;
  auto birth = DateParameter(core_member.birth_date);
  auto release = DateParameter(core_member.statutory_release_date);
  auto expiry = DateParameter(core_member.warrant_expiry_date);
  auto coordinator = IdParameter(core_member.coordinator_user_id);
  const std::string language(domain::NameOf(core_member.preferred_language));
  const std::string status(domain::NameOf(core_member.status));
  const std::string search_text = Folded(core_member);
  const long long created = ToUnix(core_member.created_at);
  const long long updated = ToUnix(core_member.updated_at);
  session_ << kInsert, soci::use(core_member.organisation_id, "organisation"),
      soci::use(core_member.file_number, "file_number"),
      soci::use(core_member.legal_name, "legal_name"),
      soci::use(core_member.preferred_name, "preferred_name"),
      soci::use(birth.value, birth.indicator, "birth_date"), soci::use(language, "language"),
      soci::use(core_member.other_language, "other_language"),
      soci::use(core_member.phone, "phone"), soci::use(core_member.email, "email"),
      soci::use(core_member.address, "address"), soci::use(core_member.region, "region"),
      soci::use(core_member.offence_summary, "offence_summary"),
      soci::use(core_member.volunteer_summary, "volunteer_summary"), soci::use(status, "status"),
      soci::use(coordinator.value, coordinator.indicator, "coordinator"),
      soci::use(release.value, release.indicator, "statutory_release"),
      soci::use(expiry.value, expiry.indicator, "warrant_expiry"),
      soci::use(search_text, "search_text"), soci::use(created, "created_at"),
      soci::use(updated, "updated_at"), soci::into(id);
  return id;
}

void CoreMemberStore::Update(const domain::CoreMember& core_member) {
  auto birth = DateParameter(core_member.birth_date);
  auto release = DateParameter(core_member.statutory_release_date);
  auto expiry = DateParameter(core_member.warrant_expiry_date);
  auto coordinator = IdParameter(core_member.coordinator_user_id);
  const std::string language(domain::NameOf(core_member.preferred_language));
  const std::string search_text = Folded(core_member);
  const long long updated = ToUnix(core_member.updated_at);
  session_ << kUpdate, soci::use(core_member.file_number, "file_number"),
      soci::use(core_member.legal_name, "legal_name"),
      soci::use(core_member.preferred_name, "preferred_name"),
      soci::use(birth.value, birth.indicator, "birth_date"), soci::use(language, "language"),
      soci::use(core_member.other_language, "other_language"),
      soci::use(core_member.phone, "phone"), soci::use(core_member.email, "email"),
      soci::use(core_member.address, "address"), soci::use(core_member.region, "region"),
      soci::use(core_member.offence_summary, "offence_summary"),
      soci::use(core_member.volunteer_summary, "volunteer_summary"),
      soci::use(coordinator.value, coordinator.indicator, "coordinator"),
      soci::use(release.value, release.indicator, "statutory_release"),
      soci::use(expiry.value, expiry.indicator, "warrant_expiry"),
      soci::use(search_text, "search_text"), soci::use(updated, "updated_at"),
      soci::use(core_member.id, "id"), soci::use(core_member.organisation_id, "organisation");
}

std::vector<domain::CoreMember> CoreMemberStore::Select(
    const std::string& where, std::int64_t organisation_id, std::int64_t key,
    const std::vector<std::pair<std::string, std::string>>& texts) {
  domain::CoreMember row;
  std::string birth, language, status, release, expiry;
  soci::indicator birth_indicator, coordinator_indicator, release_indicator, expiry_indicator;
  std::int64_t coordinator = 0;
  long long created = 0, updated = 0;
  soci::statement statement =
      (session_.prepare << std::string(kColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.file_number), soci::into(row.legal_name),
       soci::into(row.preferred_name), soci::into(birth, birth_indicator), soci::into(language),
       soci::into(row.other_language), soci::into(row.phone), soci::into(row.email),
       soci::into(row.address), soci::into(row.region), soci::into(row.offence_summary),
       soci::into(row.volunteer_summary), soci::into(status),
       soci::into(coordinator, coordinator_indicator), soci::into(release, release_indicator),
       soci::into(expiry, expiry_indicator), soci::into(created), soci::into(updated));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  for (const auto& [name, value] : texts) statement.exchange(soci::use(value, name));
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::CoreMember> members;
  while (statement.fetch()) {
    domain::CoreMember member = row;
    member.birth_date = ReadDate(birth, birth_indicator);
    member.preferred_language = domain::ParseEnum<domain::PreferredLanguage>(language).value_or(
        domain::PreferredLanguage::kFrench);
    member.status = StatusOf(status);
    member.coordinator_user_id = ReadId(coordinator, coordinator_indicator);
    member.statutory_release_date = ReadDate(release, release_indicator);
    member.warrant_expiry_date = ReadDate(expiry, expiry_indicator);
    member.created_at = FromUnix(created);
    member.updated_at = FromUnix(updated);
    members.push_back(std::move(member));
  }
  return members;
}

std::optional<domain::CoreMember> CoreMemberStore::Find(std::int64_t id,
                                                        std::int64_t organisation_id) {
  auto members = Select("AND id = :key", organisation_id, id, {});
  if (members.empty()) return std::nullopt;
  return members.front();
}

std::vector<domain::CoreMember> CoreMemberStore::FindMany(const std::vector<std::int64_t>& ids,
                                                          std::int64_t organisation_id) {
  if (ids.empty()) return {};
  return Select("AND id IN (" + IdList(ids) + ")", organisation_id, 0, {});
}

namespace {

// The conditions of `filter` and the texts they bind (":key" binds the coordinator).
struct ListWhere {
  std::string sql;
  std::vector<std::pair<std::string, std::string>> texts;
};

ListWhere FilterWhere(const CoreMemberFilter& filter) {
  ListWhere where;
  if (filter.status) {
    where.sql += "AND status = :status ";
    where.texts.emplace_back("status", std::string(domain::NameOf(*filter.status)));
  }
  if (filter.open_only) where.sql += "AND status <> 'closed' ";
  if (!filter.region.empty()) {
    where.sql += "AND region = :region ";
    where.texts.emplace_back("region", filter.region);
  }
  if (filter.coordinator_user_id) where.sql += "AND coordinator_user_id = :key ";
  const std::string folded = FoldForSearch(filter.query);
  if (!folded.empty()) {
    where.sql += "AND search_text LIKE :pattern ESCAPE '\\' ";
    where.texts.emplace_back("pattern", ContainsPattern(folded));
  }
  return where;
}

constexpr const char* kCount = R"sql(
SELECT COUNT(*)
  FROM core_members
 WHERE organisation_id = :organisation
 )sql";

}  // namespace

std::vector<domain::CoreMember> CoreMemberStore::List(std::int64_t organisation_id,
                                                      const CoreMemberFilter& filter) {
  const auto where = FilterWhere(filter);
  return Select(where.sql + "ORDER BY legal_name, id" +
                    LimitClause({filter.limit > 0 ? filter.limit : 500, filter.offset}),
                organisation_id, filter.coordinator_user_id.value_or(0), where.texts);
}

std::int64_t CoreMemberStore::Count(std::int64_t organisation_id, const CoreMemberFilter& filter) {
  const auto where = FilterWhere(filter);
  long long count = 0;
  std::int64_t key = filter.coordinator_user_id.value_or(0);
  soci::statement statement =
      (session_.prepare << std::string(kCount) + where.sql, soci::into(count));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (filter.coordinator_user_id) statement.exchange(soci::use(key, "key"));
  for (const auto& [name, value] : where.texts) statement.exchange(soci::use(value, name));
  statement.define_and_bind();
  statement.execute(true);
  return count;
}

bool CoreMemberStore::FileNumberTaken(std::int64_t organisation_id, const std::string& file_number,
                                      std::int64_t except_id) {
  long long count = 0;
  session_ << kFileNumberTaken, soci::use(organisation_id, "organisation"),
      soci::use(file_number, "file_number"), soci::use(except_id, "except"), soci::into(count);
  return count > 0;
}

std::vector<std::string> CoreMemberStore::Regions(std::int64_t organisation_id) {
  std::vector<std::string> regions;
  std::string region;
  soci::statement statement = (session_.prepare << kRegions,
                               soci::use(organisation_id, "organisation"), soci::into(region));
  statement.execute();
  while (statement.fetch()) regions.push_back(region);
  return regions;
}

std::string CoreMemberStore::SuggestFileNumber(std::int64_t organisation_id, int year) {
  const std::string prefix = std::to_string(year) + "-";
  const std::string pattern = prefix + "%";
  int highest = 0;
  std::string number;
  soci::statement statement =
      (session_.prepare << kFileNumbersOfYear, soci::use(organisation_id, "organisation"),
       soci::use(pattern, "prefix"), soci::into(number));
  statement.execute();
  while (statement.fetch()) {
    const std::string rest = number.substr(prefix.size());
    if (rest.empty() || rest.size() > 6 ||
        rest.find_first_not_of("0123456789") != std::string::npos)
      continue;
    highest = std::max(highest, std::stoi(rest));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%d-%03d", year, highest + 1);
  return text;
}

void CoreMemberStore::SetStatus(const domain::CoreMember& core_member, domain::CoreMemberStatus to,
                                const std::string& reason, std::optional<std::int64_t> referral_id,
                                std::optional<std::int64_t> changed_by, Instant at) {
  const std::string status(domain::NameOf(to));
  const long long when = ToUnix(at);
  session_ << kSetStatus, soci::use(status, "status"), soci::use(when, "at"),
      soci::use(core_member.id, "id"), soci::use(core_member.organisation_id, "organisation");
  const std::string from(domain::NameOf(core_member.status));
  auto referral = IdParameter(referral_id);
  auto by = IdParameter(changed_by);
  soci::indicator from_indicator = soci::i_ok;
  session_ << kInsertChange, soci::use(core_member.organisation_id, "organisation"),
      soci::use(core_member.id, "core_member"), soci::use(from, from_indicator, "from_status"),
      soci::use(status, "to_status"), soci::use(reason, "reason"),
      soci::use(referral.value, referral.indicator, "referral"),
      soci::use(by.value, by.indicator, "changed_by"), soci::use(when, "changed_at");
}

void CoreMemberStore::RecordOpening(const domain::CoreMember& core_member,
                                    std::optional<std::int64_t> referral_id,
                                    const std::string& reason,
                                    std::optional<std::int64_t> changed_by, Instant at) {
  const std::string status(domain::NameOf(core_member.status));
  const std::string none;
  soci::indicator from_indicator = soci::i_null;
  auto referral = IdParameter(referral_id);
  auto by = IdParameter(changed_by);
  const long long when = ToUnix(at);
  session_ << kInsertChange, soci::use(core_member.organisation_id, "organisation"),
      soci::use(core_member.id, "core_member"), soci::use(none, from_indicator, "from_status"),
      soci::use(status, "to_status"), soci::use(reason, "reason"),
      soci::use(referral.value, referral.indicator, "referral"),
      soci::use(by.value, by.indicator, "changed_by"), soci::use(when, "changed_at");
}

std::vector<domain::CoreMemberStatusChange> CoreMemberStore::History(std::int64_t core_member_id,
                                                                     std::int64_t organisation_id) {
  domain::CoreMemberStatusChange row;
  std::string from, to;
  soci::indicator from_indicator, referral_indicator, by_indicator;
  std::int64_t referral = 0, by = 0;
  long long at = 0;
  soci::statement statement =
      (session_.prepare << kHistory, soci::into(row.id), soci::into(row.core_member_id),
       soci::into(from, from_indicator), soci::into(to), soci::into(row.reason),
       soci::into(referral, referral_indicator), soci::into(by, by_indicator), soci::into(at),
       soci::use(organisation_id, "organisation"), soci::use(core_member_id, "core_member"));
  statement.execute();
  std::vector<domain::CoreMemberStatusChange> changes;
  while (statement.fetch()) {
    domain::CoreMemberStatusChange change = row;
    change.from = from_indicator == soci::i_null ? std::nullopt : std::optional(StatusOf(from));
    change.to = StatusOf(to);
    change.referral_id = ReadId(referral, referral_indicator);
    change.changed_by = ReadId(by, by_indicator);
    change.changed_at = FromUnix(at);
    changes.push_back(std::move(change));
  }
  return changes;
}

std::int64_t CoreMemberStore::InsertRiskAssessment(const domain::RiskAssessment& assessment) {
  std::int64_t id = 0;
  const std::string tool(domain::NameOf(assessment.tool));
  const std::string assessed_on = FormatIsoDate(assessment.assessed_on);
  auto document = IdParameter(assessment.source_document_id);
  auto by = IdParameter(assessment.recorded_by);
  const long long at = ToUnix(assessment.recorded_at);
  session_ << kInsertRisk, soci::use(assessment.organisation_id, "organisation"),
      soci::use(assessment.core_member_id, "core_member"), soci::use(tool, "tool"),
      soci::use(assessment.tool_other, "tool_other"), soci::use(assessment.score, "score"),
      soci::use(assessment.level, "level"), soci::use(assessed_on, "assessed_on"),
      soci::use(assessment.assessor, "assessor"),
      soci::use(document.value, document.indicator, "document"),
      soci::use(by.value, by.indicator, "recorded_by"), soci::use(at, "recorded_at"),
      soci::into(id);
  return id;
}

std::vector<domain::RiskAssessment> CoreMemberStore::RiskAssessments(std::int64_t core_member_id,
                                                                     std::int64_t organisation_id) {
  domain::RiskAssessment row;
  std::string tool, assessed_on;
  soci::indicator document_indicator, by_indicator;
  std::int64_t document = 0, by = 0;
  long long at = 0;
  soci::statement statement =
      (session_.prepare << kRisks, soci::into(row.id), soci::into(tool), soci::into(row.tool_other),
       soci::into(row.score), soci::into(row.level), soci::into(assessed_on),
       soci::into(row.assessor), soci::into(document, document_indicator),
       soci::into(by, by_indicator), soci::into(at), soci::use(organisation_id, "organisation"),
       soci::use(core_member_id, "core_member"));
  statement.execute();
  std::vector<domain::RiskAssessment> assessments;
  while (statement.fetch()) {
    domain::RiskAssessment assessment = row;
    assessment.organisation_id = organisation_id;
    assessment.core_member_id = core_member_id;
    assessment.tool = domain::ParseEnum<domain::RiskTool>(tool).value_or(domain::RiskTool::kOther);
    assessment.assessed_on = ReadRequiredDate(assessed_on);
    assessment.source_document_id = ReadId(document, document_indicator);
    assessment.recorded_by = ReadId(by, by_indicator);
    assessment.recorded_at = FromUnix(at);
    assessments.push_back(std::move(assessment));
  }
  return assessments;
}

std::int64_t CoreMemberStore::InsertConsent(const domain::Consent& consent) {
  std::int64_t id = 0;
  const std::string scope(domain::NameOf(consent.scope));
  const std::string given_on = FormatIsoDate(consent.given_on);
  auto expires_on = DateParameter(consent.expires_on);
  auto by = IdParameter(consent.recorded_by);
  const long long at = ToUnix(consent.recorded_at);
  session_ << kInsertConsent, soci::use(consent.organisation_id, "organisation"),
      soci::use(consent.core_member_id, "core_member"), soci::use(scope, "scope"),
      soci::use(consent.partner_organisation, "partner"), soci::use(given_on, "given_on"),
      soci::use(expires_on.value, expires_on.indicator, "expires_on"),
      soci::use(by.value, by.indicator, "recorded_by"), soci::use(at, "recorded_at"),
      soci::into(id);
  return id;
}

std::optional<domain::Consent> CoreMemberStore::FindConsent(std::int64_t id,
                                                            std::int64_t organisation_id) {
  auto consents = SelectConsents(session_, "AND id = :key", organisation_id, id);
  if (consents.empty()) return std::nullopt;
  return consents.front();
}

void CoreMemberStore::WithdrawConsent(std::int64_t id, std::int64_t organisation_id,
                                      CivilDate withdrawn_on,
                                      std::optional<std::int64_t> withdrawn_by) {
  const std::string date = FormatIsoDate(withdrawn_on);
  auto by = IdParameter(withdrawn_by);
  session_ << kWithdrawConsent, soci::use(date, "withdrawn_on"),
      soci::use(by.value, by.indicator, "withdrawn_by"), soci::use(id, "id"),
      soci::use(organisation_id, "organisation");
}

std::vector<domain::Consent> CoreMemberStore::Consents(std::int64_t core_member_id,
                                                       std::int64_t organisation_id) {
  return SelectConsents(session_, "AND core_member_id = :key ORDER BY given_on DESC, id DESC",
                        organisation_id, core_member_id);
}

}  // namespace cercle::store
