#pragma once

#include <optional>
#include <string>

#include "store/document_store.hpp"
#include "web/context.hpp"

namespace cercle::web {

// Checks and stores the file sent in form field `field` for an owner: the type comes from the
// content (PDF, PNG, JPEG, WebP), the name must be harmless, the size within
// storage.max_document_bytes. The bytes are encrypted into the vault and the record inserted with
// an audit entry ("document.upload"), in one transaction. Returns the stored record, or field
// errors under "file"/"title" with nothing stored.
Result<store::Document> StoreUploadedDocument(Context& context, const std::string& field,
                                              const std::string& title,
                                              const std::string& owner_type, std::int64_t owner_id);

// The download of `document` as an attachment with a safe content type, after an audit entry
// ("document.download"). The caller has asked the owner's policy. 404 when the file cannot be read.
Response DownloadDocument(Context& context, const store::Document& document);

// Removes `document`: its record is marked deleted with an audit entry ("document.remove") in one
// transaction and stays for the audit trail; its encrypted bytes leave the vault. The caller has
// asked the owner's policy.
void RemoveDocument(Context& context, const store::Document& document);

}  // namespace cercle::web
