#include "store/volunteer_store.hpp"

#include <algorithm>

#include "base/folding.hpp"

namespace cercle::store {
namespace {

constexpr const char* kColumns = R"sql(
    SELECT id, organisation_id, user_id, first_name, last_name, email, phone, region, languages,
      availability, availability_notes, date_of_birth, occupation, heard_about, gender, notes,
      stage, stage_changed_at, created_at, updated_at
    FROM volunteers
    WHERE organisation_id = :organisation )sql";
constexpr const char* kListWhere = R"sql(
    AND (:any_stage = 1 OR stage = :stage)
    AND (:hide_closed = 0 OR stage NOT IN ('exited', 'not_retained')) AND name_folded LIKE
      :pattern ESCAPE '\'
    ORDER BY name_folded, id)sql";
constexpr const char* kListKeys = R"sql(
    SELECT id, first_name, last_name
    FROM volunteers
    WHERE organisation_id = :organisation )sql";
constexpr const char* kCountByStage = R"sql(
    SELECT stage, count(*)
    FROM volunteers
    WHERE organisation_id = :organisation
    GROUP BY stage)sql";
constexpr const char* kInsert = R"sql(
    INSERT INTO volunteers (organisation_id, user_id, first_name, last_name, name_folded, email,
      phone, region, languages, availability, availability_notes, date_of_birth, occupation,
      heard_about, gender, notes, stage, stage_changed_at, created_at, updated_at)
    VALUES (:organisation, :user, :first, :last, :folded, :email, :phone, :region, :languages,
      :availability, :availability_notes, :birth, :occupation, :heard, :gender, :notes, :stage,
      :changed, :created, :updated)
    RETURNING id)sql";
constexpr const char* kUpdate = R"sql(
    UPDATE volunteers
    SET user_id = :user, first_name = :first, last_name = :last, name_folded = :folded, email =
      :email, phone = :phone, region = :region, languages = :languages, availability =
      :availability, availability_notes = :availability_notes, date_of_birth = :birth,
      occupation = :occupation, heard_about = :heard, gender = :gender, notes = :notes,
      updated_at = :updated
    WHERE id = :id AND organisation_id = :organisation)sql";
constexpr const char* kUserLinkedElsewhere = R"sql(
    SELECT count(*)
    FROM volunteers
    WHERE organisation_id = :organisation AND user_id = :user AND id <> :id)sql";
constexpr const char* kMoveStage = R"sql(
    UPDATE volunteers
    SET stage = :to, stage_changed_at = :now, updated_at = :updated
    WHERE id = :id AND organisation_id = :organisation AND stage = :from)sql";
constexpr const char* kInsertChange = R"sql(
    INSERT INTO volunteer_stage_changes (organisation_id, volunteer_id, from_stage, to_stage,
      reason, changed_by, changed_at)
    VALUES (:organisation, :volunteer, :from, :to, :reason, :by, :at))sql";
constexpr const char* kHistory = R"sql(
    SELECT id, volunteer_id, from_stage, to_stage, reason, changed_by, changed_at
    FROM volunteer_stage_changes
    WHERE organisation_id = :organisation AND volunteer_id = :volunteer
    ORDER BY changed_at, id)sql";
constexpr const char* kApprovalTimes = R"sql(
    SELECT volunteer_id, min(changed_at)
    FROM volunteer_stage_changes
    WHERE organisation_id = :organisation AND to_stage = 'approved'
    GROUP BY volunteer_id)sql";
constexpr const char* kInsertSupervision = R"sql(
    INSERT INTO supervision_sessions (organisation_id, volunteer_id, held_on, kind, notes,
      recorded_by, recorded_at)
    VALUES (:organisation, :volunteer, :held, :kind, :notes, :by, :at)
    RETURNING id)sql";
constexpr const char* kListSupervision = R"sql(
    SELECT id, held_on, kind, notes, recorded_by, recorded_at
    FROM supervision_sessions
    WHERE organisation_id = :organisation AND volunteer_id = :volunteer
    ORDER BY held_on DESC, id DESC)sql";
constexpr const char* kLastSupervision = R"sql(
    SELECT volunteer_id, max(held_on)
    FROM supervision_sessions
    WHERE organisation_id = :organisation
    GROUP BY volunteer_id)sql";

domain::VolunteerStage StageOrInquiry(const std::string& name) {
  return domain::ParseEnum<domain::VolunteerStage>(name).value_or(domain::VolunteerStage::kInquiry);
}

