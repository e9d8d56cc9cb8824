#include "web/documents.hpp"

#include <algorithm>

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

app::intake::Upload UploadOf(const Context& context, const std::string& field,
                             const std::string& title) {
  const auto files = context.request.Files();
  const auto file =
      std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.field == field; });
  if (file == files.end()) return {title, "", ""};
  return {title, file->filename, file->bytes};
}

Result<app::intake::Document> StoreUploadedDocument(Context& context, const std::string& field,
                                                    const std::string& title,
                                                    const std::string& owner_type,
                                                    std::int64_t owner_id) {
  return app::intake::StoreDocument(context.services.app, context.signed_in(),
                                    {owner_type, owner_id}, UploadOf(context, field, title));
}

Response DocumentResponse(Context& context, const app::intake::Document& document,
                          const std::optional<std::string>& bytes) {
  if (!bytes)
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  Response response;
  response.body = *bytes;
  response.SetHeader("Content-Type", document.content_type);
  response.SetHeader("Content-Disposition", Disposition(document.filename));
  response.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  return response;
}

Response DownloadDocument(Context& context, const app::intake::Document& document) {
  return DocumentResponse(
      context, document,
      app::intake::ReadDocument(context.services.app, context.signed_in(), document));
}

}  // namespace cercle::web
