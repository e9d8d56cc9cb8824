#include "report/evaluation_extract.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "base/folding.hpp"
#include "domain/intake_fields.hpp"
#include "domain/report_period.hpp"

namespace cercle::report {

std::string_view StartNote() {
  return N_(
      "Months are counted from the start of his first circle (its first active phase). For a "
      "core member not yet in a circle, they count from the acceptance of the referral that "
      "opened his file.");
}

std::optional<CivilDate> AcceptedOn(const domain::ReportRecords& records,
                                    const domain::CoreMemberRecord& core_member) {
  std::optional<CivilDate> accepted;
  for (const auto& referral : records.referrals) {
    if (referral.core_member_id != core_member.id) continue;
    const auto on = referral.AcceptedOn();
    if (on && (!accepted || *on < *accepted)) accepted = on;
  }
  return accepted ? accepted : core_member.OpenedOn();
}

std::optional<CivilDate> FirstCircleStart(const domain::ReportRecords& records,
                                          const domain::CoreMemberRecord& core_member) {
  std::optional<CivilDate> start;
  for (const auto& circle : records.circles) {
    if (circle.core_member_id != core_member.id) continue;
    for (const auto& entry : circle.phases) {
      if (!domain::IsActivePhase(entry.status)) continue;
      if (!start || entry.on < *start) start = entry.on;
      break;
    }
  }
  return start;
}

std::optional<CivilDate> StartOf(const domain::ReportRecords& records,
                                 const domain::CoreMemberRecord& core_member) {
  const auto circle = FirstCircleStart(records, core_member);
  return circle ? circle : AcceptedOn(records, core_member);
}

bool ResearchConsentInForce(const domain::CoreMemberRecord& core_member, CivilDate today) {
  return std::any_of(core_member.research_consents.begin(), core_member.research_consents.end(),
                     [&](const domain::Consent& consent) {
                       return consent.scope == domain::ConsentScope::kResearch &&
                              domain::ConsentStateOn(consent, today) ==
                                  domain::ConsentState::kActive;
                     });
}

std::string CoarseRegion(std::string_view region) {
  std::size_t end = region.size();
  for (const std::string_view separator :
       {" \xE2\x80\x94", " \xE2\x80\x93", " - ", ",", "/", "("}) {
    end = std::min(end, region.find(separator));
  }
  return Trimmed(region.substr(0, end));
}

std::string AgeGroup(const std::optional<CivilDate>& birth, CivilDate day) {
  if (!birth) return "";
  const int age = YearsBetween(*birth, day);
  if (age < 30) return "under_30";
  if (age >= 70) return "70_plus";
  const int decade = age / 10 * 10;
  return std::to_string(decade) + "_" + std::to_string(decade + 9);
}

std::string WideAgeGroup(std::string_view age_group) {
  if (age_group.empty()) return "";
  if (age_group == "under_30" || age_group == "30_39") return "under_40";
  if (age_group == "40_49" || age_group == "50_59") return "40_59";
  return "60_plus";
}

namespace {

using Combination = std::tuple<std::string, std::string, std::string>;

// A row's combination of quasi-identifiers, its region folded.
Combination CombinationOf(const QuasiIdentifiers& row) {
  return {row.age_group, FoldForSearch(row.region), row.referral_source};
}

// How many rows share each combination.
std::map<Combination, std::size_t> CombinationCounts(const std::vector<QuasiIdentifiers>& rows) {
  std::map<Combination, std::size_t> counts;
  for (const auto& row : rows) ++counts[CombinationOf(row)];
  return counts;
}

// How many rows sit in a combination shared by fewer than `minimum_group` rows.
std::size_t RowsUnder(const std::vector<QuasiIdentifiers>& rows, std::size_t minimum_group) {
  const auto counts = CombinationCounts(rows);
  std::size_t under = 0;
  for (const auto& [combination, count] : counts) {
    if (count < minimum_group) under += count;
  }
  return under;
}

// Replaces `field` with `coarser(field)` in every row; returns how many rows changed.
template <class Coarser>
std::size_t Recode(std::vector<QuasiIdentifiers>& rows, std::string QuasiIdentifiers::*field,
                   Coarser&& coarser) {
  std::size_t changed = 0;
  for (auto& row : rows) {
    std::string coarse = coarser(row.*field);
    if (coarse == row.*field) continue;
    row.*field = std::move(coarse);
    ++changed;
  }
  return changed;
}

// Replaces with "other" every value of `field` (compared folded) held by fewer than
// `minimum_group` rows; returns how many rows changed.
std::size_t MergeRare(std::vector<QuasiIdentifiers>& rows, std::string QuasiIdentifiers::*field,
                      std::size_t minimum_group) {
  std::map<std::string, std::size_t> counts;
  for (const auto& row : rows) ++counts[FoldForSearch(row.*field)];
  return Recode(rows, field, [&](const std::string& value) {
    return counts[FoldForSearch(value)] < minimum_group ? std::string("other") : value;
  });
}

}  // namespace

CoarsenedRows Coarsen(std::vector<QuasiIdentifiers> rows, std::size_t minimum_group) {
  const std::size_t k = std::max(minimum_group, kSafeMinimumGroup);
  CoarsenedRows result;
  result.report.minimum_group = k;
  const auto record = [&](Coarsening kind, std::size_t changed) {
    if (changed > 0) result.report.steps.push_back({kind, changed});
  };
  // One spelling per region, the first met, so that spellings do not tell rows apart.
  std::map<std::string, std::string> spelling;
  for (auto& row : rows) {
    row.region = spelling.emplace(FoldForSearch(row.region), row.region).first->second;
  }
  record(Coarsening::kRareRegionsMerged, MergeRare(rows, &QuasiIdentifiers::region, k));
  // Generalising costs every row some detail; leaving out a few rows costs only those. So the
  // extract generalises only while k or more rows would otherwise be left out.
  if (RowsUnder(rows, k) >= k) {
    record(Coarsening::kWideAgeBands,
           Recode(rows, &QuasiIdentifiers::age_group,
                  [](const std::string& band) { return WideAgeGroup(band); }));
  }
  if (RowsUnder(rows, k) >= k) {
    record(Coarsening::kRareSourcesMerged, MergeRare(rows, &QuasiIdentifiers::referral_source, k));
  }
  if (RowsUnder(rows, k) >= k) {
    record(Coarsening::kRegionsWithheld,
           Recode(rows, &QuasiIdentifiers::region, [](const std::string&) { return "other"; }));
  }
  const auto counts = CombinationCounts(rows);
  std::size_t suppressed = 0;
  for (const auto& row : rows) {
    const bool keep = counts.at(CombinationOf(row)) >= k;
    result.kept.push_back(keep);
    if (!keep) ++suppressed;
  }
  record(Coarsening::kRowsSuppressed, suppressed);
  result.rows = std::move(rows);
  return result;
}

namespace {

// What each coarsening says, in the order of the enum.
struct CoarseningText {
  Coarsening kind;
  std::string_view message;  // English msgid
};
constexpr CoarseningText kCoarseningTexts[] = {
    {Coarsening::kRareRegionsMerged,
     N_("Regions shared by fewer than {minimum} core members read \"other\" (rows changed: "
        "{rows}).")},
    {Coarsening::kWideAgeBands,
     N_("Age bands were merged into wider bands: under_40, 40_59, 60_plus (rows changed: "
        "{rows}).")},
    {Coarsening::kRareSourcesMerged,
     N_("Referral sources shared by fewer than {minimum} core members read \"other\" (rows "
        "changed: {rows}).")},
    {Coarsening::kRegionsWithheld,
     N_("Regions are withheld: every region reads \"other\" (rows changed: {rows}).")},
    {Coarsening::kRowsSuppressed,
     N_("Core members left out because their combination of age band, region and referral "
        "source was still shared by fewer than {minimum}: {rows}.")},
};

}  // namespace

Message CoarseningMessage(const CoarseningStep& step, std::size_t minimum_group) {
  const auto& text = kCoarseningTexts[static_cast<std::size_t>(step.kind)];
  return {std::string(text.message),
          {{"minimum", std::to_string(minimum_group)}, {"rows", std::to_string(step.rows)}}};
}

namespace {

// The column of the events of `kind` and `category` during or after the circle.
std::string EventColumnName(domain::RecidivismKind kind, domain::OffenceCategory category,
                            domain::CirclePeriod period) {
  return std::string(domain::NameOf(kind)) + "_" + std::string(domain::NameOf(category)) + "_" +
         std::string(domain::NameOf(period));
}

// The columns about the file itself: who he is in the extract, where from, his age and how long
// he has been followed.
std::vector<ExtractColumn> FileColumns(std::size_t minimum_group) {
  return {
      {"participant",
       {N_("A code standing for the core member, the same in every extract of the organisation. "
           "It cannot be traced back to him outside the organisation."),
        {}},
       {N_("Ten letters and digits."), {}},
       std::nullopt},
      {"referral_source",
       {N_("Who referred him to the program."), {}},
       {N_("csc, provincial, police, community, self, other."), {}},
       std::nullopt},
      {"region",
       {N_("His region, coarsened: the part before any dash, comma or parenthesis. A region with "
           "fewer than {minimum} core members in the extract reads \"other\"."),
        {{"minimum", std::to_string(minimum_group)}}},
       {N_("A region name, \"other\", or empty when none is recorded."), {}},
       std::nullopt},
      {"age_group",
       {N_("His age at the start, in ten-year bands, or in wider bands when the extract had to "
           "be coarsened."),
        {}},
       {N_("under_30, 30_39, 40_49, 50_59, 60_69, 70_plus, or under_40, 40_59, 60_plus; empty "
           "when unknown."),
        {}},
       std::nullopt},
      {"status",
       {N_("Where his file stands on the day of the extract."), {}},
       {N_("candidate, waiting_for_circle, in_circle, between_circles, closed."), {}},
       std::nullopt},
      {"months_observed",
       {N_("Whole months from the start to the day of the extract."), {}},
       {N_("A whole number."), {}},
       std::nullopt},
      {"months_waiting",
       {N_("Whole months from the acceptance of the referral that opened his file to the start "
           "of his first circle."),
        {}},
       {N_("A whole number; empty when he has not been in a circle yet."), {}},
       std::nullopt},
      {"months_to_closure",
       {N_("Whole months from the start to the closure of his file."), {}},
       {N_("A whole number; empty while the file is open."), {}},
       std::nullopt},
  };
}

// The respondents whose end-of-circle answers the extract carries: the core member's and the
// officer's, never the volunteers' (they are about the volunteers), and never a comment.
constexpr std::array<domain::EndingRespondent, 2> kExtractRespondents{
    domain::EndingRespondent::kCoreMember, domain::EndingRespondent::kOfficer};

// The column of `respondent`'s answer to question `key`.
std::string EndingColumnName(domain::EndingRespondent respondent, std::string_view key) {
  return "ending_" + std::string(domain::NameOf(respondent)) + "_" + std::string(key);
}

// One column per question put to the core member and to the officer.
void AppendEndingColumns(std::vector<ExtractColumn>& columns) {
  for (const auto respondent : kExtractRespondents) {
    for (const auto& question : domain::EndingQuestionsFor(respondent)) {
      columns.push_back(
          {EndingColumnName(respondent, question.key),
           {N_("End-of-circle questionnaire, {respondent}: \"{statement}\" (his latest circle "
               "whose questionnaire was answered)."),
            {{"respondent", std::string(domain::LabelOf(respondent))},
             {"statement", question.text}}},
           {N_("1 (strongly disagree) to 5 (strongly agree); empty when not answered."), {}},
           std::nullopt});
    }
  }
}

std::vector<ExtractColumn> Columns(std::size_t minimum_group) {
  using domain::LabelOf;
  std::vector<ExtractColumn> columns = FileColumns(minimum_group);
  for (const auto kind : domain::EnumValues<domain::RecidivismKind>()) {
    for (const auto category : domain::EnumValues<domain::OffenceCategory>()) {
      for (const auto period : domain::EnumValues<domain::CirclePeriod>()) {
        columns.push_back(
            {EventColumnName(kind, category, period),
             {N_("Events of this kind since the start: {kind}, {category}, {period}."),
              {{"kind", std::string(domain::LabelOf(kind))},
               {"category", std::string(domain::LabelOf(category))},
               {"period", std::string(LabelOf(period))}}},
             {N_("A whole number."), {}},
             std::nullopt});
      }
    }
  }
  columns.push_back(
      {"months_to_first_event",
       {N_("Whole months from the start to his first recorded event of any kind."), {}},
       {N_("A whole number; empty when none is recorded."), {}},
       std::nullopt});
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    for (const auto occasion : domain::EnumValues<domain::MeasureOccasion>()) {
      columns.push_back(
          {std::string(domain::NameOf(dimension)) + "_" + std::string(domain::NameOf(occasion)),
           {N_("{dimension}, measured {occasion} (the latest such measure)."),
            {{"dimension", std::string(domain::LabelOf(dimension))},
             {"occasion", std::string(domain::LabelOf(occasion))}}},
           {N_("A level of the organisation's scale, 1 being the worst; empty when not "
               "measured."),
            {}},
           dimension});
    }
  }
  AppendEndingColumns(columns);
  return columns;
}

// Appends the counts of recidivism events since `start` by kind, category and period, then the
// months from `start` to the first of them.
void AppendEventCells(const domain::ReportRecords& records, std::int64_t core_member_id,
                      CivilDate start, Row& cells) {
  std::optional<CivilDate> first_event;
  std::map<std::string, std::int64_t> event_counts;
  for (const auto& event : records.events) {
    if (event.core_member_id != core_member_id || event.occurred_on < start) continue;
    ++event_counts[EventColumnName(event.kind, event.category, event.period)];
    if (!first_event || event.occurred_on < *first_event) first_event = event.occurred_on;
  }
  for (const auto kind : domain::EnumValues<domain::RecidivismKind>()) {
    for (const auto category : domain::EnumValues<domain::OffenceCategory>()) {
      for (const auto period : domain::EnumValues<domain::CirclePeriod>()) {
        cells.push_back(Cell(event_counts[EventColumnName(kind, category, period)]));
      }
    }
  }
  cells.push_back(first_event ? Cell(domain::MonthsSince(start, *first_event)) : Cell());
}

// Appends, for each outcome dimension and occasion, the level of the latest measure.
void AppendMeasureCells(const domain::ReportRecords& records, std::int64_t core_member_id,
                        Row& cells) {
  for (const auto dimension : domain::EnumValues<domain::OutcomeDimension>()) {
    for (const auto occasion : domain::EnumValues<domain::MeasureOccasion>()) {
      const domain::OutcomeMeasure* latest = nullptr;
      for (const auto& measure : records.measures) {
        if (measure.core_member_id != core_member_id || measure.occasion != occasion) continue;
        if (!latest ||
            std::tie(latest->measured_on, latest->id) < std::tie(measure.measured_on, measure.id)) {
          latest = &measure;
        }
      }
      cells.push_back(latest ? Cell(latest->Level(dimension)) : Cell());
    }
  }
}

// The factors rated at reviews in `records`, each once, in the order of the organisation's list.
std::vector<const domain::FactorRatingRecord*> RatedFactors(const domain::ReportRecords& records) {
  std::map<std::int64_t, const domain::FactorRatingRecord*> by_id;
  for (const auto& rating : records.factor_ratings) by_id.emplace(rating.factor_id, &rating);
  std::vector<const domain::FactorRatingRecord*> factors;
  for (const auto& [id, factor] : by_id) factors.push_back(factor);
  std::stable_sort(factors.begin(), factors.end(),
                   [](const auto* a, const auto* b) { return a->position < b->position; });
  return factors;
}

// The columns of the factors rated at reviews: only the direction of each factor's change, never
// a rating or a comment, so that no column says how a man was judged at one review.
std::vector<ExtractColumn> FactorColumns(
    const std::vector<const domain::FactorRatingRecord*>& factors) {
  std::vector<ExtractColumn> columns;
  for (const auto* factor : factors) {
    std::string name = "factor_" + factor->factor_key;
    std::replace(name.begin(), name.end(), '-', '_');
    columns.push_back(
        {name,
         {N_("{factor} ({kind}): how it moved from the first review of his circles that rated it "
             "to the last."),
          {{"factor", factor->factor_name}, {"kind", std::string(domain::LabelOf(factor->kind))}}},
         {N_("improved, same or worse (a risk factor lower or a protective factor higher is an "
             "improvement); empty when not rated at two reviews."),
          {}},
         std::nullopt});
  }
  return columns;
}

// Appends, for each of `factors`, the direction of its change from his first rating to his last.
void AppendFactorCells(const domain::ReportRecords& records, std::int64_t core_member_id,
                       const std::vector<const domain::FactorRatingRecord*>& factors, Row& cells) {
  for (const auto* factor : factors) {
    const domain::FactorRatingRecord* first = nullptr;
    const domain::FactorRatingRecord* last = nullptr;
    const auto key = [](const auto* rating) {
      return std::pair(rating->held_on, rating->review_id);
    };
    for (const auto& rating : records.factor_ratings) {
      if (rating.core_member_id != core_member_id || rating.factor_id != factor->factor_id)
        continue;
      if (!first || key(&rating) < key(first)) first = &rating;
      if (!last || key(last) < key(&rating)) last = &rating;
    }
    if (!first || first->review_id == last->review_id) {
      cells.push_back(Cell());
      continue;
    }
    constexpr const char* kDirections[] = {"improved", "same", "worse"};
    const auto direction = domain::DirectionOf(factor->kind, first->rating, last->rating);
    cells.push_back(Cell(std::string(kDirections[static_cast<std::size_t>(direction)])));
  }
}

// Appends, for each question put to the core member and to the officer, the score of the latest
// questionnaire of that respondent answered about his circles.
void AppendEndingCells(const domain::ReportRecords& records, std::int64_t core_member_id,
                       Row& cells) {
  for (const auto respondent : kExtractRespondents) {
    const domain::EndingScoreRecord* latest = nullptr;
    for (const auto& score : records.endings) {
      if (score.core_member_id != core_member_id || score.respondent != respondent) continue;
      if (!latest || std::tie(latest->answered_on, latest->questionnaire_id) <
                         std::tie(score.answered_on, score.questionnaire_id)) {
        latest = &score;
      }
    }
    for (const auto& question : domain::EndingQuestionsFor(respondent)) {
      std::optional<int> found;
      for (const auto& score : records.endings) {
        if (latest && score.questionnaire_id == latest->questionnaire_id &&
            score.question == question.key) {
          found = score.score;
        }
      }
      cells.push_back(found ? Cell(static_cast<std::int64_t>(*found)) : Cell());
    }
  }
}

}  // namespace

