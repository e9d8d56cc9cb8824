#pragma once

#include <vector>

#include "app/services.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"

// The intake area's part of the staff home page.
namespace cercle::app::intake {

// One key date of an open file within the next 30 days.
struct KeyDateItem {
  domain::KeyDate key;
  domain::CoreMember member;
  bool urgent = false;  // within 7 days
};

// The key dates of the organisation's open files within the next 30 days (statutory release,
// warrant expiry, the end of an order or of a condition); nothing for an actor the core member
// policy does not let list files.
std::vector<KeyDateItem> LoadKeyDates(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::intake
