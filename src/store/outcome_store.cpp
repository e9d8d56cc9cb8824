#include "store/outcome_store.hpp"

#include <algorithm>
#include <array>

#include "store/fetch_rows.hpp"

namespace cercle::store {
namespace {

// Every query whole, as it runs. The SELECTs of one table read the columns in the order its row
// buffer (below) binds them.
constexpr const char* kListEvents = R"sql(
  SELECT id, organisation_id, core_member_id, occurred_on, kind, category, source, reference,
         circle_period, recorded_by, recorded_at, updated_at
  FROM recidivism_events
  WHERE organisation_id = :organisation AND core_member_id = :core_member
  ORDER BY occurred_on DESC, id DESC
)sql";
constexpr const char* kListAllEvents = R"sql(
  SELECT id, organisation_id, core_member_id, occurred_on, kind, category, source, reference,
         circle_period, recorded_by, recorded_at, updated_at
  FROM recidivism_events
  WHERE organisation_id = :organisation
  ORDER BY occurred_on, id
)sql";
constexpr const char* kFindEvent = R"sql(
  SELECT id, organisation_id, core_member_id, occurred_on, kind, category, source, reference,
         circle_period, recorded_by, recorded_at, updated_at
  FROM recidivism_events
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kInsertEvent = R"sql(
  INSERT INTO recidivism_events (organisation_id, core_member_id, occurred_on, kind, category,
                                 source, reference, circle_period, recorded_by, recorded_at,
                                 updated_at)
  VALUES (:organisation, :core_member, :occurred_on, :kind, :category, :source, :reference,
          :period, :by, :at, :updated_at)
  RETURNING id
)sql";
constexpr const char* kUpdateEvent = R"sql(
  UPDATE recidivism_events
  SET occurred_on = :occurred_on, kind = :kind, category = :category, source = :source,
      reference = :reference, circle_period = :period, updated_at = :at
  WHERE id = :id AND organisation_id = :organisation
)sql";
constexpr const char* kDeleteEvent = R"sql(
  DELETE FROM recidivism_events WHERE id = :id AND organisation_id = :organisation
)sql";

constexpr const char* kListMeasures = R"sql(
  SELECT id, organisation_id, core_member_id, measured_on, occasion, housing, occupation,
         social_network, recorded_by, recorded_at
  FROM outcome_measures
  WHERE organisation_id = :organisation AND core_member_id = :core_member
  ORDER BY measured_on DESC, id DESC
)sql";
constexpr const char* kListAllMeasures = R"sql(
  SELECT id, organisation_id, core_member_id, measured_on, occasion, housing, occupation,
         social_network, recorded_by, recorded_at
  FROM outcome_measures
  WHERE organisation_id = :organisation
  ORDER BY measured_on, id
)sql";
constexpr const char* kFindMeasure = R"sql(
  SELECT id, organisation_id, core_member_id, measured_on, occasion, housing, occupation,
         social_network, recorded_by, recorded_at
  FROM outcome_measures
  WHERE organisation_id = :organisation AND id = :id
)sql";
constexpr const char* kInsertMeasure = R"sql(
  INSERT INTO outcome_measures (organisation_id, core_member_id, measured_on, occasion, housing,
                                occupation, social_network, recorded_by, recorded_at)
  VALUES (:organisation, :core_member, :measured_on, :occasion, :housing, :occupation, :social,
          :by, :at)
  RETURNING id
)sql";
constexpr const char* kDeleteMeasure = R"sql(
  DELETE FROM outcome_measures WHERE id = :id AND organisation_id = :organisation
)sql";
// The highest level of each dimension, one column per dimension in the order of
// domain::EnumValues<domain::OutcomeDimension>().
constexpr const char* kHighestLevels = R"sql(
  SELECT MAX(housing), MAX(occupation), MAX(social_network)
  FROM outcome_measures
  WHERE organisation_id = :organisation
)sql";

