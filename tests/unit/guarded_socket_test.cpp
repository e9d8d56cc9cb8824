#include <gtest/gtest.h>

#include "web/guarded_socket.hpp"

namespace cercle::web {
namespace {

GuardState Pending(std::string head, bool in_read_handler) {
  GuardState state;
  state.pending_bytes = head.size();
  state.head = std::move(head);
  state.in_read_handler = in_read_handler;
  return state;
}

const GuardLimits kLimits{100, 1000};

TEST(GuardedSocket, IdleConnectionsCloseSilently) {
  EXPECT_EQ(StatusForClose(GuardState{}, kLimits), 0);
}

TEST(GuardedSocket, ATimerCloseWithARequestPendingIs408) {
  EXPECT_EQ(StatusForClose(Pending("GET / HTTP/1.1\r\nHost: x\r\n", false), kLimits), 408);
}

TEST(GuardedSocket, AParseErrorIs400) {
  EXPECT_EQ(StatusForClose(Pending("GARBAGE\r\n\r\n", true), kLimits), 400);
}

TEST(GuardedSocket, AnOverlongRequestLineIs414) {
  EXPECT_EQ(StatusForClose(Pending("GET /" + std::string(200, 'a'), true), kLimits), 414);
}

TEST(GuardedSocket, OverlongHeadersAre431) {
  EXPECT_EQ(StatusForClose(Pending("GET / HTTP/1.1\r\nX: " + std::string(200, 'a'), true), kLimits),
            431);
}

TEST(GuardedSocket, ABodyOverTheHardLimitIs413) {
  EXPECT_EQ(
      StatusForClose(Pending("POST / HTTP/1.1\r\nContent-Length: 5000\r\n\r\n", true), kLimits),
      413);
  EXPECT_EQ(StatusForClose(Pending("POST / HTTP/1.1\r\nContent-Length: 50\r\n\r\n", true), kLimits),
            400);
}

TEST(GuardedSocket, CannedResponsesAreCompleteHttp) {
  const std::string response = CannedResponse(408);
  EXPECT_TRUE(response.starts_with("HTTP/1.1 408 Request Timeout\r\n"));
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  const auto body = response.substr(response.find("\r\n\r\n") + 4);
  EXPECT_NE(response.find("Content-Length: " + std::to_string(body.size())), std::string::npos);
  EXPECT_NE(body.find("La requête a pris trop de temps."), std::string::npos);
}

TEST(GuardedSocket, ARequestLineWithoutAnHttpVersionIsRefused) {
  EXPECT_TRUE(LacksHttpVersion("GET /\r\n"));
  EXPECT_TRUE(LacksHttpVersion("GET /healthz\n\r\n"));
  EXPECT_TRUE(LacksHttpVersion("\r\nGET / FTP/1.0\r\n"));
  EXPECT_FALSE(LacksHttpVersion("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_FALSE(LacksHttpVersion("\r\nGET / HTTP/1.0\r\n"));
  EXPECT_FALSE(LacksHttpVersion("GET /")) << "the line is not complete yet";
}

}  // namespace
}  // namespace cercle::web
