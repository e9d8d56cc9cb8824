#include "web/documents.hpp"

#include "base/text.hpp"
#include "domain/documents.hpp"
#include "web/layout.hpp"

namespace cercle::web {
namespace {

// The filename for Content-Disposition: ASCII fallback and the RFC 5987 UTF-8 form.
std::string Disposition(const std::string& filename) {
  std::string ascii;
  for (const char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    ascii += (byte >= 0x20 && byte < 0x7f && c != '"' && c != '\\') ? c : '_';
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncode(filename);
}

}  // namespace

Result<store::Document> StoreUploadedDocument(Context& context, const std::string& field,
                                              const std::string& title,
                                              const std::string& owner_type,
                                              std::int64_t owner_id) {
  const auto& actor = context.signed_in();
  const auto files = context.request.Files();
  const auto file =
      std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.field == field; });
  if (file == files.end() || file->bytes.empty()) {
    return Error::Fields({{"file", {N_("Choose a file to upload."), {}}}});
  }
  TRY(domain::CheckDocumentFilename(file->filename));
  const auto limit = context.services.config.storage.max_document_bytes;
  if (file->bytes.size() > limit) {
    return Error::Fields(
        {{"file",
          {N_("The file is too large: the limit is {limit} MB."),
           {{"limit", std::to_string((limit + 1024 * 1024 - 1) / (1024 * 1024))}}}}});
  }
  const auto type = domain::DetectDocumentType(file->bytes);
  if (!type) {
    return Error::Fields(
        {{"file", {N_("Only PDF files and images (PNG, JPEG, WebP) are accepted."), {}}}});
  }
  std::string cleaned_title = title;
  cleaned_title.erase(0, cleaned_title.find_first_not_of(" \t\r\n"));
  if (CharacterCount(cleaned_title) > 200)
    return Error::Fields({{"title", {N_("Use at most 200 characters."), {}}}});
  if (cleaned_title.empty()) cleaned_title = file->filename;

  store::Document document;
  document.organisation_id = *actor.organisation_id;
  document.owner_type = owner_type;
  document.owner_id = owner_id;
  document.title = cleaned_title;
  document.filename = file->filename;
  document.content_type = type->content_type;
  document.size_bytes = static_cast<std::int64_t>(file->bytes.size());
  document.uploaded_by = actor.user_id;
  document.uploaded_at = context.services.clock.Now();
  document.storage_name = context.services.vault.Put(file->bytes);
  try {
    return context.services.database.Write(
        actor.scope(), [&](soci::session& session) -> Result<store::Document> {
          document.id = store::DocumentStore(session).Insert(document);
          context.services.audit.Append(
              session, context.services.database.dialect(),
              {actor.organisation_id, actor.user_id, "document.upload", owner_type,
               std::to_string(owner_id), context.request.client_address, audit::Outcome::kSuccess,
               document.uploaded_at});
          return document;
        });
  } catch (...) {
    context.services.vault.Remove(document.storage_name);
    throw;
  }
}

Response DownloadDocument(Context& context, const store::Document& document) {
  const auto bytes = context.services.vault.Get(document.storage_name);
  if (!bytes)
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  const auto& actor = context.signed_in();
  context.services.audit.Record(
      context.services.database,
      {actor.organisation_id, actor.user_id, "document.download", "document",
       std::to_string(document.id), context.request.client_address, audit::Outcome::kSuccess,
       context.services.clock.Now()});
  Response response;
  response.body = *bytes;
  response.SetHeader("Content-Type", document.content_type);
  response.SetHeader("Content-Disposition", Disposition(document.filename));
  response.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  return response;
}

void RemoveDocument(Context& context, const store::Document& document) {
  const auto& actor = context.signed_in();
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    const auto now = context.services.clock.Now();
    store::DocumentStore(session).MarkDeleted(document.id, document.organisation_id, now);
    context.services.audit.Append(session, context.services.database.dialect(),
                                  {actor.organisation_id, actor.user_id, "document.remove",
                                   "document", std::to_string(document.id),
                                   context.request.client_address, audit::Outcome::kSuccess, now});
    return {};
  });
  context.services.vault.Remove(document.storage_name);
}

}  // namespace cercle::web
