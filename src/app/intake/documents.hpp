#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "store/document_store.hpp"

// Uploaded documents: checked (type from the content, a harmless name, a size within
// storage.max_document_bytes), encrypted into the vault, recorded and audited. The generic
// functions serve every owner (a file, a referral, a volunteer, a circle's outer member); their
// caller has asked the owner's policy. The intake ones ask the core member and referral policies
// themselves.
namespace cercle::app::intake {

// The record of a stored document (its bytes are in the vault).
using Document = store::Document;

// A file as sent by a form.
struct Upload {
  std::string title;  // "" to use the file's name
  std::string filename;
  std::string bytes;
};

// The owner a document belongs to: "core_member", "referral", "volunteer"…, and its id.
struct DocumentOwner {
  std::string type;
  std::int64_t id = 0;
};

// Checks and stores `upload` for `owner` (audited "document.upload", with the owner as object).
// Field errors under "file" or "title", with nothing stored. The caller asked the owner's policy.
Result<Document> StoreDocument(const Services& services, const auth::Actor& actor,
                               const DocumentOwner& owner, const Upload& upload);

// The bytes of `document` (audited "document.download"); none when the vault cannot read them
// (nothing audited then). The caller asked the owner's policy.
std::optional<std::string> ReadDocument(const Services& services, const auth::Actor& actor,
                                        const Document& document);

// Marks `document` deleted (audited "document.remove"; the record stays for the audit trail) and
// removes its bytes from the vault. The caller asked the owner's policy.
void DiscardDocument(const Services& services, const auth::Actor& actor, const Document& document);

// Which intake owner a document belongs to.
enum class IntakeOwner { kCoreMember, kReferral };

// Stores `upload` for the file or referral `owner_id`, when the actor may change it.
Result<Document> UploadIntakeDocument(const Services& services, const auth::Actor& actor,
                                      IntakeOwner owner, std::int64_t owner_id,
                                      const Upload& upload);

// A document to download: its record, and its bytes when the vault could read them.
struct DocumentDownload {
  Document document;
  std::optional<std::string> bytes;
};

// Document `id` of a file or a referral the actor may see, with its bytes (audited when read).
Result<DocumentDownload> DownloadIntakeDocument(const Services& services, const auth::Actor& actor,
                                                IntakeOwner owner, std::int64_t id);

// Removes document `id` of a file or a referral the actor may change; returns its owner's id.
Result<std::int64_t> RemoveIntakeDocument(const Services& services, const auth::Actor& actor,
                                          IntakeOwner owner, std::int64_t id);

}  // namespace cercle::app::intake
