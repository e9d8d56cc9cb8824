#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "web/context.hpp"

// The register of requests from the people concerned (Law 25, s. 27–35) under
// /admin/privacy/requests, the export of one person's file under /admin/privacy/exports, and the
// export's published schema at /privacy/export-schema.json. Only the person in charge of the
// protection of personal information and the organisation's administrators
// (auth::policies::PrivacyPolicy); anyone else gets 404.
namespace cercle::web::pages::privacy {

// GET /admin/privacy/requests: the register, open requests first with the days left.
Response ListRequests(Context& context);
// GET /admin/privacy/requests/new and POST /admin/privacy/requests.
Response ShowNewRequest(Context& context);
Response CreateRequest(Context& context);
// GET /admin/privacy/requests/{id}: the request, its answer form, corrections and exports.
Response ShowRequest(Context& context);
// POST /admin/privacy/requests/{id}/answer.
Response AnswerRequest(Context& context);
// POST /admin/privacy/requests/{id}/corrections.
Response RecordCorrection(Context& context);
// POST /admin/privacy/corrections/{id}/told.
Response RecordTold(Context& context);
// POST /admin/privacy/requests/{id}/exports: makes an export (asks for the password again).
Response PrepareExport(Context& context);
// GET /admin/privacy/exports/{id}: the review before release; POST …/release releases it.
Response ShowExport(Context& context);
Response ReleaseExport(Context& context);
// GET /admin/privacy/exports/{id}/export.json and …/print: the released export.
Response DownloadExportJson(Context& context);
Response PrintExport(Context& context);
// GET /privacy/export-schema.json: the export's JSON Schema, public.
Response ExportSchema(Context& context);

// The address of a request's page in the register.
std::string RequestHref(std::int64_t id);

}  // namespace cercle::web::pages::privacy
