#include "web/template_engine.hpp"

#include <boost/variant/get.hpp>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "base/text.hpp"

namespace cercle::web {

namespace {

// What a piece of template text is, as mstch tokenizes it.
enum class TokenKind {
  kText,
  kVariable,
  kUnescaped,
  kSectionOpen,
  kInvertedOpen,
  kSectionClose,
  kPartial,
  kComment,
};

struct Token {
  TokenKind kind = TokenKind::kText;
  std::string raw;   // as written, tag delimiters included
  std::string name;  // of a tag
  bool eol = false;  // text ending a line
  bool ws_only = false;
  std::string partial_prefix;  // the indentation of a standalone partial tag
};

Token TextToken(std::string text) {
  Token token;
  token.eol = !text.empty() && text.back() == '\n';
  token.ws_only = text.find_first_not_of(" \r\n\t") == std::string::npos;
  token.raw = std::move(text);
  return token;
}

// Text is cut after each line end, as mstch does, so that standalone lines can be found.
void AddText(std::string_view text, std::vector<Token>& tokens) {
  std::size_t start = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '\n' || at + 1 == text.size()) {
      tokens.push_back(TextToken(std::string(text.substr(start, at + 1 - start))));
      start = at + 1;
    }
  }
}

std::string_view TrimSpaces(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') + 1 - first);
}

TokenKind KindOf(char sigil) {
  switch (sigil) {
    case '>':
      return TokenKind::kPartial;
    case '^':
      return TokenKind::kInvertedOpen;
    case '/':
      return TokenKind::kSectionClose;
    case '&':
      return TokenKind::kUnescaped;
    case '#':
      return TokenKind::kSectionOpen;
    case '!':
      return TokenKind::kComment;
    default:
      return TokenKind::kVariable;
  }
}

// A tag: `raw` is "{{…}}" or "{{{…}}}".
Token TagToken(std::string_view raw, std::string_view where) {
  const std::string_view inner = raw.substr(2, raw.size() - 4);
  Token token;
  token.raw = std::string(raw);
  if (inner.size() >= 2 && inner.front() == '=' && inner.back() == '=') {
    throw std::logic_error("template " + std::string(where) + " changes delimiters");
  }
  if (!inner.empty() && inner.front() == '{' && inner.back() == '}') {
    token.kind = TokenKind::kUnescaped;
    token.name = std::string(TrimSpaces(inner.substr(1, inner.size() - 2)));
  } else {
    std::string_view name = TrimSpaces(inner);
    token.kind = name.empty() ? TokenKind::kVariable : KindOf(name.front());
    if (token.kind != TokenKind::kVariable) name = TrimSpaces(name.substr(1));
    token.name = std::string(name);
  }
  if (token.name.empty() && token.kind != TokenKind::kComment) {
    throw std::logic_error("template " + std::string(where) + " has an empty tag");
  }
  return token;
}

// Records the indentation of each standalone partial tag of the line [begin, eol).
void StorePrefixes(std::vector<Token>& tokens, std::size_t begin, std::size_t eol) {
  for (std::size_t at = begin; at < eol; ++at) {
    if (tokens[at].kind == TokenKind::kPartial && at != begin && tokens[at - 1].ws_only) {
      tokens[at].partial_prefix = tokens[at - 1].raw;
    }
  }
}

// Removes the white space of standalone lines: a line holding tags other than variables and
// nothing but white space besides loses that white space, its line end included.
std::vector<Token> StripStandalone(std::vector<Token> tokens) {
  std::vector<Token> kept;
  kept.reserve(tokens.size());
  std::size_t line_begin = 0;
  bool has_tag = false;
  bool non_space = false;
  for (std::size_t at = 0; at < tokens.size(); ++at) {
    const TokenKind kind = tokens[at].kind;
    if (kind != TokenKind::kText && kind != TokenKind::kVariable && kind != TokenKind::kUnescaped) {
      has_tag = true;
    } else if (!tokens[at].ws_only) {
      non_space = true;
    }
    if (!tokens[at].eol) continue;
    const bool standalone = has_tag && !non_space;
    if (standalone) StorePrefixes(tokens, line_begin, at);
    for (std::size_t line = line_begin; line <= at; ++line) {
      if (!standalone || !tokens[line].ws_only) kept.push_back(std::move(tokens[line]));
    }
    has_tag = non_space = false;
    line_begin = at + 1;
  }
  for (std::size_t line = line_begin; line < tokens.size(); ++line) {
    kept.push_back(std::move(tokens[line]));
  }
  return kept;
}

