#pragma once

#include <string>
#include <string_view>

namespace cercle::config {

// The address users reach for `path` ("/concerns/12"): the server's public_url (server.public_url),
// without its trailing slashes, followed by `path`. For the links mail carries.
std::string PublicLink(std::string_view public_url, std::string_view path);

}  // namespace cercle::config
