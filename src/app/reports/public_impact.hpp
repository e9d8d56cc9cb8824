#pragma once

#include <string>

#include "app/services.hpp"
#include "base/result.hpp"
#include "domain/public_impact.hpp"

// An organisation's public impact page: totals anyone may read, once the organisation publishes
// them.
namespace cercle::app::reports {

struct ImpactPage {
  std::string organisation;
  domain::ImpactFigures impact;
};

// The impact page of the organisation whose short name is `slug`. NotFound when there is none, or
// when it does not publish its page.
Result<ImpactPage> LoadImpactPage(const Services& services, const std::string& slug);

}  // namespace cercle::app::reports
