#include "app/privacy/person_export.hpp"

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <utility>

#include "app/intake/documents.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "base/assets.hpp"
#include "base/folding.hpp"
#include "config/secrets.hpp"

namespace cercle::app::privacy {
namespace {

using auth::policies::PrivacyPolicy;
using domain::PrivacySubjectKind;
using domain::WithholdReason;

constexpr const char* kObjectType = "privacy_request";
constexpr const char* kSchemaAsset = "docs/privacy-export.schema.json";
constexpr const char* kSchemaAddress = "/privacy/export-schema.json";
// The document owners whose documents are the person's own file: their bytes go in the export.
constexpr std::array<std::string_view, 2> kOwnFileOwners = {"core_member", "volunteer"};

// The value of column `name` in `row`, if the row has it.
const CellValue* CellOf(const PersonRow& row, std::string_view name) {
  for (const auto& [column, value] : row) {
    if (column == name) return &value;
  }
  return nullptr;
}
CellValue* CellOf(PersonRow& row, std::string_view name) {
  return const_cast<CellValue*>(CellOf(static_cast<const PersonRow&>(row), name));
}

std::string TextOf(const CellValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* real = std::get_if<double>(&value)) return std::to_string(*real);
  return {};
}

// The key of `row`: the values of the table's key columns, joined by commas.
std::string KeyOf(const PersonRow& row, std::string_view key_columns) {
  std::string key;
  std::istringstream columns{std::string(key_columns)};
  for (std::string column; std::getline(columns, column, ',');) {
    column.erase(0, column.find_first_not_of(' '));
    const auto* value = CellOf(row, column);
    if (!key.empty()) key += ",";
    key += value ? TextOf(*value) : std::string();
  }
  return key;
}

// The columns a table withholds and why, read from its line of the data table.
std::vector<std::pair<std::string, WithholdReason>> WithheldColumns(
    const store::PersonTable& table) {
  std::vector<std::pair<std::string, WithholdReason>> columns;
  std::istringstream entries{std::string(table.withheld)};
  for (std::string entry; entries >> entry;) {
    const auto equals = entry.find('=');
    const auto reason = domain::ParseEnum<WithholdReason>(entry.substr(equals + 1));
    if (equals == std::string::npos || !reason) {
      throw std::logic_error("unreadable withheld column in the data table: " + entry);
    }
    columns.emplace_back(entry.substr(0, equals), *reason);
  }
  return columns;
}

bool Empty(const CellValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return true;
  const auto* text = std::get_if<std::string>(&value);
  return text && text->empty();
}

// The export `id` and its request, when the actor may manage requests.
Result<std::pair<PrivacyExport, domain::PrivacyRequest>> FindExport(store::Unit& unit,
                                                                    const auth::Actor& actor,
                                                                    std::int64_t id) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  auto made = store::PrivacyRequestStore(unit.session()).FindExport(id, *actor.organisation_id);
  if (!made) return Error::NotFound();
  auto request = TRY(FindRequest(unit, actor, made->request_id));
  return std::pair{std::move(*made), std::move(request)};
}

