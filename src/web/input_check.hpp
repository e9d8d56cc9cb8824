#pragma once

#include <optional>
#include <string_view>

#include "web/http.hpp"

namespace cercle::web {

// What is wrong with a request's bytes.
enum class InputFault {
  // A lone continuation byte, an overlong form, a surrogate, a code point over U+10FFFF…
  kInvalidUtf8,
  // NUL, or another control character where none belongs.
  kControlCharacter,
  // A query or form body that cannot be read: a bad escape, a broken multipart body…
  kMalformed,
};

// Which part of the request holds the fault.
enum class InputPart { kPath, kQuery, kFormField, kFileName, kHeader };

// The door's verdict on a refused request: where and what, never the bytes themselves.
struct InputRefusal {
  InputPart part = InputPart::kPath;
  InputFault fault = InputFault::kInvalidUtf8;
};

// The stored name of `fault` ("invalid_utf8", "control_character", "malformed"), for the audit log.
std::string_view FaultName(InputFault fault);
// The stored name of `part` ("path", "query", "form", "file_name", "header").
std::string_view PartName(InputPart part);

// Checks every piece of text a handler could read, once, before any handler runs: the decoded path,
// every query parameter and form field (URL-encoded and multipart, names and values), multipart
// file names and the header values. All must be valid UTF-8. Names, paths, file names and headers
// hold no control character (below 0x20, or DEL; headers may hold TAB); values may hold TAB, CR and
// LF but no other C0 character. File contents are not text and are not checked. A query or a form
// body that cannot be read at all is refused too. Nothing when the request passes.
std::optional<InputRefusal> CheckInput(const Request& request);

}  // namespace cercle::web
