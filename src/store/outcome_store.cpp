#include "store/outcome_store.hpp"

#include <algorithm>

namespace cercle::store {
namespace {

constexpr const char* kEventColumns =
    "SELECT id, organisation_id, core_member_id, occurred_on, kind, category, source, reference,"
    " circle_period, recorded_by, recorded_at, updated_at FROM recidivism_events"
    " WHERE organisation_id = :organisation ";
constexpr const char* kInsertEvent =
    "INSERT INTO recidivism_events (organisation_id, core_member_id, occurred_on, kind, category,"
    " source, reference, circle_period, recorded_by, recorded_at, updated_at) VALUES "
    "(:organisation,"
    " :core_member, :occurred_on, :kind, :category, :source, :reference, :period, :by, :at, "
    ":updated_at)"
    " RETURNING id";
constexpr const char* kUpdateEvent =
    "UPDATE recidivism_events SET occurred_on = :occurred_on, kind = :kind, category = :category,"
    " source = :source, reference = :reference, circle_period = :period, updated_at = :at"
    " WHERE id = :id AND organisation_id = :organisation";
constexpr const char* kDeleteEvent =
    "DELETE FROM recidivism_events WHERE id = :id AND organisation_id = :organisation";

constexpr const char* kMeasureColumns =
    "SELECT id, organisation_id, core_member_id, measured_on, occasion, housing, occupation,"
    " social_network, recorded_by, recorded_at FROM outcome_measures"
    " WHERE organisation_id = :organisation ";
constexpr const char* kInsertMeasure =
    "INSERT INTO outcome_measures (organisation_id, core_member_id, measured_on, occasion, housing,"
    " occupation, social_network, recorded_by, recorded_at) VALUES (:organisation, :core_member,"
    " :measured_on, :occasion, :housing, :occupation, :social, :by, :at) RETURNING id";
constexpr const char* kDeleteMeasure =
    "DELETE FROM outcome_measures WHERE id = :id AND organisation_id = :organisation";

constexpr const char* kSelectScales =
    "SELECT dimension, levels FROM outcome_scales WHERE organisation_id = :organisation";
constexpr const char* kDeleteScale =
    "DELETE FROM outcome_scales WHERE organisation_id = :organisation AND dimension = :dimension";
constexpr const char* kInsertScale =
    "INSERT INTO outcome_scales (organisation_id, dimension, levels, updated_by, updated_at)"
    " VALUES (:organisation, :dimension, :levels, :by, :at)";

constexpr const char* kCheckColumns =
    "SELECT id, organisation_id, core_member_id, milestone_months, checked_on, found_events,"
    " recorded_by, recorded_at FROM follow_up_checks WHERE organisation_id = :organisation ";
constexpr const char* kInsertCheck =
    "INSERT INTO follow_up_checks (organisation_id, core_member_id, milestone_months, checked_on,"
    " found_events, recorded_by, recorded_at) VALUES (:organisation, :core_member, :milestone,"
    " :checked_on, :found, :by, :at) RETURNING id";

// The latest change to "closed" of each file that is closed now.
constexpr const char* kClosedFiles =
    "SELECT m.id, m.file_number, MAX(c.changed_at) FROM core_members m"
    " JOIN core_member_status_changes c ON c.core_member_id = m.id"
    " AND c.organisation_id = m.organisation_id AND c.to_status = 'closed'"
    " WHERE m.organisation_id = :organisation AND m.status = 'closed'"
    " GROUP BY m.id, m.file_number ORDER BY m.id";

std::optional<std::int64_t> Optional(std::int64_t value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional(value) : std::nullopt;
}

// Runs `sql` (which names :organisation and whatever `bind` binds) and reads events.
template <class Bind>
std::vector<domain::RecidivismEvent> SelectEvents(soci::session& session, const std::string& sql,
                                                  Bind&& bind) {
  domain::RecidivismEvent row;
  std::string occurred_on, kind, category, source, period;
  std::int64_t by = 0;
  soci::indicator by_indicator = soci::i_null;
  long long recorded_at = 0, updated_at = 0;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(row.core_member_id));
  statement.exchange(soci::into(occurred_on));
  statement.exchange(soci::into(kind));
  statement.exchange(soci::into(category));
  statement.exchange(soci::into(source));
  statement.exchange(soci::into(row.reference));
  statement.exchange(soci::into(period));
  statement.exchange(soci::into(by, by_indicator));
  statement.exchange(soci::into(recorded_at));
  statement.exchange(soci::into(updated_at));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::RecidivismEvent> events;
  while (statement.fetch()) {
    domain::RecidivismEvent event = row;
    event.occurred_on = domain::ParseIsoDate(occurred_on).value_or(domain::CivilDate{});
    event.kind = domain::ParseRecidivismKind(kind).value_or(domain::RecidivismKind::kNewCharge);
    event.category =
        domain::ParseOffenceCategory(category).value_or(domain::OffenceCategory::kOther);
    event.source = domain::ParseEventSource(source).value_or(domain::EventSource::kOther);
    event.period = domain::ParseCirclePeriod(period).value_or(domain::CirclePeriod::kDuring);
    event.recorded_by = Optional(by, by_indicator);
    event.recorded_at = FromUnix(recorded_at);
    event.updated_at = FromUnix(updated_at);
    events.push_back(std::move(event));
  }
  return events;
}

template <class Bind>
std::vector<domain::OutcomeMeasure> SelectMeasures(soci::session& session, const std::string& sql,
                                                   Bind&& bind) {
  domain::OutcomeMeasure row;
  std::string measured_on, occasion;
  int housing = 0, occupation = 0, social = 0;
  std::int64_t by = 0;
  soci::indicator by_indicator = soci::i_null;
  long long recorded_at = 0;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(row.core_member_id));
  statement.exchange(soci::into(measured_on));
  statement.exchange(soci::into(occasion));
  statement.exchange(soci::into(housing));
  statement.exchange(soci::into(occupation));
  statement.exchange(soci::into(social));
  statement.exchange(soci::into(by, by_indicator));
  statement.exchange(soci::into(recorded_at));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::OutcomeMeasure> measures;
  while (statement.fetch()) {
    domain::OutcomeMeasure measure = row;
    measure.measured_on = domain::ParseIsoDate(measured_on).value_or(domain::CivilDate{});
    measure.occasion =
        domain::ParseMeasureOccasion(occasion).value_or(domain::MeasureOccasion::kStart);
    measure.levels = {housing, occupation, social};
    measure.recorded_by = Optional(by, by_indicator);
    measure.recorded_at = FromUnix(recorded_at);
    measures.push_back(std::move(measure));
  }
  return measures;
}