// Makes the export of the file request `request` is about from the records, in `unit`'s
// transaction, without the documents' bytes.
Result<PersonExport> Build(store::Unit& unit, const domain::PrivacyRequest& request) {
  if (request.kind == domain::PrivacyRequestKind::kCorrection) {
    return Error::Conflict(N_("A correction request does not export the file."));
  }
  const auto person_id = request.core_member_id ? request.core_member_id : request.volunteer_id;
  store::PrivacyRequestStore store(unit.session());
  const auto subject =
      person_id ? store.FindSubject(request.organisation_id, request.subject_kind, *person_id)
                : std::nullopt;
  if (!subject) {
    return Error::Conflict(
        N_("Only a request about a core member's or a volunteer's file can "
           "export it."));
  }
  PersonExport made;
  made.request = request;
  made.person_name = subject->name;
  // Other people's names, but never the person's own (two people may share a name).
  const std::string own = FoldForSearch(subject->name);
  std::vector<std::string> names;
  for (auto& name :
       store.ReadOtherPeople(request.organisation_id, subject->kind, subject->id).names) {
    if (FoldForSearch(name) != own) names.push_back(std::move(name));
  }
  std::set<WithheldItem> secrets;  // withheld on every row of a table: listed once
  for (const auto& table : store::PersonTables()) {
    if (table.person != subject->kind) continue;
    ExportedTable exported{std::string(table.table), std::string(table.label), {}};
    const auto withheld = WithheldColumns(table);
    for (auto& row :
         store.ReadPersonRows(table, request.organisation_id, subject->id, subject->account_id)) {
      const std::string key = KeyOf(row, table.key);
      for (const auto& [column, reason] : withheld) {
        auto* value = CellOf(row, column);
        if (!value || Empty(*value)) continue;
        *value = std::monostate{};
        if (reason == WithholdReason::kSecurity) {
          secrets.insert({exported.table, "", column, reason});
        } else {
          made.withheld.push_back({exported.table, key, column, reason});
        }
      }
      for (auto& [column, value] : row) {
        auto* text = std::get_if<std::string>(&value);
        if (!text) continue;
        if (auto redacted = domain::RedactNames(*text, names)) {
          *text = std::move(*redacted);
          made.withheld.push_back({exported.table, key, column, WithholdReason::kNamesAnother});
        }
      }
      exported.rows.push_back(std::move(row));
    }
    made.tables.push_back(std::move(exported));
  }
  made.withheld.insert(made.withheld.end(), secrets.begin(), secrets.end());
  // The documents of the file, from the rows of the documents table.
  for (const auto& table : made.tables) {
    if (table.table != "documents") continue;
    for (const auto& row : table.rows) {
      ExportedDocument document;
      document.id = std::get<std::int64_t>(*CellOf(row, "id"));
      document.owner_type = TextOf(*CellOf(row, "owner_type"));
      document.title = TextOf(*CellOf(row, "title"));
      document.filename = TextOf(*CellOf(row, "filename"));
      document.content_type = TextOf(*CellOf(row, "content_type"));
      document.size_bytes = std::get<std::int64_t>(*CellOf(row, "size_bytes"));
      const bool own = std::find(kOwnFileOwners.begin(), kOwnFileOwners.end(),
                                 document.owner_type) != kOwnFileOwners.end();
      const bool removed = !std::holds_alternative<std::monostate>(*CellOf(row, "deleted_at"));
      if (!own && !removed) {
        made.withheld.push_back({"documents", std::to_string(document.id), "content",
                                 WithholdReason::kThirdPartyDocument});
      }
      made.documents.push_back(std::move(document));
    }
  }
  return made;
}

// The withheld items of `made` in one order, to compare two exports.
std::vector<WithheldItem> Sorted(std::vector<WithheldItem> items) {
  std::sort(items.begin(), items.end());
  return items;
}

// Adds the bytes of the person's own documents, read through the documents module (each read is
// audited "document.download").
void AttachDocuments(const Services& services, const auth::Actor& actor, PersonExport& made) {
  const auto withheld_content = [&](std::int64_t id) {
    return std::any_of(made.withheld.begin(), made.withheld.end(), [&](const WithheldItem& item) {
      return item.table == "documents" && item.row_key == std::to_string(id);
    });
  };
  for (auto& document : made.documents) {
    if (withheld_content(document.id)) continue;
    const auto record = Read(services, actor.scope(), [&](store::Unit& unit) {
      return store::DocumentStore(unit.session()).Find(document.id, made.request.organisation_id);
    });
    if (!record) continue;  // removed: its bytes are gone
    document.bytes = intake::ReadDocument(services, actor, *record);
    if (!document.bytes) continue;
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(),
                       reinterpret_cast<const unsigned char*>(document.bytes->data()),
                       document.bytes->size());
    document.sha256 = config::ToHex(digest.data(), digest.size());
  }
}

std::string IsoMoment(Instant instant) {
  const std::time_t seconds = ToUnix(instant);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string Base64(const std::string& bytes) {
  std::string encoded(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL),
                      '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  return encoded;
}

nlohmann::json JsonOf(const CellValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  if (const auto* real = std::get_if<double>(&value)) return *real;
  return nullptr;
}

}  // namespace

Result<std::int64_t> PrepareExport(const Services& services, const auth::Actor& actor,
                                   std::int64_t request_id) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  TRY(RequireStepUp(services, actor));
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto request = TRY(FindRequest(unit, actor, request_id));
    const auto made = TRY(Build(unit, request));
    store::PrivacyRequestStore store(unit.session());
    PrivacyExport record;
    record.organisation_id = request.organisation_id;
    record.request_id = request.id;
    record.made_by = actor.user_id;
    record.made_at = unit.now();
    const auto id = store.InsertExport(record, made.withheld);
    store.CountExport(request.id, request.organisation_id, unit.now());
    Audit(services, unit, actor,
          {"privacy_request.export", kObjectType, std::to_string(request.id)});
    return id;
  });
}

