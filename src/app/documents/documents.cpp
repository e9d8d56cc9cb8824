#include "app/documents/documents.hpp"

#include "base/text.hpp"
#include "domain/documents.hpp"

namespace cercle::app::documents {
namespace {

// Longest title, in characters.
constexpr std::size_t kMaximumTitleLength = 200;
constexpr std::size_t kMegabyte = 1024 * 1024;

// The checked record of `upload`, before it is stored.
Result<Document> CheckUpload(const Services& services, const auth::Actor& actor,
                             const Upload& upload) {
  if (upload.bytes.empty()) return Error::Fields({{"file", {N_("Choose a file to upload."), {}}}});
  TRY(domain::CheckDocumentFilename(upload.filename));
  const auto limit = services.config.storage.max_document_bytes;
  if (upload.bytes.size() > limit) {
    return Error::Fields({{"file",
                           {N_("The file is too large: the limit is {limit} MB."),
                            {{"limit", std::to_string((limit + kMegabyte - 1) / kMegabyte)}}}}});
  }
  const auto type = domain::DetectDocumentType(upload.bytes);
  if (!type) {
    return Error::Fields(
        {{"file", {N_("Only PDF files and images (PNG, JPEG, WebP) are accepted."), {}}}});
  }
  std::string title = upload.title;
  title.erase(0, title.find_first_not_of(" \t\r\n"));
  if (CharacterCount(title) > kMaximumTitleLength) {
    return Error::Fields({{"title", {N_("Use at most 200 characters."), {}}}});
  }
  Document document;
  document.organisation_id = *actor.organisation_id;
  document.owner_type = upload.owner_type;
  document.owner_id = upload.owner_id;
  document.title = title.empty() ? upload.filename : title;
  document.filename = upload.filename;
  document.content_type = type->content_type;
  document.size_bytes = static_cast<std::int64_t>(upload.bytes.size());
  document.uploaded_by = actor.user_id;
  return document;
}

}  // namespace

Result<Document> StoreDocument(const Services& services, const auth::Actor& actor,
                               const Upload& upload) {
  auto document = TRY(CheckUpload(services, actor, upload));
  document.storage_name = services.vault.Put(upload.bytes);
  try {
    return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<Document> {
      document.uploaded_at = unit.now();
      document.id = store::DocumentStore(unit.session()).Insert(document);
      Audit(services, unit, actor,
            {"document.upload", upload.owner_type, std::to_string(upload.owner_id)});
      return document;
    });
  } catch (...) {
    services.vault.Remove(document.storage_name);
    throw;
  }
}

std::optional<std::string> ReadDocument(const Services& services, const auth::Actor& actor,
                                        const Document& document) {
  auto bytes = services.vault.Get(document.storage_name);
  if (!bytes) return std::nullopt;
  AuditView(services, actor, {"document.download", "document", std::to_string(document.id)});
  return bytes;
}

void RemoveDocument(const Services& services, const auth::Actor& actor, const Document& document) {
  (void)Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    store::DocumentStore(unit.session())
        .MarkDeleted(document.id, document.organisation_id, unit.now());
    Audit(services, unit, actor, {"document.remove", "document", std::to_string(document.id)});
    return {};
  });
  services.vault.Remove(document.storage_name);
}

}  // namespace cercle::app::documents