template <class Bind>
std::vector<domain::FollowUpCheck> SelectChecks(soci::session& session, const std::string& sql,
                                                Bind&& bind) {
  domain::FollowUpCheck row;
  std::string checked_on;
  int found = 0;
  std::int64_t by = 0;
  soci::indicator by_indicator = soci::i_null;
  long long recorded_at = 0;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(row.core_member_id));
  statement.exchange(soci::into(row.milestone_months));
  statement.exchange(soci::into(checked_on));
  statement.exchange(soci::into(found));
  statement.exchange(soci::into(by, by_indicator));
  statement.exchange(soci::into(recorded_at));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::FollowUpCheck> checks;
  while (statement.fetch()) {
    domain::FollowUpCheck check = row;
    check.checked_on = domain::ParseIsoDate(checked_on).value_or(domain::CivilDate{});
    check.found_events = found != 0;
    check.recorded_by = Optional(by, by_indicator);
    check.recorded_at = FromUnix(recorded_at);
    checks.push_back(std::move(check));
  }
  return checks;
}

// Binds the organisation, and a second id under `name` when it is not empty.
auto BindIds(std::int64_t& organisation_id, std::int64_t& id, const char* name) {
  return [&organisation_id, &id, name](soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
    if (*name) statement.exchange(soci::use(id, name));
  };
}

}  // namespace

std::vector<domain::RecidivismEvent> OutcomeStore::ListEvents(std::int64_t core_member_id,
                                                              std::int64_t organisation_id) {
  return SelectEvents(session_,
                      std::string(kEventColumns) +
                          "AND core_member_id = :core_member ORDER BY occurred_on DESC, id DESC",
                      BindIds(organisation_id, core_member_id, "core_member"));
}

std::vector<domain::RecidivismEvent> OutcomeStore::ListAllEvents(std::int64_t organisation_id) {
  std::int64_t none = 0;
  return SelectEvents(session_, std::string(kEventColumns) + "ORDER BY occurred_on, id",
                      BindIds(organisation_id, none, ""));
}

