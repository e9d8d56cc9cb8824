#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "domain/documents.hpp"
#include "store/document_vault.hpp"
#include "support/test_database.hpp"
#include "web/multipart.hpp"

namespace cercle {
namespace {

TEST(DocumentType, ComesFromTheContentNotTheName) {
  EXPECT_EQ(domain::DetectDocumentType("%PDF-1.7\n...")->content_type, "application/pdf");
  EXPECT_EQ(domain::DetectDocumentType(std::string("\x89PNG\r\n\x1a\n....", 12))->extension, "png");
  EXPECT_EQ(domain::DetectDocumentType("\xFF\xD8\xFF\xE0....")->content_type, "image/jpeg");
  EXPECT_FALSE(domain::DetectDocumentType("<!doctype html><script>alert(1)</script>"));
  EXPECT_FALSE(domain::DetectDocumentType("MZ\x90\x00 executable"));
  EXPECT_FALSE(domain::DetectDocumentType(""));
}

TEST(DocumentFilename, RefusesPathTraversalAndControlCharacters) {
  EXPECT_TRUE(domain::CheckDocumentFilename("Jugement 2024-03.pdf"));
  EXPECT_TRUE(domain::CheckDocumentFilename("évaluation été.pdf"));
  for (const std::string& bad :
       std::vector<std::string>{"../../etc/passwd", "..\\boot.ini", "a/b.pdf", ".hidden.pdf", "",
                                "a\nb.pdf", std::string(201, 'a')}) {
    EXPECT_FALSE(domain::CheckDocumentFilename(bad)) << bad;
  }
}

TEST(Multipart, SplitsFieldsAndFiles) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nJugement\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"j.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\nbinary\r\n--XyZ--\r\n";
  const auto boundary = web::MultipartBoundary("multipart/form-data; boundary=XyZ");
  ASSERT_TRUE(boundary);
  const auto parsed = web::ParseMultipart(body, *boundary);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->fields.find("csrf")->second, "abc");
  EXPECT_EQ(parsed->fields.find("title")->second, "Jugement");
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].filename, "j.pdf");
  EXPECT_EQ(parsed->files[0].bytes, "%PDF-1.4\r\nbinary");
  EXPECT_FALSE(web::ParseMultipart("--XyZ\r\ngarbage", *boundary));
  EXPECT_FALSE(web::MultipartBoundary("application/x-www-form-urlencoded"));
}

class Vault : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    folder_ = testing::MakeTemporaryFolder();
    randombytes_buf(key_.data(), key_.size());
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  std::string folder_;
  config::Key key_{};
};

TEST_F(Vault, StoresEncryptedAndReturnsTheExactBytes) {
  const store::DocumentVault vault(folder_ + "/documents", key_);
  std::string bytes = "%PDF-1.7 confidential: Static-99R score 6, victim Jeanne Exemple ";
  for (int i = 0; i < 20000; ++i) bytes += static_cast<char>(i % 251);  // several chunks
  const auto name = vault.Put(bytes);
  EXPECT_EQ(vault.Get(name).value(), bytes);
  std::ifstream in(vault.PathOf(name), std::ios::binary);
  const std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(on_disk.find("confidential"), std::string::npos) << "plaintext on disk";
  EXPECT_EQ(on_disk.find("%PDF"), std::string::npos);
  EXPECT_EQ(std::filesystem::status(vault.PathOf(name)).permissions() &
                std::filesystem::perms::others_read,
            std::filesystem::perms::none);
}

TEST_F(Vault, RefusesTamperedTruncatedOrForeignFiles) {
  const store::DocumentVault vault(folder_, key_);
  const auto name = vault.Put("%PDF-1.7 hello");
  {
    std::fstream file(vault.PathOf(name), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(30);
    file.put('\x55');
  }
  EXPECT_FALSE(vault.Get(name));
  const auto second = vault.Put("%PDF-1.7 hello again");
  std::filesystem::resize_file(vault.PathOf(second),
                               std::filesystem::file_size(vault.PathOf(second)) - 3);
  EXPECT_FALSE(vault.Get(second));
  config::Key other{};
  randombytes_buf(other.data(), other.size());
  const auto third = vault.Put("%PDF-1.7 x");
  EXPECT_FALSE(store::DocumentVault(folder_, other).Get(third));
  EXPECT_FALSE(vault.Get("../../etc/passwd"));
}

}  // namespace
}  // namespace cercle
