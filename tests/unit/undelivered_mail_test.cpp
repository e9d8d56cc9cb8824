// What the administrators' mail page reads from the outbox's columns: a mail's state, and its
// failure's category from the reason the sender recorded.
#include "notify/undelivered_mail.hpp"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <string>

#include "notify/outbox.hpp"

namespace cercle::notify {
namespace {

constexpr Instant kNow{std::chrono::seconds(1796047200)};
const long long kNowSeconds = ToUnix(kNow);

// The reason the sender records for libcurl's `code`, with the SMTP reply `reply` when not 0.
std::string Reason(CURLcode code, int reply = 0) {
  std::string reason = curl_easy_strerror(code);
  if (reply != 0) reason += " (SMTP " + std::to_string(reply) + ")";
  return reason;
}

TEST(MailProblemOf, NamesTheCategoryOfLibcurlsErrorsAndSmtpReplies) {
  EXPECT_EQ(ProblemOf(""), MailProblem::kNone);
  EXPECT_EQ(ProblemOf(Reason(CURLE_COULDNT_CONNECT)), MailProblem::kUnreachable);
  EXPECT_EQ(ProblemOf(Reason(CURLE_COULDNT_RESOLVE_HOST)), MailProblem::kUnreachable);
  EXPECT_EQ(ProblemOf(Reason(CURLE_OPERATION_TIMEDOUT)), MailProblem::kTimeout);
  EXPECT_EQ(ProblemOf(Reason(CURLE_RECV_ERROR)), MailProblem::kConnectionLost);
  EXPECT_EQ(ProblemOf(Reason(CURLE_USE_SSL_FAILED)), MailProblem::kSecureConnection);
  EXPECT_EQ(ProblemOf(Reason(CURLE_PEER_FAILED_VERIFICATION)), MailProblem::kSecureConnection);
  EXPECT_EQ(ProblemOf(Reason(CURLE_LOGIN_DENIED, 535)), MailProblem::kSignIn);
  // A refused recipient or message: the reply code decides, whatever libcurl says of the exchange.
  EXPECT_EQ(ProblemOf(Reason(CURLE_SEND_ERROR, 550)), MailProblem::kRejected);
  EXPECT_EQ(ProblemOf(Reason(CURLE_RECV_ERROR, 554)), MailProblem::kRejected);
  EXPECT_EQ(ProblemOf(Reason(CURLE_SEND_ERROR, 451)), MailProblem::kDeferred);
  EXPECT_EQ(ProblemOf(Reason(CURLE_WRITE_ERROR)), MailProblem::kOther);
  EXPECT_EQ(ProblemOf("something no sender writes"), MailProblem::kOther);
}

TEST(MailProblemOf, ReadsTheOutboxsOwnReasonsAndUnconfirmedOnes) {
  EXPECT_EQ(ProblemOf(kNotPlainReason), MailProblem::kInvalidAddress);
  EXPECT_EQ(ProblemOf(kCurlStartReason), MailProblem::kOther);
  EXPECT_EQ(ProblemOf(std::string(kUnconfirmedPrefix) + std::string(kSenderStoppedReason)),
            MailProblem::kSenderStopped);
  EXPECT_EQ(ProblemOf(std::string(kUnconfirmedPrefix) + Reason(CURLE_OPERATION_TIMEDOUT)),
            MailProblem::kTimeout);
}

TEST(MailStateOf, FollowsTheOutboxsColumnsInOrder) {
  const std::string unconfirmed = std::string(kUnconfirmedPrefix) + "Timeout was reached";
  EXPECT_EQ(StateOf({}, kNow), MailState::kWaiting);
  EXPECT_EQ(StateOf({.attempts = 2, .last_error = "x"}, kNow), MailState::kRetrying);
  EXPECT_EQ(StateOf({.attempts = 2, .claimed_until = kNowSeconds + 60}, kNow), MailState::kSending);
  EXPECT_EQ(StateOf({.claimed_until = kNowSeconds}, kNow), MailState::kHeld);
  EXPECT_EQ(StateOf({.attempts = 8, .failed_at = kNowSeconds, .last_error = "x"}, kNow),
            MailState::kFailed);
  EXPECT_EQ(StateOf({.attempts = 1, .sent_at = kNowSeconds}, kNow), MailState::kSent);
  // A mail sent after a failed attempt keeps that attempt's reason: it is sent, not unconfirmed.
  EXPECT_EQ(
      StateOf({.attempts = 2, .sent_at = kNowSeconds, .last_error = "Timeout was reached"}, kNow),
      MailState::kSent);
  EXPECT_EQ(StateOf({.attempts = 1,
                     .sent_at = kNowSeconds,
                     .handed_at = kNowSeconds,
                     .last_error = unconfirmed},
                    kNow),
            MailState::kUnconfirmed);
}

TEST(MailStateOf, EveryStateTheListShowsHasALabel) {
  for (const auto state : {MailState::kFailed, MailState::kUnconfirmed, MailState::kHeld,
                           MailState::kSending, MailState::kRetrying}) {
    EXPECT_FALSE(domain::LabelOf(state).empty()) << domain::NameOf(state);
  }
  for (const auto problem : domain::EnumValues<MailProblem>()) {
    if (problem == MailProblem::kNone) continue;
    EXPECT_FALSE(domain::LabelOf(problem).empty()) << domain::NameOf(problem);
  }
}

}  // namespace
}  // namespace cercle::notify
