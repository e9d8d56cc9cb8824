#include "auth/totp.hpp"

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "base/text.hpp"

namespace cercle::auth {
namespace totp {
namespace {

constexpr std::size_t kSecretBytes = 20;
constexpr std::size_t kDriftSteps = 1;

void EnsureOath() {
  static const int started = oath_init();
  if (started != OATH_OK) throw std::runtime_error("liboath cannot start");
}

}  // namespace

std::string NewSecret() {
  std::string secret(kSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string Base32(std::string_view secret) {
  EnsureOath();
  char* out = nullptr;
  std::size_t length = 0;
  if (oath_base32_encode(secret.data(), secret.size(), &out, &length) != OATH_OK) {
    throw std::runtime_error("base32 encoding failed");
  }
  std::string encoded(out, length);
  std::free(out);
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  return encoded;
}

std::string ProvisioningUri(std::string_view issuer, std::string_view account,
                            std::string_view secret) {
  const std::string label = PercentEncode(issuer) + ":" + PercentEncode(account);
  return "otpauth://totp/" + label + "?secret=" + Base32(secret) +
         "&issuer=" + PercentEncode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

std::string CodeAt(std::string_view secret, Instant now) {
  EnsureOath();
  char code[kDigits + 1] = {};
  if (oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(ToUnix(now)),
                         kStepSeconds, OATH_TOTP_DEFAULT_START_TIME, kDigits, code) != OATH_OK) {
    throw std::runtime_error("TOTP generation failed");
  }
  return code;
}

std::optional<std::int64_t> Verify(std::string_view secret, std::string_view code, Instant now,
                                   std::int64_t last_used_step) {
  EnsureOath();
  if (code.size() != kDigits || code.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string terminated(code);
  int position = 0;
  std::uint64_t step = 0;
  const int result = oath_totp_validate3(
      secret.data(), secret.size(), static_cast<time_t>(ToUnix(now)), kStepSeconds,
      OATH_TOTP_DEFAULT_START_TIME, kDriftSteps, &position, &step, terminated.c_str());
  if (result < 0) return std::nullopt;
  if (static_cast<std::int64_t>(step) <= last_used_step) return std::nullopt;
  return static_cast<std::int64_t>(step);
}

}  // namespace totp

std::string QrCodeSvg(std::string_view text, std::string_view title) {
  const std::string terminated(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) throw std::runtime_error("QR encoding failed");
  constexpr int kQuiet = 4;
  const int size = code->width + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      if (code->data[y * code->width + x] & 1) {
        path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
      }
    }
  }
  std::string escaped_title;
  for (const char c : title) {
    if (c == '<')
      escaped_title += "&lt;";
    else if (c == '&')
      escaped_title += "&amp;";
    else
      escaped_title += c;
  }
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
         std::to_string(size) +
         "\" role=\"img\" aria-labelledby=\"qr-title\" class=\"qr-code\" "
         "shape-rendering=\"crispEdges\"><title id=\"qr-title\">" +
         escaped_title +
         "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" +
         path + "\"/></svg>";
}

}  // namespace cercle::auth
