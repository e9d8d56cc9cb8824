#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>

#include "base/clock.hpp"
#include "domain/funder_report.hpp"

namespace cercle::store {

// Turns a stored instant into the organisation's calendar day (i18n::Translator::LocalDate).
using LocalDateOf = std::function<CivilDate(Instant)>;

// Reads everything one organisation's reports count, in a few queries within the caller's
// transaction: volunteers and their moves, training modules and attendance, approved hours,
// counted expenses, referrals and files with their histories, research and media consents,
// outreach, stories, recidivism events, outcome measures, circles with their phases and volunteers,
// and concerns (no text). Instants become calendar days through `local_date`. Every query names the
// organisation, on top of row-level security.
// The approved hours, counted expenses and concerns, which a figure counts only on the days of its
// period, are read for the days of `days` alone when it is given (a period whose end comes before
// its start holds no day: none of them is read), so that a report costs its period, not the
// organisation's history; every other record is read whole.
domain::ReportRecords LoadReportRecords(soci::session& session, std::int64_t organisation_id,
                                        const LocalDateOf& local_date,
                                        const std::optional<domain::ReportPeriod>& days = {});

// The minutes of the organisation's approved hours worked on or before `day`, summed in SQL.
std::int64_t ApprovedMinutesThrough(soci::session& session, std::int64_t organisation_id,
                                    CivilDate day);

}  // namespace cercle::store
