#include "domain/documents.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace cercle::domain {

std::optional<DocumentType> DetectDocumentType(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return DocumentType{"application/pdf", "pdf"};
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return DocumentType{"image/png", "png"};
  if (bytes.starts_with("\xFF\xD8\xFF")) return DocumentType{"image/jpeg", "jpg"};
  if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
    return DocumentType{"image/webp", "webp"};
  }
  return std::nullopt;
}

Status CheckDocumentFilename(std::string_view filename) {
  const bool bad = filename.empty() || CharacterCount(filename) > 200 || filename.front() == '.' ||
                   filename.find('/') != std::string_view::npos ||
                   filename.find('\\') != std::string_view::npos ||
                   filename.find("..") != std::string_view::npos ||
                   std::any_of(filename.begin(), filename.end(), [](char c) {
                     return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
                   });
  if (bad) {
    return Error::Fields(
        {{"file", {N_("This file name is not allowed. Rename the file and try again."), {}}}});
  }
  return {};
}

}  // namespace cercle::domain
