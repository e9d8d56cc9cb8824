#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app/concerns/concern_common.hpp"
#include "domain/circle_record.hpp"
#include "domain/concern.hpp"
#include "domain/concern_figures.hpp"

// The staff's concern register, with its filters and the organisation's monthly figures, and the
// concerns waiting for acknowledgement that the home page lists.
namespace cercle::app::concerns {

// The register's filters, as chosen. Empty fields do not filter.
struct RegisterQuery {
  std::optional<std::int64_t> circle_id;
  std::optional<domain::ConcernCategory> category;
  std::optional<domain::Severity> severity;
  std::optional<domain::ConcernStatus> status;
  // Only concerns still open that were raised at least this many days ago.
  std::optional<int> open_days;
  PageChoice page;
};

// One page of the register.
struct RegisterPage {
  std::int64_t total = 0;  // concerns matching the filters
  std::vector<ConcernRow> rows;
  // True when the organisation has any concern at all, filters aside.
  bool any_concern = false;
  // The figures of every month in which a concern was raised, newest first.
  std::vector<domain::MonthFigures> figures;
  // Every circle of the organisation, closed ones included, for the circle filter.
  std::vector<domain::Circle> circles;
};

// The register for a coordinator or an organisation admin (audited "concern.list"); NotFound for
// everyone else, since it names circles.
Result<RegisterPage> LoadRegister(const Services& services, const auth::Actor& actor,
                                  const RegisterQuery& query);

// The concerns of the actor's organisation nobody has acknowledged yet, oldest first; none for an
// actor who may not handle concerns. One query, whatever their number.
std::vector<ConcernRow> LoadUnacknowledged(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::concerns
