#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cercle::web {

// One static file as served: its bytes, its content type and its content-hashed address.
struct StaticFile {
  std::string_view bytes;
  std::string content_type;
  std::string url;  // for example "/static/css/cercle.3fa9c1d2e4b5.css"
};

// The embedded static files, each under an address that carries a hash of its content, so that
// browsers may cache it for a year and still see a new version at once.
class StaticFiles {
 public:
  // Indexes every embedded file under "static/".
  StaticFiles();

  // The hashed address of logical file `name` ("css/cercle.css"). Throws when absent: a template
  // names a file that the build did not embed.
  const std::string& Url(std::string_view name) const;
  // The file served at hashed address `url`, if any.
  const StaticFile* Find(std::string_view url) const;

 private:
  std::map<std::string, StaticFile, std::less<>> by_url_;
  std::map<std::string, std::string, std::less<>> url_by_name_;
};

}  // namespace cercle::web
