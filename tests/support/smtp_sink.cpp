#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

// Debian's interpreter, which has python3-aiosmtpd (a python3 earlier on PATH may not).
constexpr const char* kPython = "/usr/bin/python3";
constexpr std::chrono::seconds kStartTimeout{30};
constexpr std::chrono::milliseconds kPollInterval{20};

bool PortAnswers(int port) {
  const int descriptor = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (descriptor < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  const bool connected =
      ::connect(descriptor, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(descriptor);
  return connected;
}

void KillAndReap(pid_t process) {
  ::kill(process, SIGKILL);
  int status = 0;
  while (::waitpid(process, &status, 0) < 0 && errno == EINTR) {
  }
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string WithLineFeeds(const std::string& text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    result += text[i];
  }
  return result;
}

std::string DecodeBase64(const std::string& text) {
  std::string bytes(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                        text.size(), " \t\r\n", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw std::runtime_error("received mail: invalid base64");
  }
  bytes.resize(length);
  return bytes;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// RFC 2047 "Q" encoding: "_" is a space and "=XX" a byte.
std::string DecodeQuoted(const std::string& text) {
  std::string bytes;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      bytes += ' ';
    } else if (text[i] == '=' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      bytes += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      bytes += text[i];
    }
  }
  return bytes;
}

}  // namespace

std::string DecodeHeaderWords(const std::string& value) {
  std::string decoded;
  std::string pending_space;  // dropped when it only separates two encoded words
  bool after_word = false;
  std::size_t at = 0;
  while (at < value.size()) {
    const auto start = value.find("=?", at);
    if (start == std::string::npos) {
      decoded += value.substr(at);
      break;
    }
    const auto charset_end = value.find('?', start + 2);
    const auto encoding_end =
        charset_end == std::string::npos ? std::string::npos : value.find('?', charset_end + 1);
    const auto end =
        encoding_end == std::string::npos ? std::string::npos : value.find("?=", encoding_end + 1);
    if (end == std::string::npos || encoding_end != charset_end + 2) {
      decoded += value.substr(at);
      break;
    }
    const std::string between = value.substr(at, start - at);
    const bool only_space = between.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!(after_word && only_space)) decoded += between;
    const char encoding =
        static_cast<char>(std::toupper(static_cast<unsigned char>(value[charset_end + 1])));
    const std::string text = value.substr(encoding_end + 1, end - encoding_end - 1);
    decoded += encoding == 'B' ? DecodeBase64(text) : DecodeQuoted(text);
    after_word = true;
    at = end + 2;
  }
  return decoded;
}

ReceivedMail ParseReceivedMail(const std::string& file_content) {
  ReceivedMail mail;
  const auto separator = file_content.find("\r\n\r\n");
  const std::string head =
      separator == std::string::npos ? file_content : file_content.substr(0, separator);
  const std::string body = separator == std::string::npos ? "" : file_content.substr(separator + 4);

  // Unfold the header lines: a line that starts with white space continues the previous one.
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at <= head.size()) {
    auto end = head.find("\r\n", at);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(at, end - at);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !lines.empty()) {
      lines.back() += line;
    } else if (!line.empty()) {
      lines.push_back(line);
    }
    at = end + 2;
  }
  std::size_t envelope_bytes = 0;
  for (const auto& line : lines) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string name = Lower(line.substr(0, colon));
    const std::string value = Trim(line.substr(colon + 1));
    if (name == "x-envelope-from") {
      mail.envelope_from = value;
      envelope_bytes += line.size() + 2;
    } else if (name == "x-envelope-to") {
      mail.envelope_to = value;
      envelope_bytes += line.size() + 2;
    } else {
      mail.headers.emplace(name, value);
    }
  }
  mail.raw = file_content.substr(std::min(envelope_bytes, file_content.size()));
  const auto header = [&](const std::string& name) {
    const auto found = mail.headers.find(name);
    return found == mail.headers.end() ? std::string() : found->second;
  };
  mail.from = header("from");
  mail.to = header("to");
  mail.subject = DecodeHeaderWords(header("subject"));
  const std::string encoding = Lower(header("content-transfer-encoding"));
  mail.body = WithLineFeeds(encoding == "base64" ? DecodeBase64(body) : body);
  return mail;
}

SmtpSink::SmtpSink(std::chrono::milliseconds hold_reply)
    : folder_(MakeTemporaryFolder()), port_(FreePort()) {
  const std::string script = std::string(CERCLE_SOURCE_DIR) + "/tests/support/smtp_sink.py";
  std::vector<std::string> arguments = {kPython,    script, "--port", std::to_string(port_),
                                        "--folder", folder_};
  if (hold_reply.count() > 0) {
    arguments.push_back("--hold-seconds");
    arguments.push_back(std::to_string(static_cast<double>(hold_reply.count()) / 1000.0));
  }
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);

  const pid_t parent = ::getpid();
  process_ = ::fork();
  if (process_ < 0) {
    std::filesystem::remove_all(folder_);
    throw std::runtime_error("smtp sink: fork failed");
  }
  if (process_ == 0) {
    // Only async-signal-safe calls until execv. The kernel kills the sink when the thread that
    // forked it ends, crash included; the getppid check covers a parent that died before prctl.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    // The test's database connections and sockets are not the sink's business.
    ::close_range(3, ~0U, 0);
    ::execv(kPython, argv.data());
    ::_exit(127);
  }

  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  for (;;) {
    int status = 0;
    if (::waitpid(process_, &status, WNOHANG) == process_) {
      process_ = -1;
      std::filesystem::remove_all(folder_);
      throw std::runtime_error(
          "smtp sink: smtp_sink.py exited at start (it needs /usr/bin/python3 with "
          "python3-aiosmtpd)");
    }
    if (PortAnswers(port_)) return;
    if (std::chrono::steady_clock::now() > deadline) {
      KillAndReap(process_);
      process_ = -1;
      std::filesystem::remove_all(folder_);
      throw std::runtime_error("smtp sink: the server did not open its port");
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

SmtpSink::~SmtpSink() {
  if (process_ > 0) KillAndReap(process_);
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::vector<ReceivedMail> SmtpSink::Received() const {
  // Files are named 1.eml, 2.eml… in arrival order; temporary files start with a dot.
  std::vector<std::pair<long, std::filesystem::path>> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
    const auto name = entry.path().filename().string();
    if (!name.ends_with(".eml") || name.starts_with(".")) continue;
    files.emplace_back(std::stol(name.substr(0, name.size() - 4)), entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<ReceivedMail> mails;
  for (const auto& [number, path] : files) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    mails.push_back(ParseReceivedMail(content.str()));
  }
  return mails;
}

std::vector<ReceivedMail> SmtpSink::WaitFor(std::size_t count,
                                            std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto mails = Received();
    if (mails.size() >= count || std::chrono::steady_clock::now() >= deadline) return mails;
    std::this_thread::sleep_for(kPollInterval);
  }
}

}  // namespace cercle::testing
