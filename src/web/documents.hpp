#pragma once

#include <optional>
#include <string>

#include "app/intake/documents.hpp"
#include "web/context.hpp"

namespace cercle::web {

// The file sent in form field `field` (empty bytes when none was sent), with `title`.
app::intake::Upload UploadOf(const Context& context, const std::string& field,
                             const std::string& title);

// Checks and stores the file sent in form field `field` for an owner (app::intake::StoreDocument):
// the type comes from the content (PDF, PNG, JPEG, WebP), the name must be harmless, the size
// within storage.max_document_bytes; audited "document.upload". Returns the stored record, or field
// errors under "file"/"title" with nothing stored. The caller has asked the owner's policy.
Result<app::intake::Document> StoreUploadedDocument(Context& context, const std::string& field,
                                                    const std::string& title,
                                                    const std::string& owner_type,
                                                    std::int64_t owner_id);

// The download of `document` as an attachment with a safe content type, after an audit entry
// ("document.download"). The caller has asked the owner's policy. 404 when the file cannot be read.
Response DownloadDocument(Context& context, const app::intake::Document& document);

// The response for `document` whose bytes are `bytes`: the attachment, or the 404 page when the
// vault could not read them.
Response DocumentResponse(Context& context, const app::intake::Document& document,
                          const std::optional<std::string>& bytes);

}  // namespace cercle::web
