#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <string>

#include "domain/expenses.hpp"
#include "web/context.hpp"

// What the volunteers' and coordinators' expense pages show alike.
namespace cercle::web::pages::volunteers {

// A distance in tenths of a kilometre as the language writes it: "42,3 km", "42.3 km".
std::string FormatDistance(const Context& context, std::int64_t tenths_km);

// A claim's day, kind, distance, amount, status (with its badge's tone) and note, for a list.
mstch::map ClaimRow(const Context& context, const domain::ExpenseClaim& claim);

}  // namespace cercle::web::pages::volunteers
