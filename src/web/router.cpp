#include "web/router.hpp"

#include <vector>

namespace cercle::web {
namespace {

std::string_view NextSegment(std::string_view& rest) {
  const auto slash = rest.find('/');
  const std::string_view segment = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  return segment;
}

// How specific a pattern is, segment by segment: a literal segment (0) before a parameter (1)
// before a tail parameter (2). The smaller key wins, so "/circles/new" beats "/circles/{id}"
// wherever either stands in the table.
std::vector<int> Specificity(std::string_view pattern) {
  std::vector<int> key;
  pattern.remove_prefix(pattern.empty() ? 0 : 1);
  while (!pattern.empty()) {
    const std::string_view segment = NextSegment(pattern);
    const bool parameter = segment.size() > 2 && segment.starts_with('{') && segment.ends_with('}');
    key.push_back(!parameter ? 0 : segment.ends_with("...}") ? 2 : 1);
  }
  return key;
}

}  // namespace

bool MatchPattern(std::string_view pattern, std::string_view path, PathParameters& parameters) {
  if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/') return false;
  if (pattern == "/" || path == "/") return pattern == path;
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  PathParameters found;
  while (!pattern.empty()) {
    const std::string_view want = NextSegment(pattern);
    if (want.size() > 5 && want.starts_with('{') && want.ends_with("...}")) {
      if (path.empty()) return false;
      found[std::string(want.substr(1, want.size() - 5))] = std::string(path);
      path = {};
      break;
    }
    if (path.empty() && want.empty()) return false;
    const bool path_ended = path.empty();
    const std::string_view have = NextSegment(path);
    if (path_ended) return false;
    if (want.size() > 2 && want.starts_with('{') && want.ends_with('}')) {
      if (have.empty()) return false;
      found[std::string(want.substr(1, want.size() - 2))] = std::string(have);
    } else if (want != have) {
      return false;
    }
  }
  if (!path.empty()) return false;
  parameters = std::move(found);
  return true;
}

RouteMatch Router::Match(Method method, std::string_view path) const {
  RouteMatch match;
  const Method wanted = method == Method::kHead ? Method::kGet : method;
  std::vector<int> best;
  for (const auto& route : routes_) {
    PathParameters parameters;
    if (!MatchPattern(route.pattern, path, parameters)) continue;
    if (route.method != wanted) {
      if (!match.route) match.method_mismatch = true;
      continue;
    }
    auto specificity = Specificity(route.pattern);
    if (match.route && specificity >= best) continue;
    match.route = &route;
    match.parameters = std::move(parameters);
    match.method_mismatch = false;
    best = std::move(specificity);
  }
  return match;
}

}  // namespace cercle::web