std::optional<domain::RecidivismEvent> OutcomeStore::FindEvent(std::int64_t id,
                                                               std::int64_t organisation_id) {
  auto found = SelectEvents(session_, std::string(kEventColumns) + "AND id = :id",
                            BindIds(organisation_id, id, "id"));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::int64_t OutcomeStore::InsertEvent(const domain::RecidivismEvent& event) {
  std::int64_t id = 0;
  const std::string occurred_on = domain::FormatIsoDate(event.occurred_on);
  const std::string kind(domain::RecidivismKindName(event.kind));
  const std::string category(domain::OffenceCategoryName(event.category));
  const std::string source(domain::EventSourceName(event.source));
  const std::string period(domain::CirclePeriodName(event.period));
  const std::int64_t by = event.recorded_by.value_or(0);
  soci::indicator by_indicator = event.recorded_by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(event.recorded_at);
  const long long updated_at = ToUnix(event.updated_at);
  session_ << kInsertEvent, soci::use(event.organisation_id, "organisation"),
      soci::use(event.core_member_id, "core_member"), soci::use(occurred_on, "occurred_on"),
      soci::use(kind, "kind"), soci::use(category, "category"), soci::use(source, "source"),
      soci::use(event.reference, "reference"), soci::use(period, "period"),
      soci::use(by, by_indicator, "by"), soci::use(at, "at"), soci::use(updated_at, "updated_at"),
      soci::into(id);
  return id;
}

void OutcomeStore::UpdateEvent(const domain::RecidivismEvent& event) {
  const std::string occurred_on = domain::FormatIsoDate(event.occurred_on);
  const std::string kind(domain::RecidivismKindName(event.kind));
  const std::string category(domain::OffenceCategoryName(event.category));
  const std::string source(domain::EventSourceName(event.source));
  const std::string period(domain::CirclePeriodName(event.period));
  const long long at = ToUnix(event.updated_at);
  session_ << kUpdateEvent, soci::use(occurred_on, "occurred_on"), soci::use(kind, "kind"),
      soci::use(category, "category"), soci::use(source, "source"),
      soci::use(event.reference, "reference"), soci::use(period, "period"), soci::use(at, "at"),
      soci::use(event.id, "id"), soci::use(event.organisation_id, "organisation");
}

void OutcomeStore::DeleteEvent(std::int64_t id, std::int64_t organisation_id) {
  session_ << kDeleteEvent, soci::use(id, "id"), soci::use(organisation_id, "organisation");
}

std::vector<domain::OutcomeMeasure> OutcomeStore::ListMeasures(std::int64_t core_member_id,
                                                               std::int64_t organisation_id) {
  return SelectMeasures(session_,
                        std::string(kMeasureColumns) +
                            "AND core_member_id = :core_member ORDER BY measured_on DESC, id DESC",
                        BindIds(organisation_id, core_member_id, "core_member"));
}

std::vector<domain::OutcomeMeasure> OutcomeStore::ListAllMeasures(std::int64_t organisation_id) {
  std::int64_t none = 0;
  return SelectMeasures(session_, std::string(kMeasureColumns) + "ORDER BY measured_on, id",
                        BindIds(organisation_id, none, ""));
}

std::optional<domain::OutcomeMeasure> OutcomeStore::FindMeasure(std::int64_t id,
                                                                std::int64_t organisation_id) {
  auto found = SelectMeasures(session_, std::string(kMeasureColumns) + "AND id = :id",
                              BindIds(organisation_id, id, "id"));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::int64_t OutcomeStore::InsertMeasure(const domain::OutcomeMeasure& measure) {
  std::int64_t id = 0;
  const std::string measured_on = domain::FormatIsoDate(measure.measured_on);
  const std::string occasion(domain::MeasureOccasionName(measure.occasion));
  const int housing = measure.levels[0], occupation = measure.levels[1], social = measure.levels[2];
  const std::int64_t by = measure.recorded_by.value_or(0);
  soci::indicator by_indicator = measure.recorded_by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(measure.recorded_at);
  session_ << kInsertMeasure, soci::use(measure.organisation_id, "organisation"),
      soci::use(measure.core_member_id, "core_member"), soci::use(measured_on, "measured_on"),
      soci::use(occasion, "occasion"), soci::use(housing, "housing"),
      soci::use(occupation, "occupation"), soci::use(social, "social"),
      soci::use(by, by_indicator, "by"), soci::use(at, "at"), soci::into(id);
  return id;
}

void OutcomeStore::DeleteMeasure(std::int64_t id, std::int64_t organisation_id) {
  session_ << kDeleteMeasure, soci::use(id, "id"), soci::use(organisation_id, "organisation");
}

int OutcomeStore::HighestLevelInUse(std::int64_t organisation_id,
                                    domain::OutcomeDimension dimension) {
  // The column name comes from the enum, never from input.
  const std::string column(domain::OutcomeDimensionName(dimension));
  int highest = 0;
  soci::indicator indicator = soci::i_null;
  session_ << "SELECT MAX(" + column +
                  ") FROM outcome_measures WHERE organisation_id = :organisation",
      soci::use(organisation_id, "organisation"), soci::into(highest, indicator);
  return indicator == soci::i_ok ? highest : 0;
}

std::vector<domain::OutcomeScale> OutcomeStore::Scales(std::int64_t organisation_id) {
  std::vector<domain::OutcomeScale> scales;
  for (const auto dimension : domain::OutcomeDimensions()) {
    scales.push_back(domain::DefaultScale(dimension));
  }
  std::string dimension_name, levels;
  soci::statement statement =
      (session_.prepare << kSelectScales, soci::use(organisation_id, "organisation"),
       soci::into(dimension_name), soci::into(levels));
  statement.execute();
  while (statement.fetch()) {
    const auto dimension = domain::ParseOutcomeDimension(dimension_name);
    if (!dimension) continue;
    domain::OutcomeScale scale{*dimension, {}, false};
    std::size_t start = 0;
    while (start <= levels.size()) {
      const auto end = levels.find('\n', start);
      const std::string line =
          levels.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!line.empty()) scale.labels.push_back(line);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    if (scale.labels.size() >= domain::kMinScaleLevels) {
      scales[static_cast<std::size_t>(*dimension)] = std::move(scale);
    }
  }
  return scales;
}

void OutcomeStore::SetScale(std::int64_t organisation_id, domain::OutcomeDimension dimension,
                            const std::vector<std::string>& labels, std::optional<std::int64_t> by,
                            Instant now) {
  const std::string name(domain::OutcomeDimensionName(dimension));
  std::string levels;
  for (const auto& label : labels) levels += (levels.empty() ? "" : "\n") + label;
  const std::int64_t user = by.value_or(0);
  soci::indicator user_indicator = by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(now);
  session_ << kDeleteScale, soci::use(organisation_id, "organisation"),
      soci::use(name, "dimension");
  session_ << kInsertScale, soci::use(organisation_id, "organisation"),
      soci::use(name, "dimension"), soci::use(levels, "levels"),
      soci::use(user, user_indicator, "by"), soci::use(at, "at");
}

std::vector<domain::FollowUpCheck> OutcomeStore::ListChecks(std::int64_t core_member_id,
                                                            std::int64_t organisation_id) {
  return SelectChecks(
      session_,
      std::string(kCheckColumns) + "AND core_member_id = :core_member ORDER BY checked_on, id",
      BindIds(organisation_id, core_member_id, "core_member"));
}

std::vector<domain::FollowUpCheck> OutcomeStore::ListAllChecks(std::int64_t organisation_id) {
  std::int64_t none = 0;
  return SelectChecks(session_, std::string(kCheckColumns) + "ORDER BY checked_on, id",
                      BindIds(organisation_id, none, ""));
}

std::int64_t OutcomeStore::InsertCheck(const domain::FollowUpCheck& check) {
  std::int64_t id = 0;
  const std::string checked_on = domain::FormatIsoDate(check.checked_on);
  const int found = check.found_events ? 1 : 0;
  const std::int64_t by = check.recorded_by.value_or(0);
  soci::indicator by_indicator = check.recorded_by ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(check.recorded_at);
  session_ << kInsertCheck, soci::use(check.organisation_id, "organisation"),
      soci::use(check.core_member_id, "core_member"),
      soci::use(check.milestone_months, "milestone"), soci::use(checked_on, "checked_on"),
      soci::use(found, "found"), soci::use(by, by_indicator, "by"), soci::use(at, "at"),
      soci::into(id);
  return id;
}

std::vector<ClosedFile> OutcomeStore::ClosedFiles(std::int64_t organisation_id) {
  ClosedFile row;
  long long closed_at = 0;
  soci::statement statement =
      (session_.prepare << kClosedFiles, soci::use(organisation_id, "organisation"),
       soci::into(row.core_member_id), soci::into(row.file_number), soci::into(closed_at));
  statement.execute();
  std::vector<ClosedFile> files;
  while (statement.fetch()) {
    ClosedFile file = row;
    file.closed_at = FromUnix(closed_at);
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace cercle::store
