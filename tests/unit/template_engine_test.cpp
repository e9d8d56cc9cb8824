#include "web/template_engine.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>

#include "base/assets.hpp"
#include "web/views.hpp"

namespace cercle::web {
namespace {

// A stand-in translation: French for the two phrases the cases use, the text unchanged otherwise.
std::string Translate(std::string_view section, const std::string& text) {
  if (text == "Hello {{name}}") return "Bonjour {{name}}";
  if (section == "tc" && text == "file|Open") return "Ouvrir le dossier";
  return text;
}

// `main` rendered over `model` by mstch and by CompiledTemplates, with `partials`.
struct Both {
  std::string mstch;
  std::string compiled;
};

Both RenderBoth(const std::string& main, mstch::map model,
                const std::map<std::string, std::string>& partials = {}) {
  std::map<std::string, std::string> sources = partials;
  sources["main"] = main;
  std::string compiled;
  CompiledTemplates(sources, Translate).Render("main", model, compiled);
  mstch::config::escape = EscapeHtml;
  for (const std::string section : {"t", "tc"}) {
    model[section] = mstch::lambda{
        [section](const std::string& text) -> mstch::node { return Translate(section, text); }};
  }
  return {mstch::render(main, model, partials), compiled};
}

mstch::array Items(std::initializer_list<const char*> names) {
  mstch::array items;
  for (const char* name : names) items.push_back(mstch::map{{"name", std::string(name)}});
  return items;
}

TEST(TemplateEngine, RendersAsMstchDoes) {
  const mstch::map model{
      {"name", std::string("Zoé <b> & \"Léa\"")},
      {"items", Items({"un", "deux"})},
      {"none", mstch::array{}},
      {"n", 42},
      {"zero", 0},
      {"d", 2.5},
      {"yes", true},
      {"no", false},
      {"empty", std::string()},
      {"field", mstch::map{{"error", std::string("Requis")}}},
      {"outer",
       mstch::array{mstch::map{{"title", std::string("T")}, {"inner", Items({"a", "b"})}}}},
      {"words", mstch::array{std::string("x"), std::string("y")}},
      {"nested", mstch::array{mstch::array{1, 2}, mstch::array{}}},
  };
  const std::vector<std::string> cases = {
      "Hello {{name}}!\n",
      "{{{name}}} {{& name}} {{ name }}",
      "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n",
      "{{^none}}\n  rien\n{{/none}}\n{{^items}}jamais{{/items}}\n",
      "{{n}} {{zero}} {{d}} {{yes}} {{no}} [{{empty}}] [{{missing}}] [{{field}}]\n",
      "{{#zero}}z{{/zero}}{{#empty}}e{{/empty}}{{#yes}}[{{.}}]{{/yes}}{{#n}}{{.}}{{/n}}\n",
      "{{#field.error}}<p>{{field.error}}</p>{{/field.error}}{{#field.none}}x{{/field.none}}\n",
      "{{#outer}}{{#inner}}{{name}}-{{title}} {{/inner}}{{/outer}}\n",
      "{{#words}}<{{.}}>{{/words}}{{#nested}}({{#.}}{{.}}{{/.}}){{/nested}}\n",
      "a\n  {{! a comment }}  \nb\r\n  {{#yes}}  \r\nc\r\n  {{/yes}}\r\n",
      "x {{#yes}}y{{/yes}}",
      "a\n  {{#yes}}\nb\n  {{/yes}}",
      "{{#items}}{{.}}|{{/items}}\n",
      "{{#t}}Hello {{name}}{{/t}}\n{{#tc}}file|Open{{/tc}} {{#t}}Untranslated{{/t}}\n",
      "  {{#t}}\n  Several\n  lines\n  {{/t}}\n",
      "<div>\n  {{> part}}\n  <p>{{> inline}}</p>\n</div>\n",
      "{{#items}}\n    {{> part}}\n{{/items}}\n{{^items}}\n  {{> part}}\n{{/items}}",
      "\t{{> part}}\n{{> part}}",
  };
  const std::map<std::string, std::string> partials = {
      {"part",
       "<p>\n{{#yes}}\n  x {{name}}\n{{/yes}}\n{{#none}}\n  n\n{{/none}}\n{{#t}}Hello "
       "{{name}}{{/t}}\n  {{> inline}}\n</p>\n"},
      {"inline", "[{{n}}]"},
  };
  for (const auto& text : cases) {
    const auto both = RenderBoth(text, model, partials);
    EXPECT_EQ(both.compiled, both.mstch) << "template: " << text;
  }
}

TEST(TemplateEngine, RefusesWhatMstchWouldRenderAsNothing) {
  const auto compile = [](const std::string& text) {
    CompiledTemplates({{"main", text}}, Translate);
  };
  EXPECT_THROW(compile("{{#a}}never closed"), std::logic_error);
  EXPECT_THROW(compile("{{/a}}"), std::logic_error);
  EXPECT_THROW(compile("{{#a}}{{/b}}"), std::logic_error);
  EXPECT_THROW(compile("{{=<% %>=}}"), std::logic_error);
  EXPECT_THROW(compile("{{> missing}}"), std::logic_error);
  EXPECT_THROW(compile("{{}}"), std::logic_error);
  EXPECT_NO_THROW(compile("{{#a}}{{#b}}{{/b}}{{/a}}"));
}

TEST(TemplateEngine, ViewModelsHoldNoLambdas) {
  std::string out;
  const CompiledTemplates templates({{"main", "{{f}}"}}, Translate);
  const mstch::map model{{"f", mstch::lambda{[]() -> mstch::node { return std::string("x"); }}}};
  EXPECT_THROW(templates.Render("main", model, out), std::logic_error);
}

// The names a template's tags use, without the dotted ones and the translated sections.
std::set<std::string> TagNames(const std::string& text) {
  static const std::regex kTag(R"(\{\{[#^/&{]?\s*([A-Za-z0-9_]+)\s*\}?\}\})");
  std::set<std::string> names;
  for (std::sregex_iterator match(text.begin(), text.end(), kTag), end; match != end; ++match) {
    names.insert((*match)[1].str());
  }
  names.erase("t");
  names.erase("tc");
  return names;
}

// Every embedded template, with each name it uses set to a value to escape (so that each section
// opens and each variable writes), renders as mstch renders it, in both languages.
TEST(TemplateEngine, EveryTemplateRendersAsMstchDoes) {
  const i18n::Translator translator("America/Montreal");
  const Views views(translator, TemplateCheck::kAgainstMstch);
  int rendered = 0;
  for (const auto& asset : assets::WithPrefix("templates/")) {
    if (!asset.name.ends_with(".mustache")) continue;
    const std::string name(asset.name.substr(10, asset.name.size() - 10 - 9));
    mstch::map model;
    for (const auto& tag : TagNames(std::string(asset.bytes))) model[tag] = std::string("<v&'>");
    for (const auto language : {i18n::Language::kFrench, i18n::Language::kEnglish}) {
      EXPECT_NO_THROW(views.Render(name, model, language)) << name;
      ++rendered;
    }
  }
  EXPECT_GT(rendered, 200);
}

}  // namespace
}  // namespace cercle::web
