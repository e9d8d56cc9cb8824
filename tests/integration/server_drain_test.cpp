// What the server does at the door and on the way out, over raw sockets: a request line without an
// HTTP version is refused, an upload still arriving when a stop begins is finished within the grace
// period, and /metrics lives on its own listener.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "support/test_server.hpp"
#include "web/context.hpp"
#include "web/cookies.hpp"
#include "web/guarded_socket.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

// A client connection that sends and reads when the test says so.
class RawConnection {
 public:
  explicit RawConnection(int port) : descriptor_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    connected_ = ::connect(descriptor_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { ::close(descriptor_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  void Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t written = ::send(descriptor_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (written <= 0) throw std::runtime_error("the server closed the connection");
      bytes.remove_prefix(static_cast<std::size_t>(written));
    }
  }

  // Everything received until the server closes the connection or `wait` passes.
  std::string ReadAll(std::chrono::milliseconds wait) {
    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd entry{descriptor_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (::poll(&entry, 1, static_cast<int>(std::max<long long>(left.count(), 1))) <= 0) break;
      char buffer[4096];
      const ssize_t length = ::recv(descriptor_, buffer, sizeof buffer, 0);
      if (length <= 0) break;
      received.append(buffer, static_cast<std::size_t>(length));
    }
    return received;
  }

 private:
  int descriptor_;
  bool connected_ = false;
};

TEST(ServerDoor, ARequestLineWithoutAnHttpVersionIsRefused) {
  TestServer server;
  EXPECT_EQ(RawStatus(RawExchange(server.port(), "GET /\r\n\r\n", 5s)), 400);
  EXPECT_EQ(RawStatus(RawExchange(server.port(), "GET /healthz\r\n", 5s)), 400);
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/healthz").status, 200) << "the server keeps serving";
}

TEST(ServerDrain, AnUploadStillArrivingWhenTheStopBeginsIsFinished) {
  TestServer server;
  constexpr std::size_t kBodyBytes = 64 * 1024;
  std::vector<web::Route> routes = {
      {web::Method::kPost, "/upload", [](web::Context& context) {
         return web::Response::Text(200, "received " + std::to_string(context.request.body.size()));
       }}};
  web::Application application(server.runtime().services(), web::Router(routes));
  config::Config config = server.runtime().config();
  config.server.port = FreePort();
  config.server.shutdown_grace_seconds = 60;
  web::Server upload_server(application, config);
  upload_server.Start();
  WaitForPort(config.server.port);

  RawConnection upload(config.server.port);
  ASSERT_TRUE(upload.connected());
  const std::string body(kBodyBytes, 'x');
  const std::string csrf_cookie(40, 'c');
  upload.Send(
      "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
      "Cookie: " +
      std::string(web::kCsrfCookie) + "=" + csrf_cookie +
      "\r\nX-CSRF-Token: " + server.runtime().authenticator().CsrfToken(csrf_cookie) +
      "\r\nContent-Length: " + std::to_string(kBodyBytes) + "\r\n\r\n" + body.substr(0, 1024));
  // The stop must begin while the server holds part of the request: wait until its bytes arrived.
  for (int i = 0; i < 5000 && web::RequestsArriving() == 0; ++i) std::this_thread::sleep_for(1ms);
  ASSERT_GT(web::RequestsArriving(), 0);

  std::thread stopper([&] { upload_server.Stop(); });
  // Once the stop has begun, the port refuses new connections.
  bool refused = false;
  for (int i = 0; i < 5000 && !refused; ++i) {
    refused = !RawConnection(config.server.port).connected();
    if (!refused) std::this_thread::sleep_for(1ms);
  }
  EXPECT_TRUE(refused) << "a new connection was accepted after the stop began";

  // The rest of the body arrives slowly, well within the grace period.
  for (std::size_t sent = 1024; sent < kBodyBytes; sent += 8 * 1024) {
    std::this_thread::sleep_for(20ms);
    upload.Send(std::string_view(body).substr(sent, 8 * 1024));
  }
  const std::string response = upload.ReadAll(30s);
  stopper.join();
  EXPECT_EQ(RawStatus(response), 200) << response;
  EXPECT_NE(response.find("received " + std::to_string(kBodyBytes)), std::string::npos) << response;
}

TEST(Metrics, AreServedOnTheirOwnListenerOnly) {
  const int metrics_port = FreePort();
  TestServer server({.configure = [&](config::Config& config) {
    config.server.metrics_listen = "127.0.0.1:" + std::to_string(metrics_port);
  }});
  WaitForPort(metrics_port);
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/healthz").status, 200);
  EXPECT_EQ(client.Get("/metrics").status, 404) << "metrics on the public socket";

  HttpClient scraper("http://127.0.0.1:" + std::to_string(metrics_port));
  const auto metrics = scraper.Get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(metrics.body.find(
                "cercle_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 1"),
            std::string::npos)
      << metrics.body;
  EXPECT_EQ(scraper.Get("/healthz").status, 404) << "the metrics listener serves metrics alone";
  EXPECT_EQ(scraper.Get("/login").status, 404);
}

TEST(Metrics, AreServedNowhereByDefault) {
  TestServer server;
  HttpClient client(server.base_url());
  EXPECT_EQ(client.Get("/metrics").status, 404);
}

}  // namespace
}  // namespace cercle::testing
