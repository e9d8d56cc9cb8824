#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cercle {

// Marks a user-facing message for the catalog check: the text is an English msgid that the web
// layer translates. It returns its argument unchanged.
#define N_(text) (text)
// Marks a message whose English word has several senses, each with its own French (see
// docs/glossary.md): the result is gettext's key "context\x04text", which the translator looks up
// by context and msgid, falling back to `text`. Both arguments must be string literals.
#define C_(context, text) (context "\x04" text)

// What kind of failure a user caused. The web layer maps each to an HTTP status.
enum class ErrorKind {
  kInvalid,          // 422: the input breaks a rule; nothing changed.
  kNotFound,         // 404: absent, or belongs to another organisation.
  kForbidden,        // 403: the policy refuses (only where revealing existence is harmless).
  kConflict,         // 409: the state moved on, or a unique value is taken.
  kUnauthenticated,  // 401: sign in first.
  kTooManyRequests,  // 429: throttled.
};

// One named value substituted into a message at "{name}".
struct MessageArgument {
  std::string name;
  std::string value;
};

// A message a user will read: an English msgid translated at the web layer, and its arguments.
struct Message {
  std::string id;
  std::vector<MessageArgument> arguments;
};

// An error tied to one form field.
struct FieldError {
  std::string field;
  Message message;
};

// A failure a user can cause, carried as a value up to the web layer.
struct Error {
  ErrorKind kind = ErrorKind::kInvalid;
  Message message;
  std::vector<FieldError> fields;

  static Error Invalid(std::string id, std::vector<MessageArgument> arguments = {}) {
    return {ErrorKind::kInvalid, {std::move(id), std::move(arguments)}, {}};
  }
  static Error NotFound() { return {ErrorKind::kNotFound, {N_("Not found."), {}}, {}}; }
  static Error Forbidden() {
    return {ErrorKind::kForbidden, {N_("You are not allowed to do this."), {}}, {}};
  }
  static Error Conflict(std::string id, std::vector<MessageArgument> arguments = {}) {
    return {ErrorKind::kConflict, {std::move(id), std::move(arguments)}, {}};
  }
  static Error Unauthenticated() {
    return {ErrorKind::kUnauthenticated, {N_("Please sign in."), {}}, {}};
  }
  static Error TooManyRequests() {
    return {
        ErrorKind::kTooManyRequests, {N_("Too many attempts. Please wait and try again."), {}}, {}};
  }
  // A form that failed validation: one message per field, and a summary.
  static Error Fields(std::vector<FieldError> fields) {
    return {ErrorKind::kInvalid, {N_("Please correct the errors below."), {}}, std::move(fields)};
  }
};

// Either a value or an Error, after Ladybird's ErrorOr. Test it with `if (!result)`.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  explicit operator bool() const { return std::holds_alternative<T>(state_); }
  bool ok() const { return std::holds_alternative<T>(state_); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const& { return std::get<Error>(state_); }
  Error&& error() && { return std::get<Error>(std::move(state_)); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> state_;
};

// A Result that carries no value: success, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}

  explicit operator bool() const { return !failed_; }
  bool ok() const { return !failed_; }
  void value() const {}
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool failed_ = false;
};

using Status = Result<void>;

}  // namespace cercle

// Evaluates a Result; returns its Error from the enclosing function, or yields its value.
#define TRY(expression)                                      \
  ({                                                         \
    auto _try_result = (expression);                         \
    if (!_try_result) return std::move(_try_result).error(); \
    std::move(_try_result).value();                          \
  })
