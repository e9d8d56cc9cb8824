#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/privacy/requests.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"

// One person's file, exported for an access or portability request (Law 25, s. 27): every row of
// every table about the core member or volunteer (store::PersonTables()), with the documents of
// his file, as JSON with a published schema (docs/privacy-export.schema.json, served at
// /privacy/export-schema.json) and as a printable page. What would reveal third persons (a
// victim's identity and places, other people's names, coordinators' notes) is left out by default
// and listed with the reason, for the person in charge to review before release. Making an export
// and downloading it ask for a recent password (app::RequireStepUp) and are audited.
//
// The documents' bytes are in the JSON, base64-encoded with their SHA-256: one self-contained
// file, checked against its schema, that the person can keep or take elsewhere (portability)
// without a second archive format to open; documents are capped at storage.max_document_bytes.
namespace cercle::app::privacy {

using PersonRow = store::PersonRow;
using CellValue = store::CellValue;

// The rows of one table about the person.
struct ExportedTable {
  std::string table;
  std::string label;  // msgid
  std::vector<PersonRow> rows;
};

// A document of the person's file.
struct ExportedDocument {
  std::int64_t id = 0;
  std::string owner_type;
  std::string title;
  std::string filename;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::optional<std::string> bytes;  // none when withheld, removed or unreadable
  std::string sha256;                // of the bytes, in hexadecimal, when included
};

// The export of one person's file.
struct PersonExport {
  std::int64_t export_id = 0;
  domain::PrivacyRequest request;
  std::string organisation_name;
  std::string person_name;
  Instant prepared_at;
  Instant generated_at;
  std::vector<ExportedTable> tables;
  std::vector<ExportedDocument> documents;
  std::vector<WithheldItem> withheld;
};

// Makes an export of the file that request `request_id` is about ("privacy_request.export"): asks
// for a recent password, counts the export on the request and records what it withholds, for the
// review. Returns the export's id. Unauthenticated without a recent password; Conflict for a
// request about no file, or a correction request.
Result<std::int64_t> PrepareExport(const Services& services, const auth::Actor& actor,
                                   std::int64_t request_id);

// The review of export `id` before release: what it holds, table by table, and what it withheld
// ("privacy_request.export_review").
struct ExportReview {
  PrivacyExport made;
  domain::PrivacyRequest request;
  std::string person_name;
  std::vector<std::pair<std::string, std::size_t>> counts;  // table label (msgid), rows
  std::size_t documents = 0;
  std::vector<WithheldItem> withheld;
  // True when what the export would withhold today differs from what was reviewed: the file
  // changed since, and a new export must be made.
  bool changed = false;
};
Result<ExportReview> LoadExportReview(const Services& services, const auth::Actor& actor,
                                      std::int64_t export_id);

// Releases export `id` to the person after the review ("privacy_request.export_release"); returns
// the request's id. A released export stays released.
Result<std::int64_t> ReleaseExport(const Services& services, const auth::Actor& actor,
                                   std::int64_t export_id);

// The released export `id`, made again from the records for download
// ("privacy_request.export_download"). Unauthenticated without a recent password; Conflict when
// it was not released, or when what it withholds changed since the review.
Result<PersonExport> DownloadExport(const Services& services, const auth::Actor& actor,
                                    std::int64_t export_id);

// The export as JSON text, as docs/privacy-export.schema.json describes it.
std::string ExportJson(const PersonExport& made);

// The JSON Schema of the export (docs/privacy-export.schema.json, embedded).
std::string ExportSchema();

}  // namespace cercle::app::privacy
