#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cercle::web {

// The local address that a return target taken from a request ("next" field or query parameter) may
// send a browser to: the target's path and query, percent-decoded, checked and encoded again from
// their parts. Nothing when the target is not plainly a path of this site: it must start with a
// single '/', and neither it nor its decoded form may hold a control character (TAB, CR, LF, NUL,
// any byte below 0x20, DEL), a backslash, a scheme, invalid UTF-8, a leading "//" or a "." or ".."
// segment. The fragment is dropped.
std::optional<std::string> LocalTarget(std::string_view target);

// LocalTarget(target), or `fallback` when the target is refused or empty.
std::string RedirectTarget(std::string_view target, std::string_view fallback = "/");

}  // namespace cercle::web
