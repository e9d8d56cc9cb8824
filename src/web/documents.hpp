#pragma once

#include <optional>
#include <string>

#include "app/documents/documents.hpp"
#include "web/context.hpp"

namespace cercle::web {

// Stores the file sent in form field `field` for an owner (app::documents::StoreDocument checks
// and audits it). Returns the stored record, or field errors under "file"/"title" with nothing
// stored.
Result<app::documents::Document> StoreUploadedDocument(Context& context, const std::string& field,
                                                       const std::string& title,
                                                       const std::string& owner_type,
                                                       std::int64_t owner_id);

// The download of `document` as an attachment with a safe content type, after an audit entry
// ("document.download"). The caller has asked the owner's policy. 404 when the file cannot be read.
Response DownloadDocument(Context& context, const app::documents::Document& document);

// Removes `document`: its record is marked deleted with an audit entry ("document.remove") in one
// transaction and stays for the audit trail; its encrypted bytes leave the vault. The caller has
// asked the owner's policy.
void RemoveDocument(Context& context, const app::documents::Document& document);

}  // namespace cercle::web
