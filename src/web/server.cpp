#include "web/server.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <optional>
#include <restinio/all.hpp>
#include <thread>

#include "web/guarded_socket.hpp"
#include "web/routes.hpp"

namespace cercle::web {
namespace {

// RESTinio's own limits, set well above the application's: RESTinio closes connections that exceed
// them without an answer (the GuardedSocket then answers), while the application answers with a
// real page below.
constexpr std::uint64_t kHardLimitFactor = 4;
constexpr std::size_t kMaxConnections = 4096;
// How often a graceful stop looks again at requests still arriving (their sockets do not signal).
constexpr std::chrono::milliseconds kDrainPoll{20};
// The liveness probe's path (routes.cpp: system::Live).
constexpr std::string_view kLivenessPath = "/healthz";

struct Traits : public restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t,
                                          restinio::default_request_handler_t,
                                          restinio::default_strand_t, GuardedSocket> {
  static constexpr bool use_connection_count_limiter = true;
};

Method ParseMethod(const restinio::http_method_id_t& method) {
  if (method == restinio::http_method_get()) return Method::kGet;
  if (method == restinio::http_method_head()) return Method::kHead;
  if (method == restinio::http_method_post()) return Method::kPost;
  return Method::kOther;
}

std::string ClientAddress(const restinio::request_t& source, bool trust_forwarded_for) {
  if (trust_forwarded_for) {
    const auto forwarded = source.header().opt_value_of("X-Forwarded-For");
    if (forwarded) {
      std::string_view list = *forwarded;
      const auto comma = list.rfind(',');
      if (comma != std::string_view::npos) list = list.substr(comma + 1);
      while (!list.empty() && list.front() == ' ') list.remove_prefix(1);
      if (!list.empty()) return std::string(list);
    }
  }
  return source.remote_endpoint().address().to_string();
}

Request Convert(const restinio::request_t& source, bool trust_forwarded_for) {
  Request request;
  const auto& header = source.header();
  request.method = ParseMethod(header.method());
  request.method_text = std::string(header.method().c_str());
  request.target = std::string(header.request_target());
  const std::string_view path = header.path();
  request.path = PercentDecode(path, false).value_or(std::string(path));
  request.query = std::string(header.query());
  header.for_each_field([&](const restinio::http_header_field_t& field) {
    std::string name = field.name();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), field.value());
  });
  request.body = std::string(source.body());
  request.client_address = ClientAddress(source, trust_forwarded_for);
  return request;
}

}  // namespace

// An io_context whose services can be shut down before the objects that use it are destroyed.
class IoContext : public asio::io_context {
 public:
  using asio::io_context::shutdown;
};

class Server::Impl {
 public:
  Impl(Application& application, const config::Config& config)
      : application_(application),
        config_(config),
        workers_(static_cast<std::size_t>(config.server.workers)) {
    auto& guard = CurrentGuardLimits();
    guard.max_url_bytes = config.limits.max_url_bytes * kHardLimitFactor;
    guard.max_body_bytes = config.limits.max_body_bytes * kHardLimitFactor;

    restinio::server_settings_t<Traits> settings;
    settings.address(config.server.listen)
        .port(static_cast<std::uint16_t>(config.server.port))
        .max_parallel_connections(kMaxConnections)
        .read_next_http_message_timelimit(std::chrono::seconds(config.limits.read_timeout_seconds))
        .handle_request_timeout(std::chrono::seconds(config.limits.handler_timeout_seconds))
        .write_http_response_timelimit(std::chrono::seconds(config.limits.handler_timeout_seconds))
        .incoming_http_msg_limits(
            restinio::incoming_http_msg_limits_t{}
                .max_url_size(config.limits.max_url_bytes * kHardLimitFactor)
                .max_field_name_size(config.limits.max_header_bytes * kHardLimitFactor)
                .max_field_value_size(config.limits.max_header_bytes * kHardLimitFactor)
                .max_field_count(1000)
                .max_body_size(config.limits.max_body_bytes * kHardLimitFactor))
        .request_handler(
            [this](restinio::request_handle_t request) { return Accept(std::move(request)); });
    server_ = std::make_unique<restinio::http_server_t<Traits>>(restinio::external_io_context(io_),
                                                                std::move(settings));
    if (!config.server.metrics_listen.empty()) OpenMetricsListener();
  }

  void Start() {
    server_->open_sync();
    if (metrics_server_) metrics_server_->open_sync();
    const int threads = std::max(1, config_.server.io_threads);
    for (int i = 0; i < threads; ++i) io_threads_.emplace_back([this] { io_.run(); });
    spdlog::info("serving on http://{}:{}", config_.server.listen, config_.server.port);
    if (metrics_server_)
      spdlog::info("serving metrics on http://{}/metrics", config_.server.metrics_listen);
  }

