#pragma once

#include <mstch/mstch.hpp>
#include <vector>

#include "app/home/triage.hpp"
#include "web/context.hpp"

// The staff home page's triage in the reader's language: each group with its count and its items,
// each item saying what to do and, where it is one action, doing it from there.
namespace cercle::web::pages::home {

// How many items a group shows before the others fold.
inline constexpr std::size_t kUnfoldedItems = 5;
// How many items a group lists on the home page, folded ones included; a group that holds more
// links to its own page (/triage/{group}), which lists them all page by page.
inline constexpr std::size_t kListedItems = 25;

// The groups of `sections` for home.mustache: title, count, the first kUnfoldedItems items, the
// folded ones up to kListedItems, and the link to the group's page when it holds more.
mstch::array TriageView(Context& context, const std::vector<app::home::TriageSection>& sections);

// The items of `section` from `first` (0-based) to before `last`, for triage_group.mustache.
mstch::array TriageItems(Context& context, const app::home::TriageSection& section,
                         std::size_t first, std::size_t last);

}  // namespace cercle::web::pages::home
