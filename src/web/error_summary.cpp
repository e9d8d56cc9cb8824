#include "web/error_summary.hpp"

#include <algorithm>
#include <array>

namespace cercle::web {
namespace {

constexpr std::string_view kErrorOpening = R"(<p class="field__error" id=")";
constexpr std::string_view kErrorSuffix = "-error";

// Whether the attribute at `attribute` in `html` belongs to a form control.
bool InControl(std::string_view html, std::size_t attribute) {
  const std::size_t open = html.rfind('<', attribute);
  if (open == std::string_view::npos) return false;
  const std::string_view tag = html.substr(open + 1, attribute - open - 1);
  constexpr std::array<std::string_view, 3> kControls = {"input ", "select ", "textarea "};
  return std::any_of(kControls.begin(), kControls.end(),
                     [&](std::string_view control) { return tag.starts_with(control); });
}

// Where the attribute `id="<text>` starts (then: the whole id when `whole`, its start otherwise),
// on a control only when `control`; npos when no element has it.
std::size_t FindId(std::string_view html, std::string_view text, bool whole, bool control) {
  const std::string needle = "id=\"" + std::string(text) + (whole ? "\"" : "");
  for (std::size_t at = html.find(needle); at != std::string_view::npos;
       at = html.find(needle, at + 1)) {
    // A whole attribute, not the end of another one (aria-describedby="…", data-id="…").
    const bool attribute = at > 0 && (html[at - 1] == ' ' || html[at - 1] == '\n');
    if (attribute && (!control || InControl(html, at))) return at;
  }
  return std::string_view::npos;
}

// The element the link of the field whose error is `<id>-error` moves to.
std::string TargetOf(std::string_view html, std::string_view id) {
  if (FindId(html, id, true, false) != std::string_view::npos) return std::string(id);
  const std::string prefix = std::string(id) + "-";
  if (const std::size_t at = FindId(html, prefix, false, true); at != std::string_view::npos) {
    const std::size_t start = at + 4;  // after id="
    return std::string(html.substr(start, html.find('"', start) - start));
  }
  return std::string(id) + std::string(kErrorSuffix);
}

}  // namespace

std::vector<ErrorLink> FieldErrorLinks(std::string_view html) {
  std::vector<ErrorLink> links;
  for (std::size_t at = html.find(kErrorOpening); at != std::string_view::npos;
       at = html.find(kErrorOpening, at + 1)) {
    const std::size_t id_start = at + kErrorOpening.size();
    const std::size_t id_end = html.find('"', id_start);
    const std::size_t text_start = html.find('>', id_start);
    const std::size_t text_end = html.find("</p>", id_start);
    if (id_end == std::string_view::npos || text_start == std::string_view::npos ||
        text_end == std::string_view::npos || text_start > text_end) {
      break;
    }
    const std::string_view error_id = html.substr(id_start, id_end - id_start);
    if (!error_id.ends_with(kErrorSuffix) || error_id.size() == kErrorSuffix.size()) continue;
    std::string target = TargetOf(html, error_id.substr(0, error_id.size() - kErrorSuffix.size()));
    const bool listed = std::any_of(links.begin(), links.end(),
                                    [&](const ErrorLink& link) { return link.target == target; });
    if (!listed) {
      links.push_back(
          {std::move(target), std::string(html.substr(text_start + 1, text_end - text_start - 1))});
    }
  }
  return links;
}

bool FillErrorSummary(std::string& content, const std::function<std::string()>& summary) {
  const auto links = FieldErrorLinks(content);
  std::size_t at = content.find(kErrorListMarker);
  if (at == std::string::npos) {
    if (links.empty()) return false;
    content.insert(0, summary());
    at = content.find(kErrorListMarker);
    if (at == std::string::npos) return true;
  }
  std::string list;
  if (!links.empty()) {
    list = R"(<ul class="error-summary__list">)";
    for (const auto& link : links) {
      list += R"(<li><a href="#)" + link.target + "\">" + link.message + "</a></li>";
    }
    list += "</ul>";
  }
  content.replace(at, kErrorListMarker.size(), list);
  // A section's own summary (a long page's form far down) says what went wrong there, without
  // the list the first one holds.
  for (at = content.find(kErrorListMarker, at + list.size()); at != std::string::npos;
       at = content.find(kErrorListMarker, at)) {
    content.erase(at, kErrorListMarker.size());
  }
  return true;
}

}  // namespace cercle::web