  void Stop() {
    if (stopped_.exchange(true)) return;
    // Stop accepting (before anything is answered with Connection: close, so that a client told to
    // reconnect finds the port closed), then let every request in flight finish and its response
    // be written: those handed to a worker, and those whose bytes are still arriving.
    if (!io_threads_.empty()) {
      std::promise<void> closed;
      asio::post(io_, [this, &closed] {
        server_->close_sync();
        if (metrics_server_) metrics_server_->close_sync();
        closed.set_value();
      });
      closed.get_future().wait();
    }
    draining_ = true;
    {
      const auto deadline = std::chrono::steady_clock::now() +
                            std::chrono::seconds(config_.server.shutdown_grace_seconds);
      std::unique_lock lock(mutex_);
      while (in_flight_ > 0 || RequestsArriving() > 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
          spdlog::warn("shutdown: {} request(s) in flight and {} arriving after the grace period",
                       in_flight_, RequestsArriving().load());
          break;
        }
        idle_.wait_until(lock, std::min(deadline, std::chrono::steady_clock::now() + kDrainPoll));
      }
    }
    io_.stop();
    for (auto& thread : io_threads_) thread.join();
    io_threads_.clear();
    workers_.join();
    // Destroy what the stopped context still holds (idle keep-alive connections waiting to read)
    // while the server, whose connection limiter each connection reports to as it dies, is still
    // alive.
    io_.shutdown();
    spdlog::info("stopped");
  }

  int RunUntilSignalled() {
    asio::io_context signal_io;
    asio::signal_set signals(signal_io, SIGINT, SIGTERM);
    int received = 0;
    signals.async_wait([&](const asio::error_code&, int number) { received = number; });
    Start();
    signal_io.run();
    spdlog::info("signal {} received: finishing requests in flight", received);
    Stop();
    return 0;
  }

  ~Impl() {
    if (!stopped_) Stop();
  }

 private:
  // Serves /metrics, through the same pipeline as every page, on its own address: the public socket
  // has no such route.
  void OpenMetricsListener() {
    const auto address = config::ParseListenAddress(config_.server.metrics_listen);
    if (!address) throw std::runtime_error("server.metrics_listen is not host:port");
    metrics_application_.emplace(application_.services(), Router(MetricsRoutes()));
    restinio::server_settings_t<Traits> settings;
    settings.address(address->host)
        .port(static_cast<std::uint16_t>(address->port))
        .max_parallel_connections(kMaxConnections)
        .read_next_http_message_timelimit(std::chrono::seconds(config_.limits.read_timeout_seconds))
        .handle_request_timeout(std::chrono::seconds(config_.limits.handler_timeout_seconds))
        .write_http_response_timelimit(std::chrono::seconds(config_.limits.handler_timeout_seconds))
        .request_handler([this](restinio::request_handle_t request) {
          return Accept(std::move(request), *metrics_application_);
        });
    metrics_server_ = std::make_unique<restinio::http_server_t<Traits>>(
        restinio::external_io_context(io_), std::move(settings));
  }

  restinio::request_handling_status_t Accept(restinio::request_handle_t handle) {
    return Accept(std::move(handle), application_);
  }

  restinio::request_handling_status_t Accept(restinio::request_handle_t handle,
                                             Application& application) {
    {
      std::lock_guard lock(mutex_);
      ++in_flight_;
    }
    // A request line without a version ("GET /", HTTP/0.9) has no headers to carry a session, a
    // language or a length: refuse it rather than guess.
    if (handle->header().http_major() < 1) {
      Respond(handle, VersionMissing());
      return restinio::request_accepted();
    }
    Request request = Convert(*handle, config_.server.trust_forwarded_for);
    // The liveness probe is answered on the I/O thread: it reads no database and waits on nothing,
    // so a worker would only add two thread hand-offs to what a load balancer polls most.
    if (request.method == Method::kGet && request.path == kLivenessPath) {
      Respond(handle, application.Handle(request));
      return restinio::request_accepted();
    }
    asio::post(workers_, [this, &application, handle = std::move(handle),
                          request = std::move(request)]() mutable {
      Respond(handle, application.Handle(request));
    });
    return restinio::request_accepted();
  }

  static Response VersionMissing() {
    return Response::Text(
        400, "La requête n'indique pas de version HTTP.\nThe request gives no HTTP version.\n");
  }

  void Respond(const restinio::request_handle_t& handle, Response response) {
    try {
      auto builder = handle->create_response(restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
          std::string(ReasonPhrase(response.status))});
      for (auto& [name, value] : response.headers) builder.append_header(name, std::move(value));
      if (draining_) builder.connection_close();
      builder.set_body(std::move(response.body));
      builder.done([this](const auto&) { Finished(); });
    } catch (const std::exception& failure) {
      spdlog::error("response could not be sent: {}", failure.what());
      Finished();
    }
  }

  void Finished() {
    std::lock_guard lock(mutex_);
    if (--in_flight_ == 0) idle_.notify_all();
  }

  Application& application_;
  const config::Config& config_;
  IoContext io_;
  asio::thread_pool workers_;
  std::unique_ptr<restinio::http_server_t<Traits>> server_;
  std::optional<Application> metrics_application_;
  std::unique_ptr<restinio::http_server_t<Traits>> metrics_server_;
  std::vector<std::thread> io_threads_;
  std::mutex mutex_;
  std::condition_variable idle_;
  int in_flight_ = 0;
  std::atomic<bool> draining_ = false;
  std::atomic<bool> stopped_ = false;
};

Server::Server(Application& application, const config::Config& config)
    : impl_(std::make_unique<Impl>(application, config)) {}
Server::~Server() = default;
int Server::RunUntilSignalled() { return impl_->RunUntilSignalled(); }
void Server::Start() { impl_->Start(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace cercle::web
