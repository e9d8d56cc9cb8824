#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cercle::web {

// A file sent in a multipart/form-data body.
struct UploadedFile {
  std::string field;         // the form field's name
  std::string filename;      // as the browser sent it; never trusted
  std::string content_type;  // as the browser sent it; never trusted
  std::string bytes;
};

// The parts of a multipart/form-data body: text fields and files.
struct MultipartBody {
  std::multimap<std::string, std::string> fields;
  std::vector<UploadedFile> files;
};

// The boundary of a "multipart/form-data; boundary=…" content type, if it is one.
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// Parses a multipart/form-data body (RFC 7578). Nothing when it is malformed.
std::optional<MultipartBody> ParseMultipart(std::string_view body, std::string_view boundary);

}  // namespace cercle::web
