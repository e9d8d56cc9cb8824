#pragma once

#include <memory>

#include "config/config.hpp"
#include "web/application.hpp"

namespace cercle::web {

// The HTTP server: RESTinio on I/O threads in front, the Application on a pool of worker threads
// behind it. It stops gracefully: no new connections, requests in flight answered, then exit.
class Server {
 public:
  Server(Application& application, const config::Config& config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Serves until SIGTERM or SIGINT, then shuts down gracefully. Returns the process exit code.
  int RunUntilSignalled();

  // Starts serving in background threads and returns once the port is open (for tests).
  void Start();
  // Stops gracefully: closes the listening socket, waits for requests in flight (up to the
  // configured grace period), then stops all threads.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cercle::web