constexpr const char* kSelectScales = R"sql(
  SELECT dimension, levels FROM outcome_scales WHERE organisation_id = :organisation
)sql";
constexpr const char* kDeleteScale = R"sql(
  DELETE FROM outcome_scales WHERE organisation_id = :organisation AND dimension = :dimension
)sql";
constexpr const char* kInsertScale = R"sql(
  INSERT INTO outcome_scales (organisation_id, dimension, levels, updated_by, updated_at)
  VALUES (:organisation, :dimension, :levels, :by, :at)
)sql";

constexpr const char* kListChecks = R"sql(
  SELECT id, organisation_id, core_member_id, milestone_months, checked_on, found_events,
         recorded_by, recorded_at
  FROM follow_up_checks
  WHERE organisation_id = :organisation AND core_member_id = :core_member
  ORDER BY checked_on, id
)sql";
constexpr const char* kListAllChecks = R"sql(
  SELECT id, organisation_id, core_member_id, milestone_months, checked_on, found_events,
         recorded_by, recorded_at
  FROM follow_up_checks
  WHERE organisation_id = :organisation
  ORDER BY checked_on, id
)sql";
constexpr const char* kInsertCheck = R"sql(
  INSERT INTO follow_up_checks (organisation_id, core_member_id, milestone_months, checked_on,
                                found_events, recorded_by, recorded_at)
  VALUES (:organisation, :core_member, :milestone, :checked_on, :found, :by, :at)
  RETURNING id
)sql";

// The latest change to "closed" of each file that is closed now.
constexpr const char* kClosedFiles = R"sql(
  SELECT m.id, m.file_number, MAX(c.changed_at)
  FROM core_members m
  JOIN core_member_status_changes c
    ON c.core_member_id = m.id AND c.organisation_id = m.organisation_id
   AND c.to_status = 'closed'
  WHERE m.organisation_id = :organisation AND m.status = 'closed'
  GROUP BY m.id, m.file_number
  ORDER BY m.id
)sql";

// One row of recidivism_events as read: Into() puts its columns in a statement, Take() makes the
// event.
struct EventRow {
  domain::RecidivismEvent event;
  std::string occurred_on, kind, category, source, period;
  std::int64_t by = 0;
  soci::indicator by_indicator = soci::i_null;
  long long recorded_at = 0, updated_at = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(event.id));
    statement.exchange(soci::into(event.organisation_id));
    statement.exchange(soci::into(event.core_member_id));
    statement.exchange(soci::into(occurred_on));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(category));
    statement.exchange(soci::into(source));
    statement.exchange(soci::into(event.reference));
    statement.exchange(soci::into(period));
    statement.exchange(soci::into(by, by_indicator));
    statement.exchange(soci::into(recorded_at));
    statement.exchange(soci::into(updated_at));
  }
  domain::RecidivismEvent Take() const {
    domain::RecidivismEvent read = event;
    read.occurred_on = ParseIsoDate(occurred_on).value_or(CivilDate{});
    read.kind = domain::ParseEnum<domain::RecidivismKind>(kind).value_or(domain::RecidivismKind::kNewCharge);
    read.category =
        domain::ParseEnum<domain::OffenceCategory>(category).value_or(domain::OffenceCategory::kOther);
    read.source = domain::ParseEnum<domain::EventSource>(source).value_or(domain::EventSource::kOther);
    read.period = domain::ParseEnum<domain::CirclePeriod>(period).value_or(domain::CirclePeriod::kDuring);
    read.recorded_by = OptionalOf(by, by_indicator);
    read.recorded_at = FromUnix(recorded_at);
    read.updated_at = FromUnix(updated_at);
    return read;
  }
};

