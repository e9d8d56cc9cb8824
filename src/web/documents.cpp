#include "web/documents.hpp"

#include "base/text.hpp"
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

Result<app::documents::Document> StoreUploadedDocument(Context& context, const std::string& field,
                                                       const std::string& title,
                                                       const std::string& owner_type,
                                                       std::int64_t owner_id) {
  const auto files = context.request.Files();
  const auto file =
      std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.field == field; });
  app::documents::Upload upload{owner_type, owner_id, title, "", ""};
  if (file != files.end()) {
    upload.filename = file->filename;
    upload.bytes = file->bytes;
  }
  return app::documents::StoreDocument(context.services.app, context.signed_in(), upload);
}

Response DownloadDocument(Context& context, const app::documents::Document& document) {
  const auto bytes =
      app::documents::ReadDocument(context.services.app, context.signed_in(), document);
  if (!bytes) {
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  }
  Response response;
  response.body = *bytes;
  response.SetHeader("Content-Type", document.content_type);
  response.SetHeader("Content-Disposition", Disposition(document.filename));
  response.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  return response;
}

void RemoveDocument(Context& context, const app::documents::Document& document) {
  app::documents::RemoveDocument(context.services.app, context.signed_in(), document);
}

}  // namespace cercle::web
