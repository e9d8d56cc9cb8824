#include "web/input_check.hpp"

#include <array>

#include "base/text.hpp"

namespace cercle::web {
namespace {

// Which control characters a piece of text may hold.
enum class Allowed {
  kNone,        // names, paths, file names: no control character at all
  kLineBreaks,  // field values: TAB, CR and LF (a textarea's lines)
  kTab,         // header values
};

std::optional<InputFault> Fault(std::string_view text, Allowed allowed) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) continue;
    const bool tab = c == '\t';
    const bool line_break = c == '\r' || c == '\n';
    if (allowed == Allowed::kLineBreaks && (tab || line_break)) continue;
    if (allowed == Allowed::kTab && tab) continue;
    // DEL is a control character but harmless in a value: only names and paths refuse it.
    if (byte == 0x7F && allowed == Allowed::kLineBreaks) continue;
    return InputFault::kControlCharacter;
  }
  if (!IsValidUtf8(text)) return InputFault::kInvalidUtf8;
  return std::nullopt;
}

// Why URL-encoded `text` could not be parsed: what its escapes decode to is not UTF-8, or it is
// otherwise malformed. The parser refuses both alike; the user is told which.
InputFault UnreadableFault(std::string_view text) {
  const auto decoded = PercentDecode(text, true);
  return decoded && !IsValidUtf8(*decoded) ? InputFault::kInvalidUtf8 : InputFault::kMalformed;
}

std::optional<InputRefusal> CheckPairs(const std::multimap<std::string, std::string>& pairs,
                                       InputPart part) {
  for (const auto& [name, value] : pairs) {
    if (const auto fault = Fault(name, Allowed::kNone)) return InputRefusal{part, *fault};
    if (const auto fault = Fault(value, Allowed::kLineBreaks)) return InputRefusal{part, *fault};
  }
  return std::nullopt;
}

}  // namespace

std::string_view FaultName(InputFault fault) {
  static constexpr std::array<std::string_view, 3> kNames = {"invalid_utf8", "control_character",
                                                             "malformed"};
  return kNames.at(static_cast<std::size_t>(fault));
}

std::string_view PartName(InputPart part) {
  static constexpr std::array<std::string_view, 5> kNames = {"path", "query", "form", "file_name",
                                                             "header"};
  return kNames.at(static_cast<std::size_t>(part));
}

std::optional<InputRefusal> CheckInput(const Request& request) {
  if (const auto fault = Fault(request.path, Allowed::kNone))
    return InputRefusal{InputPart::kPath, *fault};
  const auto query = ParseUrlEncoded(request.query);
  if (!query) return InputRefusal{InputPart::kQuery, UnreadableFault(request.query)};
  if (const auto refusal = CheckPairs(*query, InputPart::kQuery)) return refusal;
  for (const auto& [name, value] : request.headers) {
    if (const auto fault = Fault(value, Allowed::kTab))
      return InputRefusal{InputPart::kHeader, *fault};
  }
  const auto body = request.ParsedBody();
  if (!body) {
    const bool multipart =
        request.Header("content-type").value_or("").find("multipart") != std::string_view::npos;
    return InputRefusal{InputPart::kFormField,
                        multipart ? InputFault::kMalformed : UnreadableFault(request.body)};
  }
  if (const auto refusal = CheckPairs(body->fields, InputPart::kFormField)) return refusal;
  for (const auto& file : body->files) {
    if (const auto fault = Fault(file.field, Allowed::kNone))
      return InputRefusal{InputPart::kFormField, *fault};
    if (const auto fault = Fault(file.filename, Allowed::kNone))
      return InputRefusal{InputPart::kFileName, *fault};
    if (const auto fault = Fault(file.content_type, Allowed::kTab)) {
      return InputRefusal{InputPart::kFileName, *fault};
    }
  }
  return std::nullopt;
}

}  // namespace cercle::web
