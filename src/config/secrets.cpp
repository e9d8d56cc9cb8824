#include "config/secrets.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <toml++/toml.h>
#include <filesystem>
#include <fstream>
#include <vector>

namespace cercle::config {
namespace {

constexpr const char* kKeyNames[] = {"session_key", "audit_key", "file_key"};

Result<Key> ParseKey(const toml::table& table, const std::string& name, const std::string& path) {
  const auto hex = table[name].value<std::string>();
  Key key{};
  std::size_t length = 0;
  if (!hex ||
      sodium_hex2bin(key.data(), key.size(), hex->data(), hex->size(), nullptr, &length, nullptr) !=
          0 ||
      length != key.size()) {
    return Error::Invalid(N_("The key file {path} lacks a valid {key} (64 hexadecimal digits)."),
                          {{"path", path}, {"key", name}});
  }
  return key;
}

}  // namespace

std::string ToHex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

std::string RandomHex(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  return ToHex(raw.data(), raw.size());
}

Result<Secrets> LoadSecrets(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return Error::Invalid(N_("The key file {path} does not exist. Create it with `cercle keygen`."),
                          {{"path", path}});
  }
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return Error::Invalid(
        N_("The key file {path} is readable by other users. Restrict it with `chmod 600 {path}`."),
        {{"path", path}});
  }
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error&) {
    return Error::Invalid(N_("The key file {path} cannot be read."), {{"path", path}});
  }
  Secrets secrets;
  secrets.session_key = TRY(ParseKey(table, kKeyNames[0], path));
  secrets.audit_key = TRY(ParseKey(table, kKeyNames[1], path));
  secrets.file_key = TRY(ParseKey(table, kKeyNames[2], path));
  return secrets;
}

Status CreateKeyFile(const std::string& path) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  const std::filesystem::path file(path);
  std::error_code ignored;
  if (file.has_parent_path() && !std::filesystem::exists(file.parent_path())) {
    std::filesystem::create_directories(file.parent_path(), ignored);
    ::chmod(file.parent_path().c_str(), 0700);
  }
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (descriptor < 0) {
    return Error::Conflict(N_("The key file {path} exists already or cannot be created."),
                           {{"path", path}});
  }
  std::string text =
      "# Cercle secret keys. Keep this file outside the repository and back it up safely:\n"
      "# without file_key, stored documents and backups cannot be read.\n";
  for (const char* name : kKeyNames) {
    Key key{};
    randombytes_buf(key.data(), key.size());
    text += std::string(name) + " = \"" + ToHex(key.data(), key.size()) + "\"\n";
    sodium_memzero(key.data(), key.size());
  }
  const bool written =
      ::write(descriptor, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::fsync(descriptor);
  ::close(descriptor);
  sodium_memzero(text.data(), text.size());
  if (!written)
    return Error::Invalid(N_("The key file {path} cannot be written."), {{"path", path}});
  return {};
}

}  // namespace cercle::config
