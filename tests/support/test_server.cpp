#include "support/test_server.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include "config/secrets.hpp"
#include "web/http.hpp"

namespace cercle::testing {

namespace {

// Test output shows warnings and errors only; LogCapture sets its own level where a test reads the
// log.
class QuietLogs : public ::testing::Environment {
 public:
  void SetUp() override { spdlog::set_level(spdlog::level::warn); }
};
[[maybe_unused]] const auto* const kQuietLogs = ::testing::AddGlobalTestEnvironment(new QuietLogs);

}  // namespace

int FreePort() {
  const int descriptor = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ::bind(descriptor, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(descriptor, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(descriptor);
  return ntohs(address.sin_port);
}

namespace {

int Connect(int port) {
  const int descriptor = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (::connect(descriptor, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(descriptor);
    return -1;
  }
  return descriptor;
}

}  // namespace

void WaitForPort(int port) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    const int descriptor = Connect(port);
    if (descriptor >= 0) {
      ::close(descriptor);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error("the test server did not open its port");
}

TestServer::TestServer(Options options)
    : database_(std::make_unique<TestDatabase>(options.backend, options.postgres)),
      folder_(MakeTemporaryFolder()),
      clock_(std::make_shared<ManualClock>(kTestStart)) {
  config::Config config;
  config.database.url = database_->url();
  config.database.migrate_url = database_->owner_url();
  config.database.app_role = database_->app_role();
  config.database.pool_size = 4;
  config.secrets.key_file = folder_ + "/cercle.key";
  config.storage.documents_dir = folder_ + "/documents";
  config.server.port = port_ = FreePort();
  config.server.public_url = "http://127.0.0.1:" + std::to_string(port_);
  config.server.workers = 4;
  config.server.shutdown_grace_seconds = 5;
  config.log.level = "warn";
  // Scheduled backups are off unless a test turns them on (configure): each would copy the
  // database.
  config.backup.folder = "";
  // Reminders are off unless a test turns them on: each scheduler pass would mail them (on the test
  // clock's Monday, the weekly digest) beside the mail the test counts.
  config.scheduler.reminders = false;
  if (options.configure) options.configure(config);
  port_ = config.server.port;
  if (!config::CreateKeyFile(config.secrets.key_file))
    throw std::runtime_error("cannot create the key file");
  auto runtime = cli::Runtime::Create(config, clock_);
  if (!runtime) throw std::runtime_error("cannot start the runtime: " + runtime.error().message.id);
  runtime_ = std::move(runtime).value();
  if (!options.listen) return;
  server_ = std::make_unique<web::Server>(runtime_->application(), runtime_->config());
  server_->Start();
  WaitForPort(port_);
}

void TestServer::Stop() {
  if (server_) server_->Stop();
  server_.reset();
}

TestServer::~TestServer() {
  Stop();
  runtime_.reset();
  std::filesystem::remove_all(folder_);
}

std::string HttpResult::Header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? "" : found->second;
}

namespace {

size_t CollectBody(char* data, size_t size, size_t count, void* user) {
  static_cast<HttpResult*>(user)->body.append(data, size * count);
  return size * count;
}

size_t CollectHeader(char* data, size_t size, size_t count, void* user) {
  auto* result = static_cast<HttpResult*>(user);
  std::string line(data, size * count);
  if (line.starts_with("HTTP/")) {
    result->headers.clear();
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    result->headers.emplace(std::move(name), std::move(value));
  }
  return size * count;
}

}  // namespace

HttpClient::HttpClient(std::string base_url)
    : base_url_(std::move(base_url)), curl_(curl_easy_init()) {
  curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_COOKIEFILE, "");
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResult HttpClient::Get(const std::string& path,
                           const std::map<std::string, std::string>& headers) {
  return Perform("GET", path, nullptr, headers, "");
}

std::string HttpClient::CsrfToken(const std::string& path) {
  auto page = Get(path);
  // A page that sends the reader on (the home page lands each role on its own work) carries the
  // token where it lands.
  for (int hop = 0; hop < 3 && page.status == 303 && page.Header("location").starts_with("/");
       ++hop)
    page = Get(page.Header("location"));
  const std::string marker = "name=\"csrf\" value=\"";
  const auto at = page.body.find(marker);
  if (at == std::string::npos) throw std::runtime_error("no CSRF token on " + path);
  const auto start = at + marker.size();
  return page.body.substr(start, page.body.find('"', start) - start);
}

HttpResult HttpClient::PostForm(const std::string& path,
                                const std::vector<std::pair<std::string, std::string>>& fields,
                                const std::string& form_path) {
  std::string body = "csrf=" + CsrfToken(form_path);
  for (const auto& [name, value] : fields)
    body += "&" + web::PercentEncode(name) + "=" + web::PercentEncode(value);
  return Post(path, body);
}

HttpResult HttpClient::Post(const std::string& path, const std::string& body,
                            const std::map<std::string, std::string>& headers,
                            const std::string& content_type) {
  return Perform("POST", path, &body, headers, content_type);
}

void HttpClient::SetCookie(const std::string& name, const std::string& value) {
  // The Netscape cookie-file format: domain, subdomains, path, secure, expiry (0: session), name,
  // value.
  const std::string host = base_url_.substr(base_url_.find("//") + 2);
  const std::string line =
      host.substr(0, host.find(':')) + "\tFALSE\t/\tTRUE\t0\t" + name + "\t" + value;
  curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_COOKIELIST, line.c_str());
}

std::optional<std::string> HttpClient::Cookie(const std::string& name) const {
  curl_slist* cookies = nullptr;
  curl_easy_getinfo(static_cast<CURL*>(curl_), CURLINFO_COOKIELIST, &cookies);
  std::optional<std::string> found;
  for (const curl_slist* line = cookies; line; line = line->next) {
    std::vector<std::string> fields;
    std::string_view text = line->data;
    for (std::size_t start = 0;;) {
      const auto tab = text.find('\t', start);
      fields.emplace_back(
          text.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() == 7 && fields[5] == name) found = fields[6];
  }
  curl_slist_free_all(cookies);
  return found;
}

HttpResult HttpClient::Perform(const std::string& method, const std::string& path,
                               const std::string* body,
                               const std::map<std::string, std::string>& headers,
                               const std::string& content_type) {
  CURL* curl = static_cast<CURL*>(curl_);
  HttpResult result;
  const std::string url = base_url_ + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, CollectBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, CollectHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_slist* list = nullptr;
  for (const auto& [name, value] : headers)
    list = curl_slist_append(list, (name + ": " + value).c_str());
  if (body) {
    list = curl_slist_append(list, ("Content-Type: " + content_type).c_str());
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
  } else {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST,
                   method == "GET" || method == "POST" ? nullptr : method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(list);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  if (code != CURLE_OK)
    throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(code));
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  result.status = static_cast<int>(status);
  return result;
}

std::string RawExchange(int port, const std::string& bytes, std::chrono::milliseconds wait) {
  const int descriptor = Connect(port);
  if (descriptor < 0) throw std::runtime_error("cannot connect");
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t written =
        ::send(descriptor, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (written <= 0) break;  // the server may close early on an oversized request
    sent += static_cast<std::size_t>(written);
  }
  std::string received;
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd entry{descriptor, POLLIN, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (::poll(&entry, 1, static_cast<int>(std::max<long long>(1, left.count()))) <= 0) break;
    char buffer[4096];
    const ssize_t count = ::recv(descriptor, buffer, sizeof buffer, 0);
    if (count <= 0) break;
    received.append(buffer, static_cast<std::size_t>(count));
  }
  ::close(descriptor);
  return received;
}

int RawStatus(const std::string& response) {
  if (!response.starts_with("HTTP/1.1 ") || response.size() < 12) return 0;
  return std::stoi(response.substr(9, 3));
}

}  // namespace cercle::testing
