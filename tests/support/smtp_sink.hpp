#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace cercle::testing {

// One message as the test SMTP server received it.
struct ReceivedMail {
  // The SMTP envelope: MAIL FROM and RCPT TO (comma-separated when there are several).
  std::string envelope_from;
  std::string envelope_to;
  // The From and To headers, as written.
  std::string from;
  std::string to;
  // The Subject header, decoded from RFC 2047 encoded words.
  std::string subject;
  // The body, decoded from its transfer encoding (base64 or none), with "\n" line breaks.
  std::string body;
  // Every header (the first of each name), by lower-case name, unfolded but not decoded.
  std::map<std::string, std::string> headers;
  // The message as received, with CRLF line breaks (without the envelope).
  std::string raw;
};

// A real SMTP server on a loopback port (tests/support/smtp_sink.py, run with /usr/bin/python3 and
// Debian's python3-aiosmtpd) that accepts every message and keeps it in a temporary folder. The
// constructor returns once the port answers; the destructor kills the server and removes the
// folder. The server also dies with the thread that created the sink, even when the test process
// crashes.
class SmtpSink {
 public:
  SmtpSink() : SmtpSink(std::chrono::milliseconds(0)) {}
  // A sink that waits `hold_reply` after keeping each message before it answers "250 OK".
  explicit SmtpSink(std::chrono::milliseconds hold_reply);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  // The port the server listens on, on 127.0.0.1.
  int port() const { return port_; }
  // "smtp://127.0.0.1:PORT", for mail.smtp_url.
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // Every message received so far, oldest first.
  std::vector<ReceivedMail> Received() const;
  // Waits until at least `count` messages have arrived or `timeout` passes, then returns every
  // message received (possibly fewer than `count`, or more).
  std::vector<ReceivedMail> WaitFor(std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  std::string folder_;
  int port_ = 0;
  pid_t process_ = -1;
};

// Parses one received message file: the envelope headers the sink adds, then the message.
ReceivedMail ParseReceivedMail(const std::string& file_content);

// Decodes the RFC 2047 encoded words (UTF-8, B or Q encoding) in a header value.
std::string DecodeHeaderWords(const std::string& value);

}  // namespace cercle::testing
