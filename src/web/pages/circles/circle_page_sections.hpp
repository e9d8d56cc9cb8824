#pragma once

#include <mstch/mstch.hpp>

#include "app/circles/circle_page.hpp"
#include "web/context.hpp"
#include "web/pages/circles/circle_view.hpp"

// The sections of the coordinators' circle page, each turning a part of the typed page into the
// template's data, with the failed form of its section (what was typed and the errors) when there
// is one.
namespace cercle::web::pages::circles {

using app::circles::CirclePage;

// What the circle needs next (app::circles::CirclePage::next_step) in words, with the button that
// takes the step: the suggestions page, or the form of the page that does it.
mstch::map NextStepSection(const Context& context, const CirclePage& page);
// The current and past members, with the leave and replace forms of each current one.
mstch::map MembersSection(const Context& context, const CirclePage& page,
                          const CirclePageState& state);
// The phase change form (the phases the circle may move to, the meetings that could have decided
// it) and the history of phases.
mstch::map PhaseSection(const Context& context, const CirclePage& page,
                        const CirclePageState& state);
// The current covenant with its signatures and who has not signed, the sign and amend forms, and
// the earlier versions.
mstch::map CovenantSection(const Context& context, const CirclePage& page,
                           const CirclePageState& state);
// The planned and held meetings (the recent ones, or a page of them all) and the plan form.
mstch::map MeetingsSection(const Context& context, const CirclePage& page,
                           const CirclePageState& state);
// One page of the contacts; their navigation goes into `model` under "contact_pages".
mstch::array ContactRows(const Context& context, const CirclePage& page, mstch::map& model);
// The reviews, the next review and renewal, and the review form.
mstch::map ReviewsSection(const Context& context, const CirclePage& page,
                          const CirclePageState& state);
// The agreements of the outer circle and the form attaching a contact.
mstch::map OuterSection(const Context& context, const CirclePage& page,
                        const CirclePageState& state);

}  // namespace cercle::web::pages::circles
