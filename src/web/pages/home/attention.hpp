#pragma once

#include <string>
#include <vector>

#include "base/dates.hpp"
#include "web/context.hpp"

namespace cercle::web::pages::home {

// How pressing an item is. kAlert (an urgent or emergency concern nobody has acknowledged) comes
// before everything else.
enum class Urgency { kAlert, kUrgent, kSoon, kNote };

// Something staff should look at, listed on their home page: a key date coming, a check expiring, a
// circle without meetings, minutes late, a concern waiting.
struct AttentionItem {
  Urgency urgency = Urgency::kNote;
  CivilDate date;    // the date it concerns
  std::string text;  // in the reader's language
  std::string href;  // where to deal with it
};

// Every item for the actor, most urgent first; within one urgency, what has happened (newest
// first), then what is coming (soonest first). Each area of the program contributes through a
// function listed in attention.cpp; each asks its own policy what the actor may see.
std::vector<AttentionItem> CollectAttention(Context& context);

// Orders `items` as CollectAttention returns them: most urgent first; within one urgency, what
// happened before `today` newest first, then what is coming soonest first.
void SortAttention(std::vector<AttentionItem>& items, CivilDate today);

}  // namespace cercle::web::pages::home
