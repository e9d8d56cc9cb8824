#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/circles/circle_attention.hpp"
#include "domain/circle_flags.hpp"
#include "web/context.hpp"
#include "web/pages/circles/circle_common.hpp"

// The circles' flags for the coordinator's home page and the circle list, in the reader's language
// (app::circles::FlagsByCircle finds them).
namespace cercle::web::pages::circles {

// What the flags need (app::circles reads it).
using app::circles::OrganisationActivity;

// A flag as a sentence in the reader's language, naming the circle as `circle_name`.
std::string FlagText(const Context& context, const domain::CircleFlag& flag,
                     const std::string& circle_name);
// Where to deal with a flag.
std::string FlagHref(const domain::CircleFlag& flag);

}  // namespace cercle::web::pages::circles
