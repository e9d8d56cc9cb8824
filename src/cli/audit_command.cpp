#include "cli/audit_command.hpp"

#include "audit/audit_log.hpp"

namespace cercle::cli {

int RunAuditVerify(store::Database& database, const config::Secrets& secrets, std::ostream& out) {
  const audit::VerifyReport report = audit::AuditLog(secrets.audit_key).Verify(database);
  if (report.ok()) {
    out << "audit log intact: " << report.entries_checked << " entries checked\n";
    return 0;
  }
  out << "audit log BROKEN at entry " << *report.first_broken_id << " (";
  if (report.first_broken_organisation_id) {
    out << "organisation " << *report.first_broken_organisation_id;
  } else {
    out << "network level";
  }
  out << "): " << report.reason << "\n";
  return 1;
}

}  // namespace cercle::cli