CivilDate DateOrEpoch(const std::string& text) { return ParseIsoDate(text).value_or(CivilDate{}); }

}  // namespace

namespace {

// The columns of kColumns as read, and the file they make.
struct VolunteerRow {
  domain::Volunteer volunteer;
  std::int64_t user = 0;
  long long stage_changed = 0, created = 0, updated = 0;
  std::string availability, birth, heard, stage;
  soci::indicator user_indicator = soci::i_null, birth_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    auto& v = volunteer;
    statement.exchange(soci::into(v.id));
    statement.exchange(soci::into(v.organisation_id));
    statement.exchange(soci::into(user, user_indicator));
    statement.exchange(soci::into(v.first_name));
    statement.exchange(soci::into(v.last_name));
    statement.exchange(soci::into(v.email));
    statement.exchange(soci::into(v.phone));
    statement.exchange(soci::into(v.region));
    statement.exchange(soci::into(v.languages));
    statement.exchange(soci::into(availability));
    statement.exchange(soci::into(v.availability_notes));
    statement.exchange(soci::into(birth, birth_indicator));
    statement.exchange(soci::into(v.occupation));
    statement.exchange(soci::into(heard));
    statement.exchange(soci::into(v.gender));
    statement.exchange(soci::into(v.notes));
    statement.exchange(soci::into(stage));
    statement.exchange(soci::into(stage_changed));
    statement.exchange(soci::into(created));
    statement.exchange(soci::into(updated));
  }

  domain::Volunteer Take() const {
    domain::Volunteer result = volunteer;
    result.user_id = user_indicator == soci::i_ok ? std::optional(user) : std::nullopt;
    result.availability = domain::Availability::Parse(availability);
    result.date_of_birth = birth_indicator == soci::i_ok ? ParseIsoDate(birth) : std::nullopt;
    result.heard_about = domain::ParseEnum<domain::HeardAbout>(heard);
    result.stage = StageOrInquiry(stage);
    result.stage_changed_at = FromUnix(stage_changed);
    result.created_at = FromUnix(created);
    result.updated_at = FromUnix(updated);
    return result;
  }
};

// Runs kColumns + `where`, with the parameters `bind` adds, and returns the files.
template <class Bind>
std::vector<domain::Volunteer> SelectVolunteers(soci::session& session, const std::string& where,
                                                Bind&& bind) {
  VolunteerRow row;
  soci::statement statement(session);
  row.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(std::string(kColumns) + where);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::Volunteer> volunteers;
  while (statement.fetch()) volunteers.push_back(row.Take());
  return volunteers;
}

}  // namespace

