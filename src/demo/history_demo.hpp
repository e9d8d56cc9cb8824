#pragma once

#include <cstdint>

#include "app/services.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"

// Years of past history for the demo organisation, for the benchmarks of data that grows: pages
// must cost the same over one organisation's ten years as over the demo's few months.
namespace cercle::demo {

// How much history to add.
struct HistoryShape {
  int years = 0;              // whole calendar years, the newest ending before the demo's story
  int circles_per_year = 60;  // one per core member, each lasting most of its year
};

// The first and last day of history year `year` (0 the oldest) of `years` years, on `today`: the
// calendar years that end on 31 December of the year three years before today's, so that the
// history ends before the demo's own circles and files begin.
struct HistoryYear {
  CivilDate first{};
  CivilDate last{};
};
HistoryYear HistoryYearOf(CivilDate today, int years, int year);

// Adds `shape.years` years of history to `organisation_id` (the demo organisation, after
// demo::Load): each year `shape.circles_per_year` circles, each around a new fictional core member
// (with his file's history, his coordinator alternating between the demo's two), opened in
// January, started two weeks later with three or four volunteers from a pool that grows every year
// (each volunteer with his portal account and his file's history), weekly meetings with minutes
// written by a volunteer the next day, their attendance hours, acknowledged by the coordinator,
// contacts between meetings with their hours approved, two reviews and a renewal, a few concerns
// (some urgent, every one closed), and the circle closed in December, his file closed a month
// later. A third of the volunteers leave at the end of the history. Every record is the one the
// workflow would store, without the audit entries.
Status LoadHistory(const app::Services& services, std::int64_t organisation_id,
                   const HistoryShape& shape);

}  // namespace cercle::demo
