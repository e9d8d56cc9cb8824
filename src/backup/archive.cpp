#include "backup/archive.hpp"
#include "config/secrets.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace cercle::backup {
namespace {

constexpr std::string_view kMagic = "CERCLEBK";
constexpr unsigned char kFormat = 1;
constexpr std::size_t kCheckBytes = 32;
constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
// The plain header: magic, format, key check.
constexpr std::size_t kPlainHeaderBytes = kMagic.size() + 1 + kCheckBytes;
constexpr std::size_t kHeaderBytes = kPlainHeaderBytes + kStreamHeaderBytes;
constexpr std::size_t kLengthBytes = 4;
constexpr std::size_t kPayloadBytes = kRecordBytes - kLengthBytes;
constexpr std::size_t kSealedBytes = kRecordBytes + crypto_secretstream_xchacha20poly1305_ABYTES;
// The fixed text whose keyed hash is the key check.
constexpr std::string_view kCheckText = "cercle backup key check";
// The longest part name: "documents/" and a storage name.
constexpr std::size_t kMaxNameBytes = 255;

void PutLittleEndian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t GetLittleEndian(const unsigned char* in, int bytes) {
  std::uint64_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | in[i];
  return value;
}

Error Failed(const char* message) { return Error::Invalid(message); }

Error CannotWrite() { return Error::Invalid(N_("Cannot write the backup archive.")); }

// A part name the archive may hold; anything else cannot come from Cercle.
bool IsPartName(const std::string& name) {
  if (name == "manifest.json" || name == "database.sqlite" || name == "database.pgdump")
    return true;
  if (!name.starts_with("documents/")) return false;
  const std::string file = name.substr(10);
  return file.size() == 36 && file.ends_with(".enc") &&
         file.find_first_not_of("0123456789abcdef") == 32;
}

// The plain stream of an archive, read record by record.
class PlainReader {
 public:
  PlainReader(std::ifstream& in, std::uintmax_t size, const config::Key& key,
              const unsigned char* plain_header, const unsigned char* stream_header)
      : in_(in), left_(size), key_(key), plain_header_(plain_header) {
    ready_ =
        crypto_secretstream_xchacha20poly1305_init_pull(&state_, stream_header, key_.data()) == 0;
  }

  // Fills `out` with `size` bytes of the stream; an error when the archive ends first or fails
  // its authentication.
  Status Read(void* out, std::size_t size) {
    auto* target = static_cast<unsigned char*>(out);
    while (size > 0) {
      if (position_ == record_.size()) {
        if (final_) return Failed(kAltered);  // the stream says it ended: its parts do not
        TRY(Next());
        continue;
      }
      const std::size_t take = std::min(size, record_.size() - position_);
      std::memcpy(target, record_.data() + position_, take);
      position_ += take;
      target += take;
      size -= take;
    }
    return {};
  }

  // True when the stream has ended (its FINAL record is read and used up).
  Result<bool> AtEnd() {
    while (position_ == record_.size()) {
      if (final_) return true;
      TRY(Next());
    }
    return false;
  }

 private:
  Status Next() {
    if (!ready_) return Failed(kAltered);
    if (left_ == 0) return Failed(kTruncated);
    if (left_ < kSealedBytes) return Failed(kTruncated);
    std::vector<unsigned char> sealed(kSealedBytes);
    if (!in_.read(reinterpret_cast<char*>(sealed.data()), kSealedBytes)) return Failed(kTruncated);
    left_ -= kSealedBytes;
    std::vector<unsigned char> plain(kRecordBytes);
    unsigned long long plain_size = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state_, plain.data(), &plain_size, &tag, sealed.data(), sealed.size(),
            first_ ? plain_header_ : nullptr, first_ ? kPlainHeaderBytes : 0) != 0 ||
        plain_size != kRecordBytes) {
      return Failed(kAltered);
    }
    first_ = false;
    const std::uint64_t length = GetLittleEndian(plain.data(), kLengthBytes);
    if (length > kPayloadBytes) return Failed(kAltered);
    record_.assign(plain.begin() + kLengthBytes, plain.begin() + kLengthBytes + length);
    position_ = 0;
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      final_ = true;
      // Bytes after the FINAL record were added.
      if (left_ != 0) return Failed(kAltered);
    }
    return {};
  }

  std::ifstream& in_;
  std::uintmax_t left_;
  const config::Key& key_;
  const unsigned char* plain_header_;
  crypto_secretstream_xchacha20poly1305_state state_{};
  bool ready_ = false;
  bool first_ = true;
  bool final_ = false;
  std::vector<unsigned char> record_;
  std::size_t position_ = 0;
};

