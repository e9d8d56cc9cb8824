#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

// Logic-less Mustache templates parsed once, at start-up, and rendered many times over the view
// models the pages already build (mstch::node), without copying them. The output is the one mstch
// gives, byte for byte (its standalone-line rules and partial indentation included), which
// Views checks against mstch itself when CERCLE_CHECK_TEMPLATES is set (docs/architecture.md).
//
// The differences with mstch are in what is refused: a delimiter change, an unclosed or unopened
// section, a missing partial or an empty tag stop the program at start-up rather than render
// nothing; and sections whose content is fixed text to translate ({{#t}}…{{/t}}) are translated
// once, when the templates are compiled for a language, instead of at every render.
namespace cercle::web {

class CompiledTemplates {
 public:
  // How a section named in `translated` of CompiledTemplates' constructor turns its raw content
  // into Mustache text: `section` is its name ("t", "tc"), `text` its content as written.
  using Translate = std::function<std::string(std::string_view section, const std::string& text)>;

  // Compiles every template of `sources` (name → text; each is also a partial, {{> name}}).
  // Sections named "t" and "tc" are replaced by what `translate` makes of their content, compiled
  // in turn. Throws std::logic_error on a template it refuses (see above), naming it.
  CompiledTemplates(const std::map<std::string, std::string>& sources, const Translate& translate);
  ~CompiledTemplates();
  CompiledTemplates(CompiledTemplates&&) noexcept;
  CompiledTemplates& operator=(CompiledTemplates&&) noexcept;

  // Appends template `name` rendered over `model` to `out`. Escapes every {{value}} with
  // EscapeHtml. Throws std::logic_error when `name` does not exist or the model holds a lambda.
  void Render(std::string_view name, const mstch::node& model, std::string& out) const;

  struct Compiled;

 private:
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace cercle::web
