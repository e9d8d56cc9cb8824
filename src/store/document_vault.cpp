#include "store/document_vault.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace cercle::store {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kNameBytes = 16;

bool IsStorageName(const std::string& name) {
  return name.size() == kNameBytes * 2 + 4 && name.ends_with(".enc") &&
         name.find_first_not_of("0123456789abcdef") == kNameBytes * 2;
}

}  // namespace

DocumentVault::DocumentVault(std::string folder, const config::Key& file_key)
    : folder_(std::move(folder)) {
  char context[crypto_kdf_CONTEXTBYTES] = {'d', 'o', 'c', 'u', 'm', 'e', 'n', 't'};
  crypto_kdf_derive_from_key(key_.data(), key_.size(), 2, context, file_key.data());
}

std::string DocumentVault::PathOf(const std::string& storage_name) const {
  return folder_ + "/" + storage_name;
}

std::string DocumentVault::Put(std::string_view bytes) const {
  if (!std::filesystem::exists(folder_)) {
    std::filesystem::create_directories(folder_);
    ::chmod(folder_.c_str(), 0700);
  }
  unsigned char random[kNameBytes];
  randombytes_buf(random, sizeof random);
  char hex[kNameBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  const std::string name = std::string(hex) + ".enc";

  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(&state, header, key_.data());
  std::string sealed(reinterpret_cast<const char*>(header), sizeof header);
  std::vector<unsigned char> chunk(kChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES);
  std::size_t offset = 0;
  do {
    const std::size_t length = std::min(kChunkBytes, bytes.size() - offset);
    const bool last = offset + length >= bytes.size();
    unsigned long long written = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state, chunk.data(), &written,
        reinterpret_cast<const unsigned char*>(bytes.data()) + offset, length, nullptr, 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    sealed.append(reinterpret_cast<const char*>(chunk.data()), written);
    offset += length;
  } while (offset < bytes.size());

  const std::string path = PathOf(name);
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (descriptor < 0) throw std::runtime_error("cannot create a document file");
  const bool complete =
      ::write(descriptor, sealed.data(), sealed.size()) == static_cast<ssize_t>(sealed.size());
  ::fsync(descriptor);
  ::close(descriptor);
  if (!complete) {
    ::unlink(path.c_str());
    throw std::runtime_error("cannot write a document file");
  }
  return name;
}

std::optional<std::string> DocumentVault::Get(const std::string& storage_name) const {
  if (!IsStorageName(storage_name)) return std::nullopt;
  std::ifstream in(PathOf(storage_name), std::ios::binary);
  if (!in) return std::nullopt;
  const std::string sealed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (sealed.size() < crypto_secretstream_xchacha20poly1305_HEADERBYTES) return std::nullopt;
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(
          &state, reinterpret_cast<const unsigned char*>(sealed.data()), key_.data()) != 0) {
    return std::nullopt;
  }
  std::string plain;
  std::vector<unsigned char> chunk(kChunkBytes);
  std::size_t offset = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
  unsigned char tag = 0;
  while (offset < sealed.size()) {
    const std::size_t length = std::min(kChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES,
                                        sealed.size() - offset);
    unsigned long long read = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state, chunk.data(), &read, &tag,
            reinterpret_cast<const unsigned char*>(sealed.data()) + offset, length, nullptr,
            0) != 0) {
      return std::nullopt;
    }
    plain.append(reinterpret_cast<const char*>(chunk.data()), read);
    offset += length;
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) break;
  }
  // A file cut short lacks its final chunk; one with bytes after it was tampered with.
  if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL || offset != sealed.size())
    return std::nullopt;
  return plain;
}

void DocumentVault::Remove(const std::string& storage_name) const {
  if (IsStorageName(storage_name)) ::unlink(PathOf(storage_name).c_str());
}

}  // namespace cercle::store
