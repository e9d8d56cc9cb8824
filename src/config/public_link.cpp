#include "config/public_link.hpp"

namespace cercle::config {

std::string PublicLink(std::string_view public_url, std::string_view path) {
  while (!public_url.empty() && public_url.back() == '/') public_url.remove_suffix(1);
  std::string link(public_url);
  link += path;
  return link;
}

}  // namespace cercle::config