Result<ExportReview> LoadExportReview(const Services& services, const auth::Actor& actor,
                                      std::int64_t export_id) {
  auto review = Read(services, actor.scope(), [&](store::Unit& unit) -> Result<ExportReview> {
    auto [made, request] = TRY(FindExport(unit, actor, export_id));
    const auto now = TRY(Build(unit, request));
    ExportReview loaded;
    loaded.withheld =
        store::PrivacyRequestStore(unit.session()).ListWithheld(made.id, made.organisation_id);
    loaded.changed = Sorted(loaded.withheld) != Sorted(now.withheld);
    for (const auto& table : now.tables) loaded.counts.emplace_back(table.label, table.rows.size());
    loaded.documents = now.documents.size();
    loaded.person_name = now.person_name;
    loaded.made = std::move(made);
    loaded.request = std::move(request);
    return loaded;
  });
  if (review) {
    AuditView(services, actor,
              {"privacy_request.export_review", kObjectType, std::to_string(review->request.id)});
  }
  return review;
}

Result<std::int64_t> ReleaseExport(const Services& services, const auth::Actor& actor,
                                   std::int64_t export_id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto [made, request] = TRY(FindExport(unit, actor, export_id));
    if (store::PrivacyRequestStore(unit.session())
            .MarkReleased(made.id, made.organisation_id, actor.user_id, unit.now())) {
      Audit(services, unit, actor,
            {"privacy_request.export_release", kObjectType, std::to_string(request.id)});
    }
    return request.id;
  });
}

Result<PersonExport> DownloadExport(const Services& services, const auth::Actor& actor,
                                    std::int64_t export_id) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  TRY(RequireStepUp(services, actor));
  auto built = Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PersonExport> {
    const auto [made, request] = TRY(FindExport(unit, actor, export_id));
    if (!made.released()) {
      return Error::Conflict(N_("Review what the export withholds and release it first."));
    }
    auto now = TRY(Build(unit, request));
    const auto reviewed =
        store::PrivacyRequestStore(unit.session()).ListWithheld(made.id, made.organisation_id);
    if (Sorted(reviewed) != Sorted(now.withheld)) {
      return Error::Conflict(
          N_("The file changed since this export was reviewed. Make a new "
             "export and review it."));
    }
    now.export_id = made.id;
    now.prepared_at = made.made_at;
    now.generated_at = unit.now();
    now.organisation_name = actor.organisation_name;
    return now;
  });
  if (!built) return built;
  AttachDocuments(services, actor, *built);
  AuditView(services, actor,
            {"privacy_request.export_download", kObjectType, std::to_string(built->request.id)});
  return built;
}

std::string ExportJson(const PersonExport& made) {
  nlohmann::json tables = nlohmann::json::object();
  for (const auto& table : made.tables) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : table.rows) {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& [column, value] : row) object[column] = JsonOf(value);
      rows.push_back(std::move(object));
    }
    tables[table.table] = std::move(rows);
  }
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& document : made.documents) {
    documents.push_back(
        {{"id", document.id},
         {"owner_type", document.owner_type},
         {"title", document.title},
         {"filename", document.filename},
         {"content_type", document.content_type},
         {"size_bytes", document.size_bytes},
         {"sha256", document.bytes ? nlohmann::json(document.sha256) : nullptr},
         {"content_base64", document.bytes ? nlohmann::json(Base64(*document.bytes)) : nullptr}});
  }
  nlohmann::json withheld = nlohmann::json::array();
  for (const auto& item : made.withheld) {
    withheld.push_back({{"table", item.table},
                        {"row", item.row_key.empty() ? nullptr : nlohmann::json(item.row_key)},
                        {"column", item.column},
                        {"reason", std::string(domain::NameOf(item.reason))}});
  }
  const auto& request = made.request;
  const auto person_id = request.core_member_id ? *request.core_member_id : *request.volunteer_id;
  const nlohmann::json document = {
      {"$schema", kSchemaAddress},
      {"format", "cercle-person-export"},
      {"version", 1},
      {"organisation", made.organisation_name},
      {"export_id", made.export_id},
      {"prepared_at", IsoMoment(made.prepared_at)},
      {"generated_at", IsoMoment(made.generated_at)},
      {"request",
       {{"id", request.id},
        {"kind", std::string(domain::NameOf(request.kind))},
        {"received_on", FormatIsoDate(request.received_on)}}},
      {"person",
       {{"kind", std::string(domain::NameOf(request.subject_kind))},
        {"id", person_id},
        {"name", made.person_name}}},
      {"tables", std::move(tables)},
      {"documents", std::move(documents)},
      {"withheld", std::move(withheld)},
  };
  return document.dump(2) + "\n";
}

std::string ExportSchema() { return std::string(assets::Find(kSchemaAsset).value_or("")); }

}  // namespace cercle::app::privacy
