#include "web/views.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

#include "base/assets.hpp"
#include "base/text.hpp"
#include "web/template_engine.hpp"

namespace cercle::web {

namespace {

constexpr std::array kLanguages{i18n::Language::kFrench, i18n::Language::kEnglish};

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

// Every embedded template, by name.
std::map<std::string, std::string> TemplateTexts() {
  constexpr std::string_view kPrefix = "templates/";
  constexpr std::string_view kSuffix = ".mustache";
  std::map<std::string, std::string> texts;
  for (const auto& asset : assets::WithPrefix(kPrefix)) {
    if (!asset.name.ends_with(kSuffix)) continue;
    const auto name =
        asset.name.substr(kPrefix.size(), asset.name.size() - kPrefix.size() - kSuffix.size());
    texts[std::string(name)] = std::string(asset.bytes);
  }
  return texts;
}

// The text of `section` ("t" or "tc") in `language`: "tc" reads "context|text".
std::string TranslateSection(const i18n::Translator& translator, i18n::Language language,
                             std::string_view section, const std::string& text) {
  const auto bar = text.find('|');
  if (section == "t" || bar == std::string::npos) return translator.Translate(language, text);
  return translator.Translate(language, std::string_view(text).substr(0, bar),
                              std::string_view(text).substr(bar + 1));
}

// For the check against mstch: a template's text and the partials it reaches, so that mstch parses
// only what the template uses.
struct Source {
  std::string text;
  std::map<std::string, std::string> partials;
};

}  // namespace

// mstch's default escape also escapes '/', which only makes pages harder to read.
std::string EscapeHtml(const std::string& text) { return EscapeMarkup(text); }

struct Views::State {
  const i18n::Translator& translator;
  TemplateCheck check = TemplateCheck::kOff;
  std::vector<CompiledTemplates> compiled;  // in the order of kLanguages
  std::map<std::string, Source, std::less<>> sources;

  std::string RenderWithMstch(const Source& source, mstch::map model,
                              i18n::Language language) const;
};

namespace {

std::map<std::string, Source, std::less<>> Sources(
    const std::map<std::string, std::string>& texts) {
  std::map<std::string, Source, std::less<>> sources;
  for (const auto& [name, text] : texts) {
    Source source{text, {}};
    std::vector<std::string> pending(1, name);
    while (!pending.empty()) {
      const std::string current = pending.back();
      pending.pop_back();
      const auto found = texts.find(current);
      if (found == texts.end())
        throw std::logic_error("template " + name + " uses missing partial " + current);
      for (const auto& partial : PartialNames(found->second)) {
        if (source.partials.emplace(partial, texts.count(partial) ? texts.at(partial) : "")
                .second) {
          pending.push_back(partial);
        }
      }
    }
    sources[name] = std::move(source);
  }
  return sources;
}

}  // namespace

std::string Views::State::RenderWithMstch(const Source& source, mstch::map model,
                                          i18n::Language language) const {
  const i18n::Translator* translator_pointer = &translator;
  for (const std::string section : {"t", "tc"}) {
    model[section] = mstch::lambda{
        [translator_pointer, language, section](const std::string& text) -> mstch::node {
          return TranslateSection(*translator_pointer, language, section, text);
        }};
  }
  return mstch::render(source.text, model, source.partials);
}

Views::Views(const i18n::Translator& translator, TemplateCheck check) {
  // Set once, before any render: mstch reads it on every escape.
  mstch::config::escape = EscapeHtml;
  auto state = std::make_unique<State>(State{translator, check, {}, {}});
  const auto texts = TemplateTexts();
  state->sources = Sources(texts);
  for (const auto language : kLanguages) {
    state->compiled.emplace_back(
        texts, [&translator, language](std::string_view section, const std::string& text) {
          return TranslateSection(translator, language, section, text);
        });
  }
  state_ = std::move(state);
}

Views::~Views() = default;

std::string Views::Render(std::string_view name, mstch::map model, i18n::Language language) const {
  model["lang"] = std::string(i18n::Code(language));
  const auto& compiled = state_->compiled[language == i18n::Language::kFrench ? 0 : 1];
  std::string html;
  html.reserve(16 * 1024);
  compiled.Render(name, model, html);
  if (state_->check == TemplateCheck::kAgainstMstch) {
    const auto source = state_->sources.find(name);
    const std::string expected =
        state_->RenderWithMstch(source->second, std::move(model), language);
    if (expected != html) {
      // Only where they part, never the page: it may carry personal information.
      const auto differs =
          std::mismatch(expected.begin(), expected.end(), html.begin(), html.end());
      throw std::logic_error("template " + std::string(name) +
                             " renders differently from mstch at byte " +
                             std::to_string(differs.first - expected.begin()));
    }
  }
  return html;
}

}  // namespace cercle::web
