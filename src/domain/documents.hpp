#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace cercle::domain {

// The kind of a document, read from its first bytes, never from its name.
struct DocumentType {
  std::string content_type;  // "application/pdf", "image/png", "image/jpeg", "image/webp"
  std::string extension;     // "pdf", "png", "jpg", "webp"
};

// The type of `bytes` when it is a PDF or an image Cercle accepts; nothing otherwise (an HTML file
// renamed to .pdf, an executable…).
std::optional<DocumentType> DetectDocumentType(std::string_view bytes);

// Checks the name a browser sent with a file: 1 to 200 bytes of UTF-8, no folder separators, no
// "..", no control characters, not starting with a dot. The name is only shown and offered back at
// download; files are stored under random names.
Status CheckDocumentFilename(std::string_view filename);

}  // namespace cercle::domain