// The tokens of `text`, standalone lines stripped.
std::vector<Token> Tokenize(std::string_view text, std::string_view where) {
  std::vector<Token> tokens;
  std::size_t cursor = 0;
  while (cursor < text.size()) {
    const auto open = text.find("{{", cursor);
    auto close = open == std::string_view::npos ? open : text.find("}}", open + 1);
    if (close == std::string_view::npos) {
      AddText(text.substr(cursor), tokens);
      break;
    }
    if (open + 2 < text.size() && text[open + 2] == '{' && close + 2 < text.size() &&
        text[close + 2] == '}') {
      ++close;
    }
    AddText(text.substr(cursor, open - cursor), tokens);
    cursor = close + 2;
    tokens.push_back(TagToken(text.substr(open, cursor - open), where));
    // A template that ends with a tag ends its last line there.
    if (cursor == text.size()) {
      tokens.push_back(TextToken(""));
      tokens.back().eol = true;
    }
  }
  return StripStandalone(std::move(tokens));
}

// `tokens` as mstch renders them in a partial indented by `prefix`: the prefix before the first
// token and before each token that follows a line end, inside sections too.
std::vector<Token> Indented(const std::vector<Token>& tokens, const std::string& prefix) {
  if (prefix.empty()) return tokens;
  std::vector<Token> indented;
  indented.reserve(tokens.size() * 2);
  bool line_start = true;
  for (const auto& token : tokens) {
    if (line_start) indented.push_back(TextToken(prefix));
    indented.push_back(token);
    line_start = token.eol;
  }
  return indented;
}

std::vector<std::string> PathOf(const std::string& name) {
  if (name == ".") return {name};
  std::vector<std::string> path;
  std::size_t start = 0;
  for (auto dot = name.find('.'); dot != std::string::npos; dot = name.find('.', start)) {
    path.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  path.push_back(name.substr(start));
  return path;
}

}  // namespace

// One compiled piece of a template.
struct Node;
using Body = std::vector<Node>;

struct Node {
  enum class Kind {
    kText,      // `text`, as is
    kEscaped,   // {{path}}
    kRaw,       // {{{path}}} and {{& path}}
    kSection,   // {{#path}}children{{/path}}
    kInverted,  // {{^path}}children{{/path}}
    kGroup,     // children in a context of their own: a translated section
    kPartial,   // {{> name}}: *partial
  };
  Kind kind = Kind::kText;
  std::string text;
  std::vector<std::string> path;
  Body children;
  const Body* partial = nullptr;
};

// Every template compiled for one language, and each partial for each indentation it is used with.
struct CompiledTemplates::Compiled {
  std::map<std::string, Body, std::less<>> templates;
  std::map<std::pair<std::string, std::string>, Body> partials;
};

namespace {

class Builder {
 public:
  Builder(const std::map<std::string, std::string>& sources,
          const CompiledTemplates::Translate& translate, CompiledTemplates::Compiled& compiled)
      : sources_(sources), translate_(translate), compiled_(compiled) {}

  Body Build(const std::vector<Token>& tokens, std::string_view where) {
    return Build(tokens, 0, tokens.size(), where);
  }

  const std::vector<Token>& TokensOf(const std::string& name) {
    const auto cached = tokens_.find(name);
    if (cached != tokens_.end()) return cached->second;
    const auto source = sources_.find(name);
    if (source == sources_.end()) throw std::logic_error("no template " + name);
    return tokens_.emplace(name, Tokenize(source->second, name)).first->second;
  }

