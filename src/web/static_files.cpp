#include "web/static_files.hpp"

#include <sodium.h>

#include <stdexcept>

#include "base/assets.hpp"

namespace cercle::web {
namespace {

// Twelve hexadecimal digits of the content hash: enough to never collide among a few files.
constexpr std::size_t kHashBytes = 6;

std::string ContentType(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".png")) return "image/png";
  if (name.ends_with(".ico")) return "image/x-icon";
  if (name.ends_with(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

std::string HashedName(std::string_view name, std::string_view bytes) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  char hex[kHashBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, kHashBytes);
  const auto dot = name.rfind('.');
  return std::string(name.substr(0, dot)) + "." + hex + std::string(name.substr(dot));
}

}  // namespace

StaticFiles::StaticFiles() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  constexpr std::string_view kPrefix = "static/";
  for (const auto& asset : assets::WithPrefix(kPrefix)) {
    const std::string_view name = asset.name.substr(kPrefix.size());
    const std::string url = "/static/" + HashedName(name, asset.bytes);
    by_url_[url] = StaticFile{asset.bytes, ContentType(name), url};
    url_by_name_[std::string(name)] = url;
  }
}

const std::string& StaticFiles::Url(std::string_view name) const {
  const auto found = url_by_name_.find(name);
  if (found == url_by_name_.end())
    throw std::logic_error("no embedded static file " + std::string(name));
  return found->second;
}

const StaticFile* StaticFiles::Find(std::string_view url) const {
  const auto found = by_url_.find(url);
  return found == by_url_.end() ? nullptr : &found->second;
}

}  // namespace cercle::web
