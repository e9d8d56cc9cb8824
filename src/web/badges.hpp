#pragma once

#include <mstch/mstch.hpp>

#include <algorithm>
#include <chrono>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "domain/circle_enums.hpp"
#include "web/context.hpp"

// The badges of the pages. The tone of a status's badge (its CSS modifier: "ok", "warning",
// "danger"), said once per status as the values of each tone:
// `ToneOf(stage, {.ok = {kApproved}, .danger = {kExited}})`. And the one look of a concern's
// severity, wherever it shows (forms, lists, the concern's page, the home page, the charts): its
// own colour AND its own icon beside its name, never colour alone.
namespace cercle::web {

// The values of a status that take each tone; `otherwise` for the others.
template <class E>
struct Tones {
  std::initializer_list<E> ok;
  std::initializer_list<E> warning;
  std::initializer_list<E> danger;
  std::string_view otherwise;
};

// The tone `tones` gives `value`.
template <class E>
std::string ToneOf(E value, const Tones<E>& tones) {
  const auto among = [value](std::initializer_list<E> values) {
    return std::find(values.begin(), values.end(), value) != values.end();
  };
  if (among(tones.ok)) return "ok";
  if (among(tones.warning)) return "warning";
  if (among(tones.danger)) return "danger";
  return std::string(tones.otherwise);
}

// How a severity looks: the CSS class of its badge (static/css/cercle.css, "severity--" and the
// modifier), its colour (the badge's, which the charts use too; at least 4.5:1 against white) and
// its icon (SVG path data in a 16×16 box, drawn with the even-odd rule).
struct SeverityLook {
  std::string_view modifier;
  std::string_view colour;
  std::string_view icon;
};
// The look of `severity`; each severity has its own modifier, colour and icon.
const SeverityLook& LookOf(domain::Severity severity);

// The data of templates/severity_badge.mustache for `severity`: {modifier, icon, label}, the label
// in the reader's language. A page puts it under a key and writes
// `{{#severity}}{{> severity_badge}}{{/severity}}`.
mstch::map SeverityBadge(const Context& context, domain::Severity severity);

// The choices of severity of a raising form, from the least to the most serious:
// [{value, id, choice, example, modifier, icon, checked}], each choice named for what it sets off
// with the delay `deadlines` gives it ("Urgent : réponse d'ici 4 h"), its one-line example
// beneath; `chosen` (a stored name) checked.
mstch::array SeverityChoices(const Context& context,
                             const std::map<domain::Severity, std::chrono::minutes>& deadlines,
                             const std::string& chosen);

}  // namespace cercle::web