EvaluationExtract BuildEvaluationExtract(const domain::ReportRecords& records,
                                         const ExtractOptions& options) {
  EvaluationExtract extract;
  const std::size_t minimum_group = std::max(options.minimum_group, kSafeMinimumGroup);
  extract.columns = Columns(minimum_group);
  const auto factors = RatedFactors(records);
  for (auto& column : FactorColumns(factors)) extract.columns.push_back(std::move(column));

  struct Pending {
    std::string code;
    QuasiIdentifiers identifiers;
    Row cells;
  };
  std::vector<Pending> pending;
  for (const auto& core_member : records.core_members) {
    if (!ResearchConsentInForce(core_member, options.today)) continue;
    const auto start = StartOf(records, core_member);
    if (!start) continue;
    Pending row;
    row.code = options.pseudonym(core_member.id);
    const auto* referral = records.OpeningReferral(core_member.id, options.today);
    row.identifiers = {AgeGroup(core_member.birth_date, *start), CoarseRegion(core_member.region),
                       referral ? std::string(domain::NameOf(referral->source)) : ""};
    row.cells.push_back(Cell(row.code));
    // The referral source, the region and the age band, once coarsened.
    row.cells.resize(4);
    row.cells.push_back(Cell(std::string(domain::NameOf(core_member.status))));
    row.cells.push_back(Cell(domain::MonthsSince(*start, options.today)));
    const auto accepted = AcceptedOn(records, core_member);
    const auto circle_start = FirstCircleStart(records, core_member);
    row.cells.push_back(accepted && circle_start && !(*circle_start < *accepted)
                            ? Cell(domain::MonthsSince(*accepted, *circle_start))
                            : Cell());
    const auto closed = core_member.ClosedOn();
    row.cells.push_back(closed ? Cell(domain::MonthsSince(*start, *closed)) : Cell());

    AppendEventCells(records, core_member.id, *start, row.cells);
    AppendMeasureCells(records, core_member.id, row.cells);
    // In the order of the columns: the questionnaires' come with the fixed columns, the factors'
    // after them.
    AppendEndingCells(records, core_member.id, row.cells);
    AppendFactorCells(records, core_member.id, factors, row.cells);
    pending.push_back(std::move(row));
  }

  std::vector<QuasiIdentifiers> identifiers;
  for (const auto& row : pending) identifiers.push_back(row.identifiers);
  auto coarsened = Coarsen(std::move(identifiers), minimum_group);
  extract.coarsening = std::move(coarsened.report);
  std::vector<Pending> kept;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (!coarsened.kept[i]) continue;
    const auto& coarse = coarsened.rows[i];
    const auto text = [](const std::string& value) { return value.empty() ? Cell() : Cell(value); };
    pending[i].cells[1] = text(coarse.referral_source);
    pending[i].cells[2] = text(coarse.region);
    pending[i].cells[3] = text(coarse.age_group);
    kept.push_back(std::move(pending[i]));
  }
  std::sort(kept.begin(), kept.end(),
            [](const Pending& a, const Pending& b) { return a.code < b.code; });
  for (auto& row : kept) extract.rows.push_back(std::move(row.cells));
  return extract;
}

}  // namespace cercle::report
