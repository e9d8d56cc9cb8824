#pragma once

// A TCP socket for RESTinio that answers the errors RESTinio would otherwise meet with a silent
// close.
//
// RESTinio closes a connection without any answer when a request line is malformed, when headers or
// a body exceed its hard limits, or when a client is too slow. This socket watches the bytes of the
// request in progress; when the connection is shut down before any response began, it first writes
// a short bilingual error: 400, 414, 431 or 413 when the close comes from reading, 408 when it
// comes from a timer. Only server.cpp includes this header, because it pulls in Asio.

#include <restinio/asio_include.hpp>
#include <restinio/tls_fwd.hpp>

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace cercle::web {

// Limits the guard uses to tell which error caused a close.
struct GuardLimits {
  std::size_t max_url_bytes = 0;
  std::uint64_t max_body_bytes = 0;
};

// How many requests, across every guarded socket of the process, have begun to arrive and have no
// response begun yet: a graceful stop waits for them as for requests in flight, so that an upload
// whose body is still arriving is not cut.
std::atomic<int>& RequestsArriving();

// What the guard saw of the request in progress. Shared by the moved-from and moved-to socket
// objects.
struct GuardState {
  std::size_t pending_bytes = 0;
  std::string head;
  bool in_read_handler = false;
  bool answered = false;
  bool arriving = false;  // counted in RequestsArriving
  bool request_line_checked = false;
  bool refused =
      false;  // the request line has no HTTP version: the read fails, the close answers 400

  // Counts this connection in RequestsArriving while `value` holds.
  void SetArriving(bool value) {
    if (value == arriving) return;
    arriving = value;
    if (value) {
      ++RequestsArriving();
    } else {
      --RequestsArriving();
    }
  }
};

// True when the first line of `head` (once complete) names no HTTP version, as in "GET /"
// (HTTP/0.9). RESTinio's parser accepts such a line and reports version 1.1, so the guard refuses
// it itself.
bool LacksHttpVersion(std::string_view head);

// A fresh state for a socket, which leaves RequestsArriving when the last socket holding it goes.
std::shared_ptr<GuardState> NewGuardState();

// The status to answer for a connection closed with `state` pending; 0 for none.
int StatusForClose(const GuardState& state, const GuardLimits& limits);

// A short plain-text error response, in French and English, that closes the connection.
std::string CannedResponse(int status);

// Limits consulted by every GuardedSocket; set once before the server starts.
GuardLimits& CurrentGuardLimits();

class GuardedSocket {
 public:
  using socket_t = asio::ip::tcp::socket;
  using executor_type = socket_t::executor_type;

  explicit GuardedSocket(asio::io_context& io) : socket_(io), state_(NewGuardState()) {}
  // RESTinio's acceptor moves a socket into each connection and then accepts again on the
  // moved-from object, so a move leaves the source with a fresh state of its own.
  GuardedSocket(GuardedSocket&& other)
      : socket_(std::move(other.socket_)), state_(std::exchange(other.state_, NewGuardState())) {}
  GuardedSocket& operator=(GuardedSocket&& other) {
    socket_ = std::move(other.socket_);
    state_ = std::exchange(other.state_, NewGuardState());
    return *this;
  }

  socket_t& lowest_layer() { return socket_; }
  const socket_t& lowest_layer() const { return socket_; }
  executor_type get_executor() { return socket_.get_executor(); }
  auto remote_endpoint() const { return socket_.remote_endpoint(); }
  bool is_open() const { return socket_.is_open(); }
  auto native_handle() { return socket_.native_handle(); }

  template <class... Args>
  void cancel(Args&&... args) {
    socket_.cancel(std::forward<Args>(args)...);
  }

  template <class Buffer, class Handler>
  void async_read_some(const Buffer& buffer, Handler&& handler) {
    const char* data = static_cast<const char*>(buffer.data());
    auto executor = asio::get_associated_executor(handler, socket_.get_executor());
    socket_.async_read_some(
        buffer, asio::bind_executor(
                    executor, [state = state_, data, inner = std::forward<Handler>(handler)](
                                  const asio::error_code& error, std::size_t length) mutable {
                      if (!error) Observe(*state, data, length);
                      state->in_read_handler = true;
                      if (!error && state->refused) {
                        inner(asio::error::make_error_code(asio::error::invalid_argument), 0);
                      } else {
                        inner(error, length);
                      }
                      state->in_read_handler = false;
                    }));
  }

  template <class Buffers, class Handler>
  void async_write_some(const Buffers& buffers, Handler&& handler) {
    // A response has begun: the request in progress is answered.
    state_->pending_bytes = 0;
    state_->head.clear();
    state_->request_line_checked = false;
    state_->SetArriving(false);
    socket_.async_write_some(buffers, std::forward<Handler>(handler));
  }

  template <class... Args>
  void shutdown(Args&&... args) {
    AnswerIfPending();
    state_->SetArriving(false);
    socket_.shutdown(std::forward<Args>(args)...);
  }

  template <class... Args>
  void close(Args&&... args) {
    AnswerIfPending();
    state_->SetArriving(false);
    socket_.close(std::forward<Args>(args)...);
  }

 private:
  static void Observe(GuardState& state, const char* data, std::size_t length);
  void AnswerIfPending();

  socket_t socket_;
  std::shared_ptr<GuardState> state_;
};

// RESTinio finds these two by argument-dependent lookup: a plain TCP connection needs no
// preparation and has no TLS socket to report.
template <class Connection, class StartRead, class Failed>
void prepare_connection_and_start_read(GuardedSocket&, Connection&, StartRead start_read, Failed) {
  start_read();
}
inline restinio::tls_socket_t* make_tls_socket_pointer_for_state_listener(GuardedSocket&) noexcept {
  return nullptr;
}

}  // namespace cercle::web
