#pragma once

#include <memory>
#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "i18n/translator.hpp"

namespace cercle::web {

// Escapes text for HTML element content and quoted attribute values, as every {{value}} is escaped.
std::string EscapeHtml(const std::string& text);

// Whether every render is made a second time by mstch, the engine the pages were first written
// for, and refused when the two differ. The test suites turn it on (CERCLE_CHECK_TEMPLATES=1):
// it proves the compiled templates give the same bytes on every page the tests visit.
enum class TemplateCheck { kOff, kAgainstMstch };

// Renders the logic-less Mustache templates embedded from templates/, compiled once per language
// at construction (web/template_engine). A template translates its own text with the `t` section:
// {{#t}}Skip to content{{/t}}, or {{#tc}}context|text{{/tc}} for `text` in the sense `context`
// (docs/glossary.md). Immutable after construction, so thread-safe.
class Views {
 public:
  // Loads and compiles every embedded "templates/*.mustache" file. Throws std::logic_error on a
  // template it cannot compile, naming it.
  explicit Views(const i18n::Translator& translator, TemplateCheck check = TemplateCheck::kOff);
  ~Views();
  Views(const Views&) = delete;
  Views& operator=(const Views&) = delete;

  // Renders template `name` (without ".mustache") with `model`, in `language`. Every template is
  // available as a partial ({{> name}}). Throws std::logic_error when `name` does not exist, and
  // under TemplateCheck::kAgainstMstch when mstch renders it differently.
  std::string Render(std::string_view name, mstch::map model, i18n::Language language) const;

 private:
  struct State;
  std::unique_ptr<const State> state_;
};

}  // namespace cercle::web
