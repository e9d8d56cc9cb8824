#include "web/multipart.hpp"

#include <cctype>

// RESTinio's tested parsers do the work: Content-Type and Content-Disposition (http_field_parsers),
// the split into parts and each part's header fields (multipart_body.hpp), and finding the files
// (file_upload.hpp). They are included here only: their headers are heavy.
#include <restinio/helpers/file_upload.hpp>
#include <restinio/helpers/http_field_parsers/content-disposition.hpp>
#include <restinio/helpers/http_field_parsers/content-type.hpp>
#include <restinio/helpers/multipart_body.hpp>

#include "web/http.hpp"

namespace cercle::web {
namespace {

namespace hfp = restinio::http_field_parsers;
namespace mb = restinio::multipart_body;

std::string Text(restinio::string_view_t view) { return std::string(view.data(), view.size()); }

// The value of a "filename*" parameter (RFC 5987: charset'language'percent-encoded), decoded; only
// UTF-8 is accepted. RESTinio hands this parameter over still encoded, so Cercle decodes it here.
std::optional<std::string> DecodeExtendedValue(std::string_view value) {
  const auto first = value.find('\'');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = value.find('\'', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::string charset(value.substr(0, first));
  for (char& c : charset) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (charset != "utf-8") return std::nullopt;
  return PercentDecode(value.substr(second + 1), false);
}

// The name of a text part, from its Content-Disposition ("form-data; name=…").
std::optional<std::string> FieldName(const mb::parsed_part_t& part) {
  const auto disposition = part.fields.opt_value_of(restinio::http_field::content_disposition);
  if (!disposition) return std::nullopt;
  const auto parsed = hfp::content_disposition_value_t::try_parse(*disposition);
  if (!parsed || parsed->value != "form-data") return std::nullopt;
  const auto name = hfp::find_first(parsed->parameters, "name");
  if (!name) return std::nullopt;
  return Text(*name);
}

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  const auto parsed = hfp::content_type_value_t::try_parse(
      restinio::string_view_t(content_type.data(), content_type.size()));
  if (!parsed) return std::nullopt;
  const auto& media = parsed->media_type;
  if (!restinio::impl::is_equal_caseless(media.type, "multipart") ||
      !restinio::impl::is_equal_caseless(media.subtype, "form-data")) {
    return std::nullopt;
  }
  const auto boundary = hfp::find_first(media.parameters, "boundary");
  if (!boundary || mb::check_boundary_value(*boundary)) return std::nullopt;
  return Text(*boundary);
}

std::optional<MultipartBody> ParseMultipart(std::string_view body, std::string_view boundary) {
  const std::string delimiter = "--" + std::string(boundary);
  MultipartBody parsed;
  // A form without any field is only its closing delimiter, which RESTinio reads as no parts at
  // all.
  if (body.starts_with(delimiter + "--")) return parsed;
  const auto parts =
      mb::split_multipart_body(restinio::string_view_t(body.data(), body.size()), delimiter);
  if (parts.empty()) return std::nullopt;
  for (const auto part_text : parts) {
    auto part = mb::try_parse_part(part_text);
    if (!part) return std::nullopt;
    const auto content_type = part->fields.opt_value_of(restinio::http_field::content_type);
    auto file = restinio::file_upload::analyze_part(*part);
    if (file) {
      std::optional<std::string> filename = file->filename;
      if (!filename && file->filename_star) filename = DecodeExtendedValue(*file->filename_star);
      if (!filename) return std::nullopt;
      // A file input left empty still sends a part, with no name and no bytes.
      if (filename->empty() && file->body.empty()) continue;
      parsed.files.push_back({std::move(file->name), std::move(*filename),
                              content_type ? Text(*content_type) : std::string(),
                              Text(file->body)});
    } else if (file.error() == restinio::file_upload::enumeration_error_t::no_files_found) {
      auto name = FieldName(*part);
      if (!name) return std::nullopt;
      parsed.fields.emplace(std::move(*name), Text(part->body));
    } else {
      return std::nullopt;
    }
  }
  return parsed;
}

}  // namespace cercle::web
