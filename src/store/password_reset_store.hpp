#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace cercle::store {

// A password-reset request the scheduler has not looked at yet.
struct PendingResetRequest {
  std::int64_t id = 0;
  std::string email;  // normalised
  std::string client_address;
};

// The queue of password-reset requests and the hour of requests the throttle counts, within the
// caller's (system-scope) transaction.
class PasswordResetRequestStore {
 public:
  explicit PasswordResetRequestStore(soci::session& session) : session_(session) {}

  // How many requests for the address whose keyed hash is `email_key` were accepted since `since`.
  int CountForEmail(const std::string& email_key, Instant since);
  // How many requests from `client_address` were accepted since `since`.
  int CountForClient(const std::string& client_address, Instant since);
  // Queues a request.
  void Insert(const std::string& email, const std::string& email_key,
              const std::string& client_address, Instant now);
  // Requests not processed yet, oldest first, at most `limit`.
  std::vector<PendingResetRequest> ListPending(int limit);
  // Marks request `id` processed and forgets its address; false when another server claimed it
  // first.
  bool Claim(std::int64_t id, Instant now);
  // Deletes the processed requests made before `before`: the throttle no longer counts them.
  void DeleteProcessedBefore(Instant before);

 private:
  // How many requests whose `column` holds `key` were accepted since `since`.
  int Count(const char* column, const std::string& key, Instant since);
  soci::session& session_;
};

}  // namespace cercle::store
