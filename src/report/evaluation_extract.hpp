#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "domain/funder_report.hpp"
#include "report/table.hpp"

// The evaluation extract for researchers (evaluator role): one row per core member whose consent to
// research is in force, with no name, no identifier of the file, no exact date (every date becomes
// whole months since his start), regions coarsened and small groups merged, and a data dictionary.
// No I/O.
//
// "His start" is the start of his first circle (StartOf); StartNote() says so in the dictionary.
namespace cercle::report {

// One column of the extract, as its data dictionary describes it.
struct ExtractColumn {
  std::string name;     // the header: lower case, ASCII, stable across extracts
  Message description;  // English msgid (arguments are msgids too)
  Message values;       // what its cells hold
  // The outcome scale whose levels the cells hold, for the dictionary to list them.
  std::optional<domain::OutcomeDimension> scale;
};

// One way the extract was coarsened so that no combination of age band, region and referral
// source is shared by fewer than k rows, in the order they are tried.
enum class Coarsening {
  kRareRegionsMerged,  // regions of fewer than k rows read "other"
  kWideAgeBands,       // every age band merged into a wider one (under_40, 40_59, 60_plus)
  kRareSourcesMerged,  // referral sources of fewer than k rows read "other"
  kRegionsWithheld,    // every region reads "other"
  kRowsSuppressed,     // rows whose combination is still shared by fewer than k left out
};

// One coarsening applied to the extract, and how many rows it changed (or left out).
struct CoarseningStep {
  Coarsening kind = Coarsening::kRareRegionsMerged;
  std::size_t rows = 0;
};

// What the extract had to give up to protect the people in it: the steps applied, in order.
struct CoarseningReport {
  std::size_t minimum_group = 0;  // k
  std::vector<CoarseningStep> steps;
};

// The extract: its columns, one row per consenting core member (less those left out) and what
// was coarsened.
struct EvaluationExtract {
  std::vector<ExtractColumn> columns;
  std::vector<Row> rows;
  CoarseningReport coarsening;
};

// The fewest rows that may share a combination of age band, region and referral source, unless
// the organisation raises it (setting "report.evaluation_minimum_group").
inline constexpr std::size_t kMinimumGroup = 5;
// The lowest value that setting accepts: below it a row is a person.
inline constexpr std::size_t kSafeMinimumGroup = 2;

// What the extract needs besides the records.
struct ExtractOptions {
  CivilDate today{};
  // The code standing for a core member (his id) in the extract: the same in every extract of the
  // organisation, and impossible to trace back without the server's key.
  std::function<std::string(std::int64_t)> pseudonym;
  // k: no combination of age band, region and referral source is shared by fewer rows than this;
  // values under kSafeMinimumGroup count as kSafeMinimumGroup.
  std::size_t minimum_group = kMinimumGroup;
};

// The day the referral that opened his file was accepted (the file's opening when no acceptance
// is recorded).
std::optional<CivilDate> AcceptedOn(const domain::ReportRecords& records,
                                    const domain::CoreMemberRecord& core_member);
// The first day of the first active phase of his first circle; none before he is in one.
std::optional<CivilDate> FirstCircleStart(const domain::ReportRecords& records,
                                          const domain::CoreMemberRecord& core_member);
// The day his months count from: the start of his first circle, or, before he is in one,
// AcceptedOn().
std::optional<CivilDate> StartOf(const domain::ReportRecords& records,
                                 const domain::CoreMemberRecord& core_member);

// True when one of his research consents is in force on `today`.
bool ResearchConsentInForce(const domain::CoreMemberRecord& core_member, CivilDate today);

// The region written coarsely: the part before the first dash, comma, slash or parenthesis,
// trimmed ("Montréal — Rosemont" → "Montréal"), or "" when none is recorded.
std::string CoarseRegion(std::string_view region);

// The age band on `day` of someone born on `birth`: "under_30", "30_39", "40_49", "50_59",
// "60_69", "70_plus"; "" when the birth date is unknown.
std::string AgeGroup(const std::optional<CivilDate>& birth, CivilDate day);

// The wider band an AgeGroup() band falls in: "under_40", "40_59", "60_plus"; "" stays "".
std::string WideAgeGroup(std::string_view age_group);

// The quasi-identifiers of one row: what a reader could combine to recognise a person.
struct QuasiIdentifiers {
  std::string age_group;
  std::string region;  // coarse region as written; "" when none is recorded
  std::string referral_source;
};

// The outcome of Coarsen(): the rows' quasi-identifiers once coarsened, which rows are kept, and
// the steps taken.
struct CoarsenedRows {
  std::vector<QuasiIdentifiers> rows;
  std::vector<bool> kept;
  CoarseningReport report;
};

// Coarsens `rows` until every combination of age band, region and referral source is shared by at
// least `minimum_group` rows: regions of fewer than k rows read "other"; then, while k or more
// rows still sit in combinations under k, it widens the age bands, merges rare referral sources
// into "other", and withholds regions, in that order; the rows still under k are left out (so
// with fewer than k rows in all, none is kept). Regions compare folded (case and accents).
CoarsenedRows Coarsen(std::vector<QuasiIdentifiers> rows, std::size_t minimum_group);

// What `step` did, as a message for the page and the dictionary (English msgid; {rows} and
// {minimum} arguments).
Message CoarseningMessage(const CoarseningStep& step, std::size_t minimum_group);

// Builds the extract from `records`, rows in the order of their codes (so that the order says
// nothing about when each man came to the program), coarsened by Coarsen().
EvaluationExtract BuildEvaluationExtract(const domain::ReportRecords& records,
                                         const ExtractOptions& options);

// The note the dictionary carries about the start from which months count (English msgid).
std::string_view StartNote();

}  // namespace cercle::report
