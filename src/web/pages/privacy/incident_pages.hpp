#pragma once

#include "web/context.hpp"

// The register of confidentiality incidents (Law 25, s. 3.5 to 3.8): the person in charge of the
// protection of personal information and the organisation's admins (PrivacyPolicy::CanManage);
// everyone else is answered "not found".
namespace cercle::web::pages::privacy {

// GET /admin/privacy/incidents: the register, newest first, paged, overdue notices flagged.
Response ListIncidents(Context& context);
// GET /admin/privacy/incidents/new and POST /admin/privacy/incidents (which also fills in the
// people concerned from the records named, or lists recent audit entries to choose them from).
Response ShowNewIncident(Context& context);
Response CreateIncident(Context& context);
// GET /admin/privacy/incidents/{id}.
Response ShowIncident(Context& context);
// GET and POST /admin/privacy/incidents/{id}/edit.
Response ShowEditIncident(Context& context);
Response EditIncident(Context& context);
// GET /admin/privacy/incidents/export.csv and export.xlsx (?lang=fr|en): the whole register for
// the Commission, after a recent password or code.
Response ExportIncidentsCsv(Context& context);
Response ExportIncidentsXlsx(Context& context);

}  // namespace cercle::web::pages::privacy
