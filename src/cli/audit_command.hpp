#pragma once

#include <ostream>

#include "config/secrets.hpp"
#include "store/database.hpp"

namespace cercle::cli {

// `cercle audit verify`: recomputes every audit chain with the audit key of `secrets` and prints
// either "audit log intact: N entries checked" (returns 0) or "audit log BROKEN at entry ID
// (organisation O): REASON" (returns 1; "(network level)" for the network chain) on `out`.
int RunAuditVerify(store::Database& database, const config::Secrets& secrets, std::ostream& out);

}  // namespace cercle::cli
