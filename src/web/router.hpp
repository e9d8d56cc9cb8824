#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.hpp"

namespace cercle::web {

struct Context;

// A request handler: builds the response for a matched route. Failures a user can cause come back
// as error responses; only broken invariants throw.
using Handler = std::function<Response(Context&)>;

// Who may reach a route at all, before its handler asks the policy about the record.
enum class Access {
  kPublic,        // anyone
  kOperations,    // anyone, outside any session: probes, metrics and static files (no cookie)
  kSignedOut,     // sign-in pages; a signed-in user is sent home
  kSecondFactor,  // a session whose password was accepted, waiting for its code
  kEnrolment,     // a session that must set up two-factor sign-in (or a signed-in one redoing it)
  kSignedIn,      // a full session
};

// One line of the route table.
struct Route {
  Method method = Method::kGet;
  // Segments separated by '/'; "{name}" matches one segment, "{name...}" the rest of the path.
  std::string pattern;
  Handler handler;
  Access access = Access::kPublic;
};

// The values a pattern captured, by name.
using PathParameters = std::map<std::string, std::string, std::less<>>;

// The outcome of matching a request against the table.
struct RouteMatch {
  const Route* route = nullptr;
  PathParameters parameters;
  bool method_mismatch = false;  // the path matched, but only for other methods
};

// Finds the route for a method and path. Immutable once built.
class Router {
 public:
  explicit Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

  // The route matching `method` and `path`; HEAD matches GET routes. When several patterns match,
  // the one with literal segments where the others have parameters wins (compared segment by
  // segment from the left), whatever their order in the table.
  RouteMatch Match(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// True when `path` matches `pattern`, filling `parameters`.
bool MatchPattern(std::string_view pattern, std::string_view path, PathParameters& parameters);

}  // namespace cercle::web