// One row of outcome_measures as read.
struct MeasureRow {
  domain::OutcomeMeasure measure;
  std::string measured_on, occasion;
  int housing = 0, occupation = 0, social = 0;
  std::int64_t by = 0;
  soci::indicator by_indicator = soci::i_null;
  long long recorded_at = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(measure.id));
    statement.exchange(soci::into(measure.organisation_id));
    statement.exchange(soci::into(measure.core_member_id));
    statement.exchange(soci::into(measured_on));
    statement.exchange(soci::into(occasion));
    statement.exchange(soci::into(housing));
    statement.exchange(soci::into(occupation));
    statement.exchange(soci::into(social));
    statement.exchange(soci::into(by, by_indicator));
    statement.exchange(soci::into(recorded_at));
  }
  domain::OutcomeMeasure Take() const {
    domain::OutcomeMeasure read = measure;
    read.measured_on = ParseIsoDate(measured_on).value_or(CivilDate{});
    read.occasion =
        domain::ParseEnum<domain::MeasureOccasion>(occasion).value_or(domain::MeasureOccasion::kStart);
    read.levels = {housing, occupation, social};
    read.recorded_by = OptionalOf(by, by_indicator);
    read.recorded_at = FromUnix(recorded_at);
    return read;
  }
};

// One row of follow_up_checks as read.
struct CheckRow {
  domain::FollowUpCheck check;
  std::string checked_on;
  int found = 0;
  std::int64_t by = 0;
  soci::indicator by_indicator = soci::i_null;
  long long recorded_at = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(check.id));
    statement.exchange(soci::into(check.organisation_id));
    statement.exchange(soci::into(check.core_member_id));
    statement.exchange(soci::into(check.milestone_months));
    statement.exchange(soci::into(checked_on));
    statement.exchange(soci::into(found));
    statement.exchange(soci::into(by, by_indicator));
    statement.exchange(soci::into(recorded_at));
  }
  domain::FollowUpCheck Take() const {
    domain::FollowUpCheck read = check;
    read.checked_on = ParseIsoDate(checked_on).value_or(CivilDate{});
    read.found_events = found != 0;
    read.recorded_by = OptionalOf(by, by_indicator);
    read.recorded_at = FromUnix(recorded_at);
    return read;
  }
};

// Binds the organisation as :organisation and, when `name` is given, `id` as :`name`.
auto Ids(std::int64_t organisation_id, std::int64_t id = 0, const char* name = nullptr) {
  return [organisation_id, id, name](soci::statement& statement) mutable {
    statement.exchange(soci::use(organisation_id, "organisation"));
    if (name) statement.exchange(soci::use(id, name));
  };
}

}  // namespace

std::vector<domain::RecidivismEvent> OutcomeStore::ListEvents(std::int64_t core_member_id,
                                                              std::int64_t organisation_id) {
  return FetchAll<EventRow>(session_, kListEvents,
                             Ids(organisation_id, core_member_id, "core_member"));
}

std::vector<domain::RecidivismEvent> OutcomeStore::ListAllEvents(std::int64_t organisation_id) {
  return FetchAll<EventRow>(session_, kListAllEvents, Ids(organisation_id));
}

std::optional<domain::RecidivismEvent> OutcomeStore::FindEvent(std::int64_t id,
                                                               std::int64_t organisation_id) {
  return FirstRow(FetchAll<EventRow>(session_, kFindEvent, Ids(organisation_id, id, "id")));
}

std::int64_t OutcomeStore::InsertEvent(const domain::RecidivismEvent& event) {
  std::int64_t id = 0;
  const std::string occurred_on = FormatIsoDate(event.occurred_on);
  const std::string kind(domain::NameOf(event.kind));
  const std::string category(domain::NameOf(event.category));
  const std::string source(domain::NameOf(event.source));
  const std::string period(domain::NameOf(event.period));
  const std::int64_t by = event.recorded_by.value_or(0);
  soci::indicator by_indicator = IndicatorOf(event.recorded_by);
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
  const std::string occurred_on = FormatIsoDate(event.occurred_on);
  const std::string kind(domain::NameOf(event.kind));
  const std::string category(domain::NameOf(event.category));
  const std::string source(domain::NameOf(event.source));
  const std::string period(domain::NameOf(event.period));
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
  return FetchAll<MeasureRow>(session_, kListMeasures,
                               Ids(organisation_id, core_member_id, "core_member"));
}

