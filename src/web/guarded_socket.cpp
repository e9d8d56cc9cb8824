#include "web/guarded_socket.hpp"

#include <charconv>

namespace cercle::web {
namespace {

// The guard keeps at most this much of a request head to classify a close.
constexpr std::size_t kMaxKeptHead = 64 * 1024;

std::string_view Lower(std::string& text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The Content-Length announced in a complete request head, or 0.
std::uint64_t ContentLength(std::string head) {
  Lower(head);
  const auto at = head.find("\r\ncontent-length:");
  if (at == std::string::npos) return 0;
  std::size_t begin = at + 17;
  while (begin < head.size() && head[begin] == ' ') ++begin;
  std::uint64_t value = 0;
  std::from_chars(head.data() + begin, head.data() + head.size(), value);
  return value;
}

}  // namespace

std::atomic<int>& RequestsArriving() {
  static std::atomic<int> count = 0;
  return count;
}

std::shared_ptr<GuardState> NewGuardState() {
  // The shared pointer's control block destroys the derived object, whose destructor uncounts it.
  struct CountedGuardState : GuardState {
    ~CountedGuardState() { SetArriving(false); }
  };
  return std::make_shared<CountedGuardState>();
}

bool LacksHttpVersion(std::string_view head) {
  // Empty lines before a request line are allowed (RFC 9112, 2.2).
  while (head.starts_with("\r\n") || head.starts_with('\n'))
    head.remove_prefix(head.front() == '\r' ? 2 : 1);
  const auto end = head.find('\n');
  if (end == std::string_view::npos) return false;
  std::string_view line = head.substr(0, end);
  if (line.ends_with('\r')) line.remove_suffix(1);
  const auto space = line.rfind(' ');
  return space == std::string_view::npos || !line.substr(space + 1).starts_with("HTTP/");
}

GuardLimits& CurrentGuardLimits() {
  static GuardLimits limits;
  return limits;
}

int StatusForClose(const GuardState& state, const GuardLimits& limits) {
  if (state.answered || state.pending_bytes == 0) return 0;
  if (!state.in_read_handler) return 408;
  const auto end_of_head = state.head.find("\r\n\r\n");
  if (end_of_head == std::string::npos) {
    const auto end_of_line = state.head.find("\r\n");
    if (end_of_line == std::string::npos)
      return state.pending_bytes > limits.max_url_bytes ? 414 : 400;
    return state.pending_bytes > limits.max_url_bytes ? 431 : 400;
  }
  return ContentLength(state.head.substr(0, end_of_head + 2)) > limits.max_body_bytes ? 413 : 400;
}

std::string CannedResponse(int status) {
  std::string text;
  switch (status) {
    case 408:
      text =
          "408 Request Timeout\n\nLa requête a pris trop de temps.\nThe request took too long.\n";
      break;
    case 413:
      text =
          "413 Payload Too Large\n\nLe contenu envoyé est trop volumineux.\nThe content sent is "
          "too large.\n";
      break;
    case 414:
      text =
          "414 URI Too Long\n\nL'adresse demandée est trop longue.\nThe requested address is too "
          "long.\n";
      break;
    case 431:
      text =
          "431 Request Header Fields Too Large\n\nLes en-têtes de la requête sont trop "
          "volumineux.\nThe request headers are too large.\n";
      break;
    default:
      status = 400;
      text = "400 Bad Request\n\nLa requête est mal formée.\nThe request is malformed.\n";
  }
  const std::string reason = text.substr(4, text.find('\n') - 4);
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
         std::to_string(text.size()) +
         "\r\nConnection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: "
         "nosniff\r\n\r\n" +
         text;
}

void GuardedSocket::Observe(GuardState& state, const char* data, std::size_t length) {
  state.pending_bytes += length;
  state.answered = false;
  if (length > 0) state.SetArriving(true);
  if (state.head.size() < kMaxKeptHead) {
    state.head.append(data, std::min(length, kMaxKeptHead - state.head.size()));
  }
  if (!state.request_line_checked && state.head.find('\n') != std::string::npos) {
    state.request_line_checked = true;
    state.refused = LacksHttpVersion(state.head);
  }
}

void GuardedSocket::AnswerIfPending() {
  if (!state_ || !socket_.is_open()) return;
  const int status = StatusForClose(*state_, CurrentGuardLimits());
  state_->answered = true;
  if (status == 0) return;
  const std::string response = CannedResponse(status);
  asio::error_code ignored;
  asio::write(socket_, asio::buffer(response), ignored);
}

}  // namespace cercle::web
