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

// The groups of `sections` for home.mustache: title, count, the first kUnfoldedItems items and the
// folded rest.
mstch::array TriageView(Context& context, const std::vector<app::home::TriageSection>& sections);

}  // namespace cercle::web::pages::home