 private:
  // The token that closes the section opened at `open`, counting every section between.
  static std::size_t ClosingOf(const std::vector<Token>& tokens, std::size_t open, std::size_t end,
                               std::string_view where) {
    int depth = 0;
    for (std::size_t at = open + 1; at < end; ++at) {
      const TokenKind kind = tokens[at].kind;
      if (kind == TokenKind::kSectionOpen || kind == TokenKind::kInvertedOpen) ++depth;
      if (kind != TokenKind::kSectionClose) continue;
      if (depth > 0) {
        --depth;
      } else if (tokens[at].name == tokens[open].name) {
        return at;
      } else {
        break;
      }
    }
    throw std::logic_error("template " + std::string(where) + ": section " + tokens[open].name +
                           " is not closed");
  }

  static void AddText(Body& body, const std::string& text) {
    if (text.empty()) return;
    if (!body.empty() && body.back().kind == Node::Kind::kText) {
      body.back().text += text;
    } else {
      body.push_back(Node{.kind = Node::Kind::kText, .text = text});
    }
  }

  // A section whose content is text to translate, compiled from its translation.
  Node Translated(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                  const std::string& section, std::string_view where) {
    std::string content;
    for (std::size_t at = begin; at < end; ++at) content += tokens[at].raw;
    const auto translated = Tokenize(translate_(section, content), where);
    return Node{.kind = Node::Kind::kGroup, .children = Build(translated, where)};
  }

  Body Build(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
             std::string_view where) {
    Body body;
    for (std::size_t at = begin; at < end; ++at) {
      const Token& token = tokens[at];
      switch (token.kind) {
        case TokenKind::kText:
          AddText(body, token.raw);
          break;
        case TokenKind::kVariable:
        case TokenKind::kUnescaped:
          body.push_back(Node{
              .kind = token.kind == TokenKind::kVariable ? Node::Kind::kEscaped : Node::Kind::kRaw,
              .path = PathOf(token.name)});
          break;
        case TokenKind::kPartial:
          body.push_back(Node{.kind = Node::Kind::kPartial,
                              .partial = &Partial(token.name, token.partial_prefix)});
          break;
        case TokenKind::kComment:
          break;
        case TokenKind::kSectionClose:
          throw std::logic_error("template " + std::string(where) + " closes section " +
                                 token.name + " that is not open");
        case TokenKind::kSectionOpen:
        case TokenKind::kInvertedOpen: {
          const std::size_t close = ClosingOf(tokens, at, end, where);
          if (token.kind == TokenKind::kSectionOpen && (token.name == "t" || token.name == "tc")) {
            body.push_back(Translated(tokens, at + 1, close, token.name, where));
          } else {
            body.push_back(Node{.kind = token.kind == TokenKind::kSectionOpen
                                            ? Node::Kind::kSection
                                            : Node::Kind::kInverted,
                                .path = PathOf(token.name),
                                .children = Build(tokens, at + 1, close, where)});
          }
          at = close;
          break;
        }
      }
    }
    return body;
  }

  // Partial `name` indented by `prefix`, compiled once; a partial that includes itself points to
  // the body being compiled.
  const Body& Partial(const std::string& name, const std::string& prefix) {
    const auto key = std::make_pair(name, prefix);
    const auto found = compiled_.partials.find(key);
    if (found != compiled_.partials.end()) return found->second;
    Body& body = compiled_.partials[key];
    body = Build(Indented(TokensOf(name), prefix), name);
    return body;
  }

  const std::map<std::string, std::string>& sources_;
  const CompiledTemplates::Translate& translate_;
  CompiledTemplates::Compiled& compiled_;
  std::map<std::string, std::vector<Token>> tokens_;
};

const mstch::node kNull{};

bool IsEmpty(const mstch::node& node) {
  if (boost::get<std::nullptr_t>(&node) != nullptr) return true;
  if (const auto* value = boost::get<bool>(&node)) return !*value;
  if (const auto* value = boost::get<std::string>(&node)) return value->empty();
  if (const auto* value = boost::get<int>(&node)) return *value == 0;
  if (const auto* value = boost::get<double>(&node)) return *value == 0;
  if (const auto* value = boost::get<mstch::array>(&node)) return value->empty();
  return false;
}

// The node named `name` in `node` itself, as mstch looks a name up in one context.
const mstch::node* Member(const mstch::node& node, const std::string& name) {
  if (const auto* map = boost::get<mstch::map>(&node)) {
    const auto found = map->find(name);
    return found == map->end() ? nullptr : &found->second;
  }
  if (boost::get<mstch::lambda>(&node) != nullptr ||
      boost::get<std::shared_ptr<mstch::object>>(&node) != nullptr) {
    throw std::logic_error("view models hold no lambdas nor objects");
  }
  return name == "." ? &node : nullptr;
}

class Renderer {
 public:
  Renderer(const mstch::node& model, std::string& out) : out_(out) {
    stack_.reserve(16);
    stack_.push_back(&model);
  }