// Reads one part's bytes from `reader` into the file `path`, hashing them.
Result<std::string> ReadPart(PlainReader& reader, std::uint64_t size, const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (descriptor < 0) return Error::Invalid(N_("Cannot write in the scratch folder."));
  crypto_hash_sha256_state hash;
  crypto_hash_sha256_init(&hash);
  std::vector<unsigned char> buffer(kRecordBytes);
  Status status;
  while (size > 0 && status) {
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(size, buffer.size()));
    status = reader.Read(buffer.data(), take);
    if (!status) break;
    crypto_hash_sha256_update(&hash, buffer.data(), take);
    if (::write(descriptor, buffer.data(), take) != static_cast<ssize_t>(take))
      status = Error::Invalid(N_("Cannot write in the scratch folder."));
    size -= take;
  }
  ::close(descriptor);
  if (!status) return std::move(status).error();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash, digest);
  return config::ToHex(digest, sizeof digest);
}

}  // namespace

BackupKeys DeriveBackupKeys(const config::Secrets& secrets) {
  BackupKeys keys;
  const char context[crypto_kdf_CONTEXTBYTES] = {'b', 'a', 'c', 'k', 'u', 'p', '\0', '\0'};
  crypto_kdf_derive_from_key(keys.encryption.data(), keys.encryption.size(), 1, context,
                             secrets.file_key.data());
  config::Key check_key{};
  crypto_kdf_derive_from_key(check_key.data(), check_key.size(), 2, context,
                             secrets.file_key.data());
  crypto_generichash(keys.check.data(), keys.check.size(),
                     reinterpret_cast<const unsigned char*>(kCheckText.data()), kCheckText.size(),
                     check_key.data(), check_key.size());
  sodium_memzero(check_key.data(), check_key.size());
  return keys;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return config::ToHex(digest, sizeof digest);
}

Result<std::unique_ptr<ArchiveWriter>> ArchiveWriter::Open(const std::string& path,
                                                           const config::Secrets& secrets) {
  // Created readable by its owner only, before a byte is written.
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (descriptor < 0) return CannotWrite();
  ::close(descriptor);
  auto writer = std::unique_ptr<ArchiveWriter>(new ArchiveWriter());
  writer->path_ = path;
  writer->out_.open(path, std::ios::binary | std::ios::trunc);
  if (!writer->out_) return CannotWrite();
  const BackupKeys keys = DeriveBackupKeys(secrets);
  writer->header_.assign(kMagic.begin(), kMagic.end());
  writer->header_.push_back(kFormat);
  writer->header_.insert(writer->header_.end(), keys.check.begin(), keys.check.end());
  unsigned char stream_header[kStreamHeaderBytes];
  crypto_secretstream_xchacha20poly1305_init_push(&writer->state_, stream_header,
                                                  keys.encryption.data());
  writer->out_.write(reinterpret_cast<const char*>(writer->header_.data()),
                     static_cast<std::streamsize>(writer->header_.size()));
  writer->out_.write(reinterpret_cast<const char*>(stream_header), sizeof stream_header);
  if (!writer->out_) return CannotWrite();
  return writer;
}

ArchiveWriter::~ArchiveWriter() { sodium_memzero(&state_, sizeof state_); }

