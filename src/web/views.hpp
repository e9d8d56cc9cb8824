#pragma once

#include <map>
#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "i18n/translator.hpp"

namespace cercle::web {

// Renders the logic-less Mustache templates embedded from templates/. A template translates its own
// text with the `t` section: {{#t}}Skip to content{{/t}}. Immutable after construction, so
// thread-safe.
// Escapes text for HTML element content and quoted attribute values, as every {{value}} is escaped.
std::string EscapeHtml(const std::string& text);

class Views {
 public:
  // Loads every embedded "templates/*.mustache" file.
  explicit Views(const i18n::Translator& translator);

  // Renders template `name` (without ".mustache") with `model`, in `language`. Every template is
  // available as a partial ({{> name}}). Throws when `name` does not exist.
  std::string Render(std::string_view name, mstch::map model, i18n::Language language) const;

 private:
  // One template and the partials it reaches, so that a render parses only what it uses: mstch
  // parses every partial it is given on each render.
  struct Compiled {
    std::string text;
    std::map<std::string, std::string> partials;
  };

  const i18n::Translator& translator_;
  std::map<std::string, Compiled, std::less<>> templates_;
};

}  // namespace cercle::web