  void Render(const Body& body) {
    for (const Node& node : body) Render(node);
  }

 private:
  const mstch::node& Find(const std::vector<std::string>& path) const {
    const mstch::node* found = nullptr;
    for (auto context = stack_.rbegin(); context != stack_.rend() && found == nullptr; ++context) {
      found = Member(**context, path.front());
    }
    for (std::size_t at = 1; at < path.size() && found != nullptr; ++at) {
      found = Member(*found, path[at]);
    }
    return found == nullptr ? kNull : *found;
  }

  void Within(const mstch::node& context, const Body& body) {
    stack_.push_back(&context);
    Render(body);
    stack_.pop_back();
  }

  void Value(const mstch::node& node, bool escape) {
    if (const auto* text = boost::get<std::string>(&node)) {
      if (escape && text->find_first_of("&<>\"'") != std::string::npos) {
        out_ += EscapeMarkup(*text);
      } else {
        out_ += *text;
      }
    } else if (const auto* number = boost::get<int>(&node)) {
      out_ += std::to_string(*number);
    } else if (const auto* real = boost::get<double>(&node)) {
      std::ostringstream written;
      written << *real;
      out_ += written.str();
    } else if (const auto* flag = boost::get<bool>(&node)) {
      out_ += *flag ? "true" : "false";
    } else if (boost::get<mstch::lambda>(&node) != nullptr) {
      throw std::logic_error("view models hold no lambdas");
    }
  }

  void Section(const Node& section) {
    const mstch::node& value = Find(section.path);
    if (IsEmpty(value)) return;
    if (const auto* items = boost::get<mstch::array>(&value)) {
      for (const auto& item : *items) Within(item, section.children);
    } else {
      Within(value, section.children);
    }
  }

  void Render(const Node& node) {
    switch (node.kind) {
      case Node::Kind::kText:
        out_ += node.text;
        break;
      case Node::Kind::kEscaped:
      case Node::Kind::kRaw:
        Value(Find(node.path), node.kind == Node::Kind::kEscaped);
        break;
      case Node::Kind::kSection:
        Section(node);
        break;
      case Node::Kind::kInverted:
        if (IsEmpty(Find(node.path))) Within(kNull, node.children);
        break;
      case Node::Kind::kGroup:
        Within(kNull, node.children);
        break;
      case Node::Kind::kPartial:
        Render(*node.partial);
        break;
    }
  }

  std::string& out_;
  std::vector<const mstch::node*> stack_;
};

}  // namespace

CompiledTemplates::CompiledTemplates(const std::map<std::string, std::string>& sources,
                                     const Translate& translate)
    : compiled_(std::make_unique<Compiled>()) {
  Builder builder(sources, translate, *compiled_);
  for (const auto& [name, text] : sources) {
    compiled_->templates.emplace(name, builder.Build(builder.TokensOf(name), name));
  }
}

CompiledTemplates::~CompiledTemplates() = default;
CompiledTemplates::CompiledTemplates(CompiledTemplates&&) noexcept = default;
CompiledTemplates& CompiledTemplates::operator=(CompiledTemplates&&) noexcept = default;

void CompiledTemplates::Render(std::string_view name, const mstch::node& model,
                               std::string& out) const {
  const auto found = compiled_->templates.find(name);
  if (found == compiled_->templates.end()) {
    throw std::logic_error("no template " + std::string(name));
  }
  Renderer(model, out).Render(found->second);
}

}  // namespace cercle::web