Status ArchiveWriter::Seal(bool final) {
  const std::size_t length = std::min(pending_.size(), kPayloadBytes);
  std::string plain;
  plain.reserve(kRecordBytes);
  PutLittleEndian(plain, length, kLengthBytes);
  plain.append(pending_, 0, length);
  plain.resize(kRecordBytes, '\0');
  pending_.erase(0, length);
  std::vector<unsigned char> sealed(kSealedBytes);
  unsigned long long sealed_size = 0;
  crypto_secretstream_xchacha20poly1305_push(
      &state_, sealed.data(), &sealed_size, reinterpret_cast<const unsigned char*>(plain.data()),
      plain.size(), first_ ? header_.data() : nullptr, first_ ? header_.size() : 0,
      final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
  first_ = false;
  sodium_memzero(plain.data(), plain.size());
  out_.write(reinterpret_cast<const char*>(sealed.data()),
             static_cast<std::streamsize>(sealed_size));
  if (!out_) return CannotWrite();
  return {};
}

Status ArchiveWriter::Write(std::string_view bytes) {
  pending_.append(bytes);
  // A full record is sealed only once more bytes follow, so that the last one can carry FINAL.
  while (pending_.size() > kPayloadBytes) TRY(Seal(false));
  return {};
}

Result<std::string> ArchiveWriter::AddBytes(const std::string& name, std::string_view bytes) {
  std::string head;
  PutLittleEndian(head, name.size(), 2);
  head += name;
  PutLittleEndian(head, bytes.size(), 8);
  TRY(Write(head));
  TRY(Write(bytes));
  return Sha256Hex(bytes);
}

Result<std::string> ArchiveWriter::AddFile(const std::string& name, const std::string& file) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  std::ifstream in(file, std::ios::binary);
  if (error || !in) return Error::Invalid(N_("Cannot read {file}."), {{"file", file}});
  std::string head;
  PutLittleEndian(head, name.size(), 2);
  head += name;
  PutLittleEndian(head, size, 8);
  TRY(Write(head));
  crypto_hash_sha256_state hash;
  crypto_hash_sha256_init(&hash);
  std::string buffer(kRecordBytes, '\0');
  std::uintmax_t left = size;
  while (left > 0) {
    const auto take = static_cast<std::size_t>(std::min<std::uintmax_t>(left, buffer.size()));
    if (!in.read(buffer.data(), static_cast<std::streamsize>(take)))
      return Error::Invalid(N_("Cannot read {file}."), {{"file", file}});
    crypto_hash_sha256_update(&hash, reinterpret_cast<const unsigned char*>(buffer.data()), take);
    TRY(Write(std::string_view(buffer.data(), take)));
    left -= take;
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash, digest);
  return config::ToHex(digest, sizeof digest);
}

Status ArchiveWriter::Finish() {
  TRY(Seal(true));
  out_.flush();
  if (!out_) return CannotWrite();
  out_.close();
  const int descriptor = ::open(path_.c_str(), O_RDONLY);
  if (descriptor < 0) return CannotWrite();
  const bool synced = ::fsync(descriptor) == 0;
  ::close(descriptor);
  if (!synced) return CannotWrite();
  return {};
}

Result<std::vector<ExtractedPart>> ExtractArchive(const std::string& path,
                                                  const config::Secrets& secrets,
                                                  const std::string& folder) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  std::ifstream in(path, std::ios::binary);
  if (error || !in) return Error::Invalid(N_("Cannot read the archive {file}."), {{"file", path}});
  unsigned char header[kHeaderBytes] = {};
  in.read(reinterpret_cast<char*>(header), static_cast<std::streamsize>(kHeaderBytes));
  const auto got = static_cast<std::size_t>(in.gcount());
  // A file too short for its magic is a cut archive only when what it holds is the magic's start.
  if (got < kMagic.size()) {
    if (got > 0 && std::memcmp(header, kMagic.data(), got) == 0) return Failed(kTruncated);
    return Failed(kNotAnArchive);
  }
  if (std::memcmp(header, kMagic.data(), kMagic.size()) != 0) return Failed(kNotAnArchive);
  if (got < kMagic.size() + 1) return Failed(kTruncated);
  if (header[kMagic.size()] != kFormat) return Failed(kUnknownFormat);
  if (got < kHeaderBytes) return Failed(kTruncated);
  const BackupKeys keys = DeriveBackupKeys(secrets);
  if (sodium_memcmp(header + kMagic.size() + 1, keys.check.data(), kCheckBytes) != 0)
    return Failed(kWrongKey);

  PlainReader reader(in, size - kHeaderBytes, keys.encryption, header, header + kPlainHeaderBytes);
  std::filesystem::create_directories(std::filesystem::path(folder) / "documents", error);
  if (error) return Error::Invalid(N_("Cannot write in the scratch folder."));
  std::vector<ExtractedPart> parts;
  while (!TRY(reader.AtEnd())) {
    unsigned char length[2];
    TRY(reader.Read(length, sizeof length));
    const auto name_size = static_cast<std::size_t>(GetLittleEndian(length, 2));
    if (name_size == 0 || name_size > kMaxNameBytes) return Failed(kAltered);
    std::string name(name_size, '\0');
    TRY(reader.Read(name.data(), name.size()));
    if (!IsPartName(name)) return Failed(kAltered);
    unsigned char part_size[8];
    TRY(reader.Read(part_size, sizeof part_size));
    ExtractedPart part;
    part.name = name;
    part.bytes = GetLittleEndian(part_size, 8);
    part.path = (std::filesystem::path(folder) / name).string();
    part.sha256 = TRY(ReadPart(reader, part.bytes, part.path));
    parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace cercle::backup