std::optional<domain::Volunteer> VolunteerStore::Find(std::int64_t id,
                                                      std::int64_t organisation_id) {
  auto found = SelectVolunteers(session_, "AND id = :key", [&](soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
    statement.exchange(soci::use(id, "key"));
  });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<domain::Volunteer> VolunteerStore::FindByUser(std::int64_t user_id,
                                                            std::int64_t organisation_id) {
  auto found = SelectVolunteers(session_, "AND user_id = :key", [&](soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
    statement.exchange(soci::use(user_id, "key"));
  });
  if (found.empty()) return std::nullopt;
  return found.front();
}

namespace {

// The list's filter as its queries bind it (by name), kept alive until they run.
struct ListParameters {
  explicit ListParameters(const VolunteerFilter& filter)
      : any_stage(filter.stage ? 0 : 1),
        wanted_stage(filter.stage ? std::string(domain::NameOf(*filter.stage)) : ""),
        hide_closed(!filter.stage && !filter.include_closed ? 1 : 0),
        pattern(filter.search.empty() ? std::string("%") : ContainsPattern(filter.search)) {}

  void Bind(soci::statement& statement, const std::int64_t& organisation_id) const {
    statement.exchange(soci::use(organisation_id, "organisation"));
    statement.exchange(soci::use(any_stage, "any_stage"));
    statement.exchange(soci::use(wanted_stage, "stage"));
    statement.exchange(soci::use(hide_closed, "hide_closed"));
    statement.exchange(soci::use(pattern, "pattern"));
  }

  const int any_stage;
  const std::string wanted_stage;
  const int hide_closed;
  const std::string pattern;
};

}  // namespace

std::vector<domain::Volunteer> VolunteerStore::List(std::int64_t organisation_id,
                                                    const VolunteerFilter& filter) {
  const ListParameters parameters(filter);
  auto volunteers = SelectVolunteers(session_, kListWhere, [&](soci::statement& statement) {
    parameters.Bind(statement, organisation_id);
  });
  // By last name, then first name, accents and case ignored ("Échantillon" among the E), the same
  // way on both engines: their collations differ.
  std::vector<std::pair<std::string, std::size_t>> keys;
  for (std::size_t i = 0; i < volunteers.size(); ++i) {
    keys.emplace_back(FoldForSearch(volunteers[i].last_name + " " + volunteers[i].first_name), i);
  }
  std::stable_sort(keys.begin(), keys.end());
  std::vector<domain::Volunteer> sorted;
  sorted.reserve(volunteers.size());
  for (const auto& [key, index] : keys) sorted.push_back(std::move(volunteers[index]));
  return sorted;
}

VolunteerPage VolunteerStore::ListPage(std::int64_t organisation_id, const VolunteerFilter& filter,
                                       const PageSlice& slice) {
  // The names of every matching file first (a few bytes each), sorted as List() sorts them, then
  // whole files for the page's ids only.
  const ListParameters parameters(filter);
  std::int64_t id = 0;
  std::string first_name, last_name;
  soci::statement statement(session_);
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(first_name));
  statement.exchange(soci::into(last_name));
  parameters.Bind(statement, organisation_id);
  statement.alloc();
  statement.prepare(std::string(kListKeys) + kListWhere);
  statement.define_and_bind();
  statement.execute();
  std::vector<std::pair<std::string, std::int64_t>> keys;
  while (statement.fetch()) {
    keys.emplace_back(FoldForSearch(last_name + " " + first_name), id);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  VolunteerPage page;
  page.total = static_cast<std::int64_t>(keys.size());
  if (page.total == 0) return page;
  const std::int64_t limit = std::max<std::int64_t>(1, slice.limit);
  const std::int64_t last_page_offset = (page.total - 1) / limit * limit;
  const auto begin =
      static_cast<std::size_t>(std::clamp<std::int64_t>(slice.offset, 0, last_page_offset));
  const auto end = std::min(keys.size(), begin + static_cast<std::size_t>(limit));
  // Whole numbers the database gave: safe to write into the query.
  std::string ids;
  for (std::size_t i = begin; i < end; ++i) {
    ids += (ids.empty() ? "" : ", ") + std::to_string(keys[i].second);
  }
  auto volunteers =
      SelectVolunteers(session_, "AND id IN (" + ids + ")", [&](soci::statement& select) {
        select.exchange(soci::use(organisation_id, "organisation"));
      });
  std::map<std::int64_t, domain::Volunteer> by_id;
  for (auto& volunteer : volunteers) {
    const auto key = volunteer.id;
    by_id.emplace(key, std::move(volunteer));
  }
  for (std::size_t i = begin; i < end; ++i) {
    const auto found = by_id.find(keys[i].second);
    if (found != by_id.end()) page.volunteers.push_back(std::move(found->second));
  }
  return page;
}

std::map<domain::VolunteerStage, int> VolunteerStore::CountByStage(std::int64_t organisation_id) {
  std::map<domain::VolunteerStage, int> counts;
  std::string stage;
  long long count = 0;
  soci::statement statement = (session_.prepare << kCountByStage, soci::into(stage),
                               soci::into(count), soci::use(organisation_id, "organisation"));
  statement.execute();
  while (statement.fetch()) {
    if (const auto parsed = domain::ParseEnum<domain::VolunteerStage>(stage)) {
      counts[*parsed] = static_cast<int>(count);
    }
  }
  return counts;
}

std::int64_t VolunteerStore::Insert(const domain::Volunteer& volunteer,
                                    std::optional<std::int64_t> by, Instant now) {
  std::int64_t id = 0;
  const std::int64_t user = volunteer.user_id.value_or(0);
  soci::indicator user_indicator = volunteer.user_id ? soci::i_ok : soci::i_null;
  const std::string folded = FoldForSearch(volunteer.FullName());
  const std::string availability = volunteer.availability.Format();
  const std::string birth = volunteer.date_of_birth ? FormatIsoDate(*volunteer.date_of_birth) : "";
  soci::indicator birth_indicator = volunteer.date_of_birth ? soci::i_ok : soci::i_null;
  const std::string heard =
      volunteer.heard_about ? std::string(domain::NameOf(*volunteer.heard_about)) : "";
  const std::string stage(domain::NameOf(volunteer.stage));
  const long long at = ToUnix(now);
  session_ << kInsert, soci::use(volunteer.organisation_id, "organisation"),
      soci::use(user, user_indicator, "user"), soci::use(volunteer.first_name, "first"),
      soci::use(volunteer.last_name, "last"), soci::use(folded, "folded"),
      soci::use(volunteer.email, "email"), soci::use(volunteer.phone, "phone"),
      soci::use(volunteer.region, "region"), soci::use(volunteer.languages, "languages"),
      soci::use(availability, "availability"),
      soci::use(volunteer.availability_notes, "availability_notes"),
      soci::use(birth, birth_indicator, "birth"), soci::use(volunteer.occupation, "occupation"),
      soci::use(heard, "heard"), soci::use(volunteer.gender, "gender"),
      soci::use(volunteer.notes, "notes"), soci::use(stage, "stage"), soci::use(at, "changed"),
      soci::use(at, "created"), soci::use(at, "updated"), soci::into(id);
  const std::int64_t changed_by = by.value_or(0);
  soci::indicator by_indicator = by ? soci::i_ok : soci::i_null;
  const std::string no_stage;
  soci::indicator from_indicator = soci::i_null;
  const std::string reason;
  session_ << kInsertChange, soci::use(volunteer.organisation_id, "organisation"),
      soci::use(id, "volunteer"), soci::use(no_stage, from_indicator, "from"),
      soci::use(stage, "to"), soci::use(reason, "reason"),
      soci::use(changed_by, by_indicator, "by"), soci::use(at, "at");
  return id;
}

void VolunteerStore::Update(const domain::Volunteer& volunteer, Instant now) {
  const std::int64_t user = volunteer.user_id.value_or(0);
  soci::indicator user_indicator = volunteer.user_id ? soci::i_ok : soci::i_null;
  const std::string folded = FoldForSearch(volunteer.FullName());
  const std::string availability = volunteer.availability.Format();
  const std::string birth = volunteer.date_of_birth ? FormatIsoDate(*volunteer.date_of_birth) : "";
  soci::indicator birth_indicator = volunteer.date_of_birth ? soci::i_ok : soci::i_null;
  const std::string heard =
      volunteer.heard_about ? std::string(domain::NameOf(*volunteer.heard_about)) : "";
  const long long at = ToUnix(now);
  session_ << kUpdate, soci::use(user, user_indicator, "user"),
      soci::use(volunteer.first_name, "first"), soci::use(volunteer.last_name, "last"),
      soci::use(folded, "folded"), soci::use(volunteer.email, "email"),
      soci::use(volunteer.phone, "phone"), soci::use(volunteer.region, "region"),
      soci::use(volunteer.languages, "languages"), soci::use(availability, "availability"),
      soci::use(volunteer.availability_notes, "availability_notes"),
      soci::use(birth, birth_indicator, "birth"), soci::use(volunteer.occupation, "occupation"),
      soci::use(heard, "heard"), soci::use(volunteer.gender, "gender"),
      soci::use(volunteer.notes, "notes"), soci::use(at, "updated"), soci::use(volunteer.id, "id"),
      soci::use(volunteer.organisation_id, "organisation");
}

bool VolunteerStore::UserLinkedElsewhere(std::int64_t user_id, std::int64_t organisation_id,
                                         std::int64_t except_id) {
  long long count = 0;
  session_ << kUserLinkedElsewhere, soci::use(organisation_id, "organisation"),
      soci::use(user_id, "user"), soci::use(except_id, "id"), soci::into(count);
  return count > 0;
}

bool VolunteerStore::MoveStage(std::int64_t id, std::int64_t organisation_id,
                               domain::VolunteerStage from, domain::VolunteerStage to,
                               const std::string& reason, std::optional<std::int64_t> by,
                               Instant now) {
  const std::string from_name(domain::NameOf(from));
  const std::string to_name(domain::NameOf(to));
  const long long at = ToUnix(now);
  soci::statement move = (session_.prepare << kMoveStage, soci::use(to_name, "to"),
                          soci::use(at, "now"), soci::use(at, "updated"), soci::use(id, "id"),
                          soci::use(organisation_id, "organisation"), soci::use(from_name, "from"));
  move.execute(true);
  if (move.get_affected_rows() != 1) return false;
  soci::indicator from_indicator = soci::i_ok;
  const std::int64_t changed_by = by.value_or(0);
  soci::indicator by_indicator = by ? soci::i_ok : soci::i_null;
  session_ << kInsertChange, soci::use(organisation_id, "organisation"), soci::use(id, "volunteer"),
      soci::use(from_name, from_indicator, "from"), soci::use(to_name, "to"),
      soci::use(reason, "reason"), soci::use(changed_by, by_indicator, "by"), soci::use(at, "at");
  return true;
}

std::vector<StageChange> VolunteerStore::History(std::int64_t id, std::int64_t organisation_id) {
  StageChange row;
  std::string from, to;
  std::int64_t by = 0;
  long long at = 0;
  soci::indicator from_indicator, by_indicator;
  soci::statement statement =
      (session_.prepare << kHistory, soci::into(row.id), soci::into(row.volunteer_id),
       soci::into(from, from_indicator), soci::into(to), soci::into(row.reason),
       soci::into(by, by_indicator), soci::into(at), soci::use(organisation_id, "organisation"),
       soci::use(id, "volunteer"));
  statement.execute();
  std::vector<StageChange> history;
  while (statement.fetch()) {
    StageChange change = row;
    change.from = from_indicator == soci::i_ok ? domain::ParseEnum<domain::VolunteerStage>(from)
                                               : std::nullopt;
    change.to = StageOrInquiry(to);
    change.changed_by = by_indicator == soci::i_ok ? std::optional(by) : std::nullopt;
    change.changed_at = FromUnix(at);
    history.push_back(std::move(change));
  }
  return history;
}

std::map<std::int64_t, Instant> VolunteerStore::ApprovalTimes(std::int64_t organisation_id) {
  std::map<std::int64_t, Instant> times;
  std::int64_t volunteer = 0;
  long long at = 0;
  soci::statement statement = (session_.prepare << kApprovalTimes, soci::into(volunteer),
                               soci::into(at), soci::use(organisation_id, "organisation"));
  statement.execute();
  while (statement.fetch()) times[volunteer] = FromUnix(at);
  return times;
}

std::int64_t VolunteerStore::InsertSupervision(const domain::SupervisionSession& session) {
  std::int64_t id = 0;
  const std::string held = FormatIsoDate(session.held_on);
  const std::string kind(domain::NameOf(session.kind));
  const std::int64_t by = session.recorded_by.value_or(0);
  soci::indicator by_indicator = session.recorded_by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(session.recorded_at);
  session_ << kInsertSupervision, soci::use(session.organisation_id, "organisation"),
      soci::use(session.volunteer_id, "volunteer"), soci::use(held, "held"),
      soci::use(kind, "kind"), soci::use(session.notes, "notes"), soci::use(by, by_indicator, "by"),
      soci::use(at, "at"), soci::into(id);
  return id;
}

std::vector<domain::SupervisionSession> VolunteerStore::ListSupervision(
    std::int64_t volunteer_id, std::int64_t organisation_id) {
  domain::SupervisionSession row;
  std::string held, kind;
  std::int64_t by = 0;
  long long at = 0;
  soci::indicator by_indicator;
  soci::statement statement =
      (session_.prepare << kListSupervision, soci::into(row.id), soci::into(held), soci::into(kind),
       soci::into(row.notes), soci::into(by, by_indicator), soci::into(at),
       soci::use(organisation_id, "organisation"), soci::use(volunteer_id, "volunteer"));
  statement.execute();
  std::vector<domain::SupervisionSession> sessions;
  while (statement.fetch()) {
    domain::SupervisionSession session = row;
    session.organisation_id = organisation_id;
    session.volunteer_id = volunteer_id;
    session.held_on = DateOrEpoch(held);
    session.kind = domain::ParseEnum<domain::SupervisionKind>(kind).value_or(
        domain::SupervisionKind::kSupervision);
    session.recorded_by = by_indicator == soci::i_ok ? std::optional(by) : std::nullopt;
    session.recorded_at = FromUnix(at);
    sessions.push_back(std::move(session));
  }
  return sessions;
}

std::map<std::int64_t, CivilDate> VolunteerStore::LastSupervision(std::int64_t organisation_id) {
  std::map<std::int64_t, CivilDate> last;
  std::int64_t volunteer = 0;
  std::string held;
  soci::statement statement = (session_.prepare << kLastSupervision, soci::into(volunteer),
                               soci::into(held), soci::use(organisation_id, "organisation"));
  statement.execute();
  while (statement.fetch()) {
    if (const auto date = ParseIsoDate(held)) last[volunteer] = *date;
  }
  return last;
}

}  // namespace cercle::store
