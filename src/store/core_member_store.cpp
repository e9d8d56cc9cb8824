#include "store/core_member_store.hpp"

#include <cstdio>
#include <stdexcept>

#include "base/folding.hpp"
#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

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
constexpr const char* kWithdrawConsent = R"sql(
UPDATE consents
   SET withdrawn_on = :withdrawn_on, withdrawn_by = :withdrawn_by
 WHERE id = :id AND organisation_id = :organisation AND withdrawn_on IS NULL
)sql";

std::string Folded(const domain::CoreMember& core_member) {
  return FoldForSearch(domain::SearchableText(core_member));
}

// A move of a file's status: none before it was opened.
struct Move {
  std::optional<domain::CoreMemberStatus> from;
  domain::CoreMemberStatus to;
};

// Records `move` in the history of `core_member`.
void RecordMove(soci::session& session, const domain::CoreMember& core_member, Move move,
                const std::string& reason, std::optional<std::int64_t> referral_id,
                std::optional<std::int64_t> changed_by, Instant at) {
  Insert<tables::CoreMemberStatusChanges>(
      session, {0, core_member.id, move.from, move.to, reason, referral_id, changed_by, at},
      Params({{"organisation_id", core_member.organisation_id}}));
}

// Binds the file's folded search text.
auto SearchText(const domain::CoreMember& core_member) {
  return [text = Folded(core_member)](soci::statement& statement) {
    statement.exchange(soci::use(text, "search_text"));
  };
}

}  // namespace

std::int64_t CoreMemberStore::Insert(const domain::CoreMember& core_member) {
  return store::Insert<tables::CoreMembers>(session_, core_member, SearchText(core_member));
}

void CoreMemberStore::Update(const domain::CoreMember& core_member) {
  store::Update<tables::CoreMembers>(session_, core_member, SearchText(core_member));
}

std::optional<domain::CoreMember> CoreMemberStore::Find(std::int64_t id,
                                                        std::int64_t organisation_id) {
  return store::Find<tables::CoreMembers>(session_, id, organisation_id);
}

std::vector<domain::CoreMember> CoreMemberStore::FindMany(const std::vector<std::int64_t>& ids,
                                                          std::int64_t organisation_id) {
  if (ids.empty()) return {};
  return SelectWhere<tables::CoreMembers>(session_, "AND " + AmongIds("id", ids),
                                          OfOrganisation(organisation_id));
}

namespace {

// The filter's conditions and what they bind, with the organisation.
std::pair<std::string, Bindings> FilterWhere(std::int64_t organisation_id,
                                             const CoreMemberFilter& filter) {
  std::string where;
  Bindings bindings{{{"organisation", organisation_id}}, {}};
  if (filter.status) {
    where += "AND status = :status ";
    bindings.texts.emplace_back("status", std::string(domain::NameOf(*filter.status)));
  }
  if (filter.open_only) where += "AND status <> 'closed' ";
  if (!filter.region.empty()) {
    where += "AND region = :region ";
    bindings.texts.emplace_back("region", filter.region);
  }
  if (filter.coordinator_user_id) {
    where += "AND coordinator_user_id = :coordinator ";
    bindings.numbers.emplace_back("coordinator", *filter.coordinator_user_id);
  }
  const std::string folded = FoldForSearch(filter.query);
  if (!folded.empty()) {
    where += "AND search_text LIKE :pattern ESCAPE '\\' ";
    bindings.texts.emplace_back("pattern", ContainsPattern(folded));
  }
  return {where, bindings};
}

}  // namespace

std::vector<domain::CoreMember> CoreMemberStore::List(std::int64_t organisation_id,
                                                      const CoreMemberFilter& filter) {
  const auto [where, bindings] = FilterWhere(organisation_id, filter);
  return SelectWhere<tables::CoreMembers>(
      session_,
      where + "ORDER BY legal_name, id" +
          LimitClause({filter.limit > 0 ? filter.limit : 500, filter.offset}),
      bindings);
}

std::int64_t CoreMemberStore::Count(std::int64_t organisation_id, const CoreMemberFilter& filter) {
  const auto [where, bindings] = FilterWhere(organisation_id, filter);
  return CountWhere<tables::CoreMembers>(session_, where, bindings);
}

bool CoreMemberStore::FileNumberTaken(std::int64_t organisation_id, const std::string& file_number,
                                      std::int64_t except_id) {
  Bindings bindings = OfOrganisation(organisation_id, {{"except", except_id}});
  bindings.texts.emplace_back("file_number", file_number);
  return CountWhere<tables::CoreMembers>(
             session_, "AND file_number = :file_number AND id <> :except", bindings) > 0;
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
  RecordMove(session_, core_member, {core_member.status, to}, reason, referral_id, changed_by, at);
}

void CoreMemberStore::RecordOpening(const domain::CoreMember& core_member,
                                    std::optional<std::int64_t> referral_id,
                                    const std::string& reason,
                                    std::optional<std::int64_t> changed_by, Instant at) {
  RecordMove(session_, core_member, {std::nullopt, core_member.status}, reason, referral_id,
             changed_by, at);
}

std::vector<domain::CoreMemberStatusChange> CoreMemberStore::History(std::int64_t core_member_id,
                                                                     std::int64_t organisation_id) {
  return SelectOwned<tables::CoreMemberStatusChanges>(session_, "core_member_id", core_member_id,
                                                      organisation_id, "changed_at, id");
}

std::int64_t CoreMemberStore::InsertRiskAssessment(const domain::RiskAssessment& assessment) {
  return store::Insert<tables::RiskAssessments>(session_, assessment);
}

std::vector<domain::RiskAssessment> CoreMemberStore::RiskAssessments(std::int64_t core_member_id,
                                                                     std::int64_t organisation_id) {
  return SelectOwned<tables::RiskAssessments>(session_, "core_member_id", core_member_id,
                                              organisation_id, "assessed_on DESC, id DESC");
}

std::int64_t CoreMemberStore::InsertConsent(const domain::Consent& consent) {
  return store::Insert<tables::Consents>(session_, consent);
}

std::optional<domain::Consent> CoreMemberStore::FindConsent(std::int64_t id,
                                                            std::int64_t organisation_id) {
  return store::Find<tables::Consents>(session_, id, organisation_id);
}

void CoreMemberStore::WithdrawConsent(std::int64_t id, std::int64_t organisation_id,
                                      CivilDate withdrawn_on,
                                      std::optional<std::int64_t> withdrawn_by) {
  const std::string date = FormatIsoDate(withdrawn_on);
  const std::int64_t by = withdrawn_by.value_or(0);
  soci::indicator by_indicator = withdrawn_by ? soci::i_ok : soci::i_null;
  session_ << kWithdrawConsent, soci::use(date, "withdrawn_on"),
      soci::use(by, by_indicator, "withdrawn_by"), soci::use(id, "id"),
      soci::use(organisation_id, "organisation");
}

std::vector<domain::Consent> CoreMemberStore::Consents(std::int64_t core_member_id,
                                                       std::int64_t organisation_id) {
  return SelectOwned<tables::Consents>(session_, "core_member_id", core_member_id, organisation_id,
                                       "given_on DESC, id DESC");
}

}  // namespace cercle::store
