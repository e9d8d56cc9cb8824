#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/accounts/account_common.hpp"
#include "base/text.hpp"
#include "domain/documents.hpp"
#include "domain/intake_fields.hpp"
#include "web/input_check.hpp"

namespace cercle::web {
namespace {

Request FormPost(std::string body) {
  Request request;
  request.method = Method::kPost;
  request.path = "/circles";
  request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  request.body = std::move(body);
  return request;
}

Request MultipartPost(const std::string& disposition, const std::string& content) {
  Request request;
  request.method = Method::kPost;
  request.path = "/documents";
  request.headers = {{"content-type", "multipart/form-data; boundary=XyZ"}};
  request.body = "--XyZ\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n" + content +
                 "\r\n--XyZ--\r\n";
  return request;
}

TEST(IsValidUtf8, AcceptsWellFormedTextAndRefusesEveryMalformedForm) {
  EXPECT_TRUE(IsValidUtf8("Hélène Côté — 🙂 ㄱ"));
  EXPECT_TRUE(IsValidUtf8(""));
  const std::vector<std::string> malformed = {
      "\x80",  // a lone continuation byte
      "a\xBF"
      "b",                 // another one, inside text
      "\xC0\xAF",          // overlong '/'
      "\xC1\xBF",          // overlong
      "\xE0\x80\xAF",      // overlong '/' on three bytes
      "\xF0\x80\x80\xAF",  // overlong on four bytes
      "\xED\xA0\x80",      // a surrogate (U+D800)
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF5\x80\x80\x80",  // a lead byte that never occurs
      "\xFF",
      "\xC3",      // truncated
      "\xE2\x82",  // truncated
      "\xC3(",     // a lead byte followed by ASCII
  };
  for (const auto& text : malformed) {
    SCOPED_TRACE(testing::PrintToString(text));
    EXPECT_FALSE(IsValidUtf8(text));
  }
}

TEST(CharacterCount, CountsCharactersAsTheDatabaseDoes) {
  EXPECT_EQ(CharacterCount("Hélène"), 6u);
  EXPECT_EQ(CharacterCount("🙂"), 1u);
  EXPECT_EQ(CharacterCount(""), 0u);
}

TEST(FirstCharacters, NeverCutsACharacterInTwo) {
  EXPECT_EQ(FirstCharacters("Hélène", 2), "Hé");
  EXPECT_EQ(FirstCharacters("été", 10), "été");
  EXPECT_EQ(FirstCharacters("🙂🙂", 1), "🙂");
}

TEST(LengthLimits, CountCharactersNotBytes) {
  // 2,000 accented characters are 4,000 bytes: within a 2,000-character limit, as the database
  // counts.
  std::string accented;
  for (int i = 0; i < 2000; ++i) accented += "é";
  std::vector<FieldError> errors;
  domain::RequireText(errors, "reason", accented, domain::intake::kMaxReasonLength, "missing");
  domain::LimitText(errors, "reason", accented, domain::intake::kMaxReasonLength);
  EXPECT_TRUE(errors.empty());
  domain::LimitText(errors, "reason", accented + "é", domain::intake::kMaxReasonLength);
  EXPECT_EQ(errors.size(), 1u);
  std::string name;
  for (int i = 0; i < 120; ++i) name += "É";
  EXPECT_TRUE(app::accounts::CheckNameAndEmail(name, "nom@exemple.org"));
  EXPECT_FALSE(app::accounts::CheckNameAndEmail(name + "É", "nom@exemple.org"));
  std::string filename;
  for (int i = 0; i < 196; ++i) filename += "é";
  EXPECT_TRUE(domain::CheckDocumentFilename(filename + ".pdf"));
}

TEST(CheckInput, LetsOrdinaryFormsThrough) {
  EXPECT_FALSE(CheckInput(FormPost("name=H%C3%A9l%C3%A8ne&note=ligne+1%0D%0Aligne+2%09fin")));
  EXPECT_FALSE(CheckInput(MultipartPost("name=\"title\"", "Rapport d'été")));
  EXPECT_FALSE(CheckInput(
      MultipartPost("name=\"file\"; filename=\"été.pdf\"", std::string("%PDF\0\xff", 6))));
}

TEST(CheckInput, RefusesInvalidUtf8AndNulInEveryPartOfTheRequest) {
  struct Case {
    std::string description;
    Request request;
    InputPart part;
    InputFault fault;
  };
  Request path = FormPost("");
  path.path = "/circles/\xC0\xAF";
  Request path_nul = FormPost("");
  path_nul.path = std::string("/circles/\0", 10);
  Request query = FormPost("");
  query.query = "q=%FF";
  Request query_name = FormPost("");
  query_name.query = "%00=1";
  Request header = FormPost("");
  header.headers.emplace_back("user-agent", "agent\xFF");
  const std::vector<Case> cases = {
      {"an overlong path", path, InputPart::kPath, InputFault::kInvalidUtf8},
      {"a NUL in the path", path_nul, InputPart::kPath, InputFault::kControlCharacter},
      {"invalid UTF-8 in a query value", query, InputPart::kQuery, InputFault::kInvalidUtf8},
      {"a NUL in a query name", query_name, InputPart::kQuery, InputFault::kControlCharacter},
      {"invalid UTF-8 in a header", header, InputPart::kHeader, InputFault::kInvalidUtf8},
      {"a lone continuation byte in a value", FormPost("name=a%80b"), InputPart::kFormField,
       InputFault::kInvalidUtf8},
      {"an overlong form in a value", FormPost("name=%C0%BC"), InputPart::kFormField,
       InputFault::kInvalidUtf8},
      {"a surrogate in a value", FormPost("name=%ED%A0%80"), InputPart::kFormField,
       InputFault::kInvalidUtf8},
      {"a truncated sequence", FormPost("name=%E2%82"), InputPart::kFormField,
       InputFault::kInvalidUtf8},
      {"invalid UTF-8 in a field name", FormPost("n%FFme=x"), InputPart::kFormField,
       InputFault::kInvalidUtf8},
      {"a NUL in a value", FormPost("name=Jean%00Roy"), InputPart::kFormField,
       InputFault::kControlCharacter},
      {"a bell in a value", FormPost("name=%07"), InputPart::kFormField,
       InputFault::kControlCharacter},
      {"a line break in a field name", FormPost("na%0Ame=x"), InputPart::kFormField,
       InputFault::kControlCharacter},
      {"invalid UTF-8 in a multipart value", MultipartPost("name=\"title\"", "\xFF"),
       InputPart::kFormField, InputFault::kInvalidUtf8},
      {"a NUL in a multipart value", MultipartPost("name=\"title\"", std::string("a\0b", 3)),
       InputPart::kFormField, InputFault::kControlCharacter},
      {"invalid UTF-8 in a multipart name", MultipartPost("name=\"t\xFF\"", "x"),
       InputPart::kFormField, InputFault::kInvalidUtf8},
      {"invalid UTF-8 in a file name",
       MultipartPost("name=\"file\"; filename=\"a\xC0\xAF.pdf\"", "x"), InputPart::kFileName,
       InputFault::kInvalidUtf8},
      {"a TAB in a file name", MultipartPost("name=\"file\"; filename=\"a\t.pdf\"", "x"),
       InputPart::kFileName, InputFault::kControlCharacter},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.description);
    const auto refusal = CheckInput(test.request);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->part, test.part);
    EXPECT_EQ(refusal->fault, test.fault);
  }
}

}  // namespace
}  // namespace cercle::web
