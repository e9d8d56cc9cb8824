#include "web/views.hpp"

#include <set>
#include <stdexcept>
#include <vector>

#include "base/assets.hpp"
#include "base/text.hpp"

namespace cercle::web {

namespace {

// The names of the partials `text` includes directly ({{> name}}).
std::set<std::string> PartialNames(const std::string& text) {
  std::set<std::string> names;
  for (auto at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 3)) {
    const auto end = text.find("}}", at);
    if (end == std::string::npos) break;
    std::string name = text.substr(at + 3, end - at - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    names.insert(name);
  }
  return names;
}

}  // namespace

// mstch's default escape also escapes '/', which only makes pages harder to read.
std::string EscapeHtml(const std::string& text) { return EscapeMarkup(text); }

Views::Views(const i18n::Translator& translator) : translator_(translator) {
  mstch::config::escape = EscapeHtml;
  constexpr std::string_view kPrefix = "templates/";
  constexpr std::string_view kSuffix = ".mustache";
  std::map<std::string, std::string> texts;
  for (const auto& asset : assets::WithPrefix(kPrefix)) {
    if (!asset.name.ends_with(kSuffix)) continue;
    const auto name =
        asset.name.substr(kPrefix.size(), asset.name.size() - kPrefix.size() - kSuffix.size());
    texts[std::string(name)] = std::string(asset.bytes);
  }
  for (const auto& [name, text] : texts) {
    Compiled compiled{text, {}};
    std::vector<std::string> pending(1, name);
    while (!pending.empty()) {
      const std::string current = pending.back();
      pending.pop_back();
      const auto found = texts.find(current);
      if (found == texts.end())
        throw std::logic_error("template " + name + " uses missing partial " + current);
      for (const auto& partial : PartialNames(found->second)) {
        if (compiled.partials.emplace(partial, texts.count(partial) ? texts.at(partial) : "")
                .second) {
          pending.push_back(partial);
        }
      }
    }
    templates_[name] = std::move(compiled);
  }
}

std::string Views::Render(std::string_view name, mstch::map model, i18n::Language language) const {
  const auto found = templates_.find(std::string(name));
  if (found == templates_.end()) throw std::logic_error("no template " + std::string(name));
  const i18n::Translator* translator = &translator_;
  model["t"] = mstch::lambda{[translator, language](const std::string& text) -> mstch::node {
    return translator->Translate(language, text);
  }};
  // {{#tc}}context|text{{/tc}}: `text` in the sense `context` (docs/glossary.md).
  model["tc"] = mstch::lambda{[translator, language](const std::string& text) -> mstch::node {
    const auto bar = text.find('|');
    if (bar == std::string::npos) return translator->Translate(language, text);
    return translator->Translate(language, std::string_view(text).substr(0, bar),
                                 std::string_view(text).substr(bar + 1));
  }};
  model["lang"] = std::string(i18n::Code(language));
  return mstch::render(found->second.text, model, found->second.partials);
}

}  // namespace cercle::web