std::vector<domain::OutcomeMeasure> OutcomeStore::ListAllMeasures(std::int64_t organisation_id) {
  return FetchAll<MeasureRow>(session_, kListAllMeasures, Ids(organisation_id));
}

std::optional<domain::OutcomeMeasure> OutcomeStore::FindMeasure(std::int64_t id,
                                                                std::int64_t organisation_id) {
  return FirstRow(FetchAll<MeasureRow>(session_, kFindMeasure, Ids(organisation_id, id, "id")));
}

std::int64_t OutcomeStore::InsertMeasure(const domain::OutcomeMeasure& measure) {
  std::int64_t id = 0;
  const std::string measured_on = FormatIsoDate(measure.measured_on);
  const std::string occasion(domain::NameOf(measure.occasion));
  const int housing = measure.levels[0], occupation = measure.levels[1], social = measure.levels[2];
  const std::int64_t by = measure.recorded_by.value_or(0);
  soci::indicator by_indicator = IndicatorOf(measure.recorded_by);
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
  std::array<int, 3> highest{};
  std::array<soci::indicator, 3> indicators{soci::i_null, soci::i_null, soci::i_null};
  session_ << kHighestLevels, soci::use(organisation_id, "organisation"),
      soci::into(highest[0], indicators[0]), soci::into(highest[1], indicators[1]),
      soci::into(highest[2], indicators[2]);
  const auto index = static_cast<std::size_t>(dimension);
  return indicators[index] == soci::i_ok ? highest[index] : 0;
}

std::vector<domain::OutcomeScale> OutcomeStore::Scales(std::int64_t organisation_id) {
  std::vector<domain::OutcomeScale> scales;
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    scales.push_back(domain::DefaultScale(dimension));
  }
  std::string dimension_name, levels;
  soci::statement statement =
      (session_.prepare << kSelectScales, soci::use(organisation_id, "organisation"),
       soci::into(dimension_name), soci::into(levels));
  statement.execute();
  while (statement.fetch()) {
    const auto dimension = domain::ParseEnum<domain::OutcomeDimension>(dimension_name);
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
  const std::string name(domain::NameOf(dimension));
  std::string levels;
  for (const auto& label : labels) levels += (levels.empty() ? "" : "\n") + label;
  const std::int64_t user = by.value_or(0);
  soci::indicator user_indicator = IndicatorOf(by);
  const long long at = ToUnix(now);
  session_ << kDeleteScale, soci::use(organisation_id, "organisation"),
      soci::use(name, "dimension");
  session_ << kInsertScale, soci::use(organisation_id, "organisation"),
      soci::use(name, "dimension"), soci::use(levels, "levels"),
      soci::use(user, user_indicator, "by"), soci::use(at, "at");
}

std::vector<domain::FollowUpCheck> OutcomeStore::ListChecks(std::int64_t core_member_id,
                                                            std::int64_t organisation_id) {
  return FetchAll<CheckRow>(session_, kListChecks,
                             Ids(organisation_id, core_member_id, "core_member"));
}

std::vector<domain::FollowUpCheck> OutcomeStore::ListAllChecks(std::int64_t organisation_id) {
  return FetchAll<CheckRow>(session_, kListAllChecks, Ids(organisation_id));
}

std::int64_t OutcomeStore::InsertCheck(const domain::FollowUpCheck& check) {
  std::int64_t id = 0;
  const std::string checked_on = FormatIsoDate(check.checked_on);
  const int found = check.found_events ? 1 : 0;
  const std::int64_t by = check.recorded_by.value_or(0);
  soci::indicator by_indicator = IndicatorOf(check.recorded_by);
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
