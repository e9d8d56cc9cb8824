#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>

#include "base/clock.hpp"
#include "domain/funder_report.hpp"

namespace cercle::store {

// Turns a stored instant into the organisation's calendar day (i18n::Translator::LocalDate).
using LocalDateOf = std::function<CivilDate(Instant)>;

// Reads everything one organisation's reports count, in a few queries within the caller's
// transaction: volunteers and their moves, training modules and attendance, approved hours,
// referrals and files with their histories, research and media consents, outreach, stories,
// recidivism events, outcome measures, circles with their phases and volunteers, and concerns (no
// text). Instants become calendar days through `local_date`. Every query names the organisation, on
// top of row-level security.
domain::ReportRecords LoadReportRecords(soci::session& session, std::int64_t organisation_id,
                                        const LocalDateOf& local_date);

}  // namespace cercle::store
