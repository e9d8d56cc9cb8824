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

// The extract: its columns and one row per consenting core member.
struct EvaluationExtract {
  std::vector<ExtractColumn> columns;
  std::vector<Row> rows;
};

// The fewest core members a region must have in the extract to be named.
inline constexpr std::size_t kMinimumGroup = 5;

// What the extract needs besides the records.
struct ExtractOptions {
  domain::CivilDate today{};
  // The code standing for a core member (his id) in the extract: the same in every extract of the
  // organisation, and impossible to trace back without the server's key.
  std::function<std::string(std::int64_t)> pseudonym;
  // Regions with fewer core members than this read "other".
  std::size_t minimum_group = kMinimumGroup;
};

// The day the referral that opened his file was accepted (the file's opening when no acceptance
// is recorded).
std::optional<domain::CivilDate> AcceptedOn(const domain::ReportRecords& records,
                                            const domain::CoreMemberRecord& core_member);
// The first day of the first active phase of his first circle; none before he is in one.
std::optional<domain::CivilDate> FirstCircleStart(const domain::ReportRecords& records,
                                                  const domain::CoreMemberRecord& core_member);
// The day his months count from: the start of his first circle, or, before he is in one,
// AcceptedOn().
std::optional<domain::CivilDate> StartOf(const domain::ReportRecords& records,
                                         const domain::CoreMemberRecord& core_member);

// True when one of his research consents is in force on `today`.
bool ResearchConsentInForce(const domain::CoreMemberRecord& core_member, domain::CivilDate today);

// The region written coarsely: the part before the first dash, comma, slash or parenthesis,
// trimmed ("Montréal — Rosemont" → "Montréal"), or "" when none is recorded.
std::string CoarseRegion(std::string_view region);

// The age band on `day` of someone born on `birth`: "under_30", "30_39", "40_49", "50_59",
// "60_69", "70_plus"; "" when the birth date is unknown.
std::string AgeGroup(const std::optional<domain::CivilDate>& birth, domain::CivilDate day);

// Builds the extract from `records`, rows in the order of their codes (so that the order says
// nothing about when each man came to the program).
EvaluationExtract BuildEvaluationExtract(const domain::ReportRecords& records,
                                         const ExtractOptions& options);

// The note the dictionary carries about the start from which months count (English msgid).
std::string_view StartNote();

}  // namespace cercle::report
