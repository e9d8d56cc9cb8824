#pragma once

#include <mstch/mstch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/concerns/concern_common.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/circle_plan.hpp"
#include "domain/concern.hpp"
#include "web/context.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pagination.hpp"

// What the concerns' pages share: moments typed and shown in the organisation's time zone, messages
// whose dates are written out in the reader's language, the choices of the forms, and paging.
namespace cercle::web::pages::concerns {

// `error` with every "date" argument (an ISO date from the domain) written out in the reader's
// language.
Error Localised(const Context& context, Error error);

// A moment typed in an <input type="datetime-local"> ("2026-11-30T19:30", or with a space), in the
// organisation's time zone; none when it cannot be read.
std::optional<Instant> ParseMoment(const Context& context, std::string_view text);
// The value of an <input type="datetime-local"> for `instant`: "2026-11-30T19:30".
std::string MomentValue(const Context& context, Instant instant);
// A moment written out in the reader's language: "30 nov. 2026 19 h 30".
std::string FormatMoment(const Context& context, Instant instant);

// The address of a concern's page for staff, and for the volunteer who raised it.
std::string ConcernHref(std::int64_t concern_id);
std::string PortalConcernHref(std::int64_t concern_id);

// The fields every list of concerns shows: code name, category, severity (its badge's data, see
// web/badges.hpp) and status with its badge, when it was raised.
mstch::map ConcernSummary(const Context& context, const app::concerns::ConcernRow& row);

// The warning signs of the circle plan a concern cites, each with what the plan says to do and
// who is called, for templates/concern_cited_signs.mustache ("has_signs", "signs").
void AddCitedSigns(const std::vector<domain::WarningSign>& signs, mstch::map& model);

// The <select> options of every value of the enumeration E, `chosen` selected.
template <class E>
mstch::array EnumChoices(const Context& context, const std::string& chosen) {
  return circles::Choices(context, domain::EnumValues<E>(), domain::NameOf<E>, domain::LabelOf<E>,
                          chosen);
}

// `choices` after an empty option labelled `label` (a msgid: "Choose…", "Every category"…),
// selected when nothing is chosen.
mstch::array WithPrompt(const Context& context, const char* label, const std::string& chosen,
                        mstch::array choices);

// The <select> options of every category after an empty "Choose…" option, `chosen` selected.
mstch::array CategoryChoices(const Context& context, const std::string& chosen);

// The page a list is on (?page=): remembers it in `pagination` once the app layer knows the
// list's length.
app::concerns::PageChoice ChoosePage(const Context& context, Pagination& pagination);

}  // namespace cercle::web::pages::concerns
