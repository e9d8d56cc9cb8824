#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/services.hpp"
#include "store/document_store.hpp"

// Documents attached to a record (a core member's file, a volunteer's file…): checked, encrypted
// into the vault, listed with their record, downloaded and removed, each step audited. The owner's
// policy is asked by the caller, which knows the record.
namespace cercle::app::documents {

// A stored document's record (its bytes stay in the vault).
using Document = store::Document;

// A file sent for a record, as the form carried it.
struct Upload {
  std::string owner_type;  // "core_member", "volunteer"…
  std::int64_t owner_id = 0;
  std::string title;  // "" for the file's name
  std::string filename;
  std::string bytes;
};

// Checks and stores `upload`: the type comes from the content (PDF, PNG, JPEG, WebP), the name
// must be harmless, the size within storage.max_document_bytes. The bytes are encrypted into the
// vault and the record inserted with the entry "document.upload", in one transaction. Returns the
// stored record, or field errors under "file"/"title" with nothing stored.
Result<Document> StoreDocument(const Services& services, const auth::Actor& actor,
                               const Upload& upload);

// The bytes of `document` after the entry "document.download"; none when the vault cannot read
// them.
std::optional<std::string> ReadDocument(const Services& services, const auth::Actor& actor,
                                        const Document& document);

// Marks `document` deleted (entry "document.remove"; the record stays for the audit trail) and
// takes its encrypted bytes out of the vault.
void RemoveDocument(const Services& services, const auth::Actor& actor, const Document& document);

}  // namespace cercle::app::documents
