#include "web/multipart.hpp"

#include <cctype>

namespace cercle::web {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// The value of `name="…"` in a Content-Disposition header, unquoted.
std::optional<std::string> DispositionParameter(std::string_view header, std::string_view name) {
  const std::string key = std::string(name) + "=\"";
  std::size_t at = 0;
  while ((at = header.find(key, at)) != std::string_view::npos) {
    // Make sure "name=" is not the tail of "filename=".
    if (at == 0 || header[at - 1] == ' ' || header[at - 1] == ';') break;
    at += key.size();
  }
  if (at == std::string_view::npos) return std::nullopt;
  const auto start = at + key.size();
  std::string value;
  for (std::size_t i = start; i < header.size(); ++i) {
    if (header[i] == '\\' && i + 1 < header.size()) {
      value += header[++i];
    } else if (header[i] == '"') {
      return value;
    } else {
      value += header[i];
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  if (!Lower(content_type.substr(0, 19)).starts_with("multipart/form-data")) return std::nullopt;
  const auto at = content_type.find("boundary=");
  if (at == std::string_view::npos) return std::nullopt;
  std::string boundary(content_type.substr(at + 9));
  if (const auto semicolon = boundary.find(';'); semicolon != std::string::npos) boundary.resize(semicolon);
  if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"') {
    boundary = boundary.substr(1, boundary.size() - 2);
  }
  if (boundary.empty() || boundary.size() > 70) return std::nullopt;
  return boundary;
}

std::optional<MultipartBody> ParseMultipart(std::string_view body, std::string_view boundary) {
  const std::string delimiter = "--" + std::string(boundary);
  MultipartBody parsed;
  auto at = body.find(delimiter);
  if (at == std::string_view::npos) return std::nullopt;
  while (true) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parsed;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return std::nullopt;
    at += 2;
    const auto head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos) return std::nullopt;
    const std::string_view head = body.substr(at, head_end - at);
    const auto next = body.find("\r\n" + delimiter, head_end + 4);
    if (next == std::string_view::npos) return std::nullopt;
    const std::string_view content = body.substr(head_end + 4, next - head_end - 4);

    std::string disposition, content_type;
    std::size_t line_start = 0;
    while (line_start <= head.size()) {
      auto line_end = head.find("\r\n", line_start);
      if (line_end == std::string_view::npos) line_end = head.size();
      const std::string_view line = head.substr(line_start, line_end - line_start);
      const auto colon = line.find(':');
      if (colon != std::string_view::npos) {
        const std::string name = Lower(line.substr(0, colon));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if (name == "content-disposition") disposition = value;
        if (name == "content-type") content_type = value;
      }
      if (line_end == head.size()) break;
      line_start = line_end + 2;
    }
    const auto field = DispositionParameter(disposition, "name");
    if (!field) return std::nullopt;
    if (const auto filename = DispositionParameter(disposition, "filename")) {
      if (!filename->empty() || !content.empty()) {
        parsed.files.push_back({*field, *filename, content_type, std::string(content)});
      }
    } else {
      parsed.fields.emplace(*field, std::string(content));
    }
    at = next + 2;
  }
}

}  // namespace cercle::web
