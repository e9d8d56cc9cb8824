#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

// The tone of a status's badge (its CSS modifier: "ok", "warning", "danger"), said once per status
// as the values of each tone: `ToneOf(stage, {.ok = {kApproved}, .danger = {kExited}})`.
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

}  // namespace cercle::web
