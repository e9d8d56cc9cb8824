#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "domain/privacy_request.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// A correction made for a request (privacy_request_corrections).
struct PrivacyCorrection {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t request_id = 0;
  domain::PrivacySubjectKind record_type = domain::PrivacySubjectKind::kOther;
  std::optional<std::int64_t> record_id;
  std::string field;
  std::string old_value;
  std::string new_value;
  std::string reason;
  bool applied = false;                 // through the record's own function in Cercle
  std::optional<std::int64_t> mail_id;  // the mail that told the person
  std::optional<CivilDate> told_on;     // the day the person was told another way
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// An export of a person's file made for a request (privacy_request_exports).
struct PrivacyExport {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t request_id = 0;
  std::optional<std::int64_t> made_by;
  Instant made_at;
  std::optional<std::int64_t> released_by;
  std::optional<Instant> released_at;

  bool released() const { return released_at.has_value(); }
};

// One thing an export left out: the table, the row's key ("" for every row of the table), the
// column and why. Never the text itself.
struct WithheldItem {
  std::string table;
  std::string row_key;
  std::string column;
  domain::WithholdReason reason = domain::WithholdReason::kStaffNote;

  bool operator==(const WithheldItem&) const = default;
  auto operator<=>(const WithheldItem&) const = default;
};

// One table that holds rows about a person: the data table from which an export of one person's
// file is made. Every table of the schema is either listed here, once per kind of person it holds
// rows about, or in UnrelatedTables() with the reason it holds none; a test fails on a table in
// neither, so that a new table is one new line.
struct PersonTable {
  std::string_view table;
  domain::PrivacySubjectKind person = domain::PrivacySubjectKind::kCoreMember;
  // The rows about the person: an SQL condition on the table's columns, in which {person} stands
  // for the file's id and {account} for the id of the volunteer's account (none: -1).
  std::string_view rows;
  // The msgid of what the table holds, for the printable export.
  std::string_view label;
  // The columns that name a row, comma-separated.
  std::string_view key = "id";
  // The columns left out and why: "column=reason column=reason", reasons by their stored name
  // (domain::WithholdReason). Every other text is searched for other people's names.
  std::string_view withheld = {};
};

// Every table about a core member or a volunteer (see PersonTable).
const std::vector<PersonTable>& PersonTables();

// A table that holds no row about any one person, and why.
struct UnrelatedTable {
  std::string_view table;
  std::string_view reason;
};
// Every table of the schema that no export reads.
const std::vector<UnrelatedTable>& UnrelatedTables();

// One stored value of a row, as its column holds it.
using CellValue = std::variant<std::monostate, std::int64_t, double, std::string>;
// One row: its columns by name, with their values, in the table's order.
using PersonRow = std::vector<std::pair<std::string, CellValue>>;

// The names of everyone an export of one person's file must not name: other core members, other
// volunteers, the organisation's users, its partner contacts, the victims of protected conditions,
// and referrers and officers recorded by name.
struct OtherPeople {
  std::vector<std::string> names;
};

// A person a request may be about: a core member's or a volunteer's file.
struct PrivacySubject {
  domain::PrivacySubjectKind kind = domain::PrivacySubjectKind::kCoreMember;
  std::int64_t id = 0;
  std::string name;         // the legal name, or the volunteer's first and last names
  std::string file_number;  // a core member's; "" for a volunteer
  std::string email;        // the file's address, "" when none
  std::optional<std::int64_t> account_id;  // a volunteer's linked account
};

// Reads and writes the register of requests, their corrections and exports, and the rows of one
// person's file, within the caller's transaction. Every query names the organisation, on top of
// row-level security.
class PrivacyRequestStore {
 public:
  explicit PrivacyRequestStore(soci::session& session) : session_(session) {}

  // Stores a new request; returns its id.
  std::int64_t Insert(const domain::PrivacyRequest& request);
  std::optional<domain::PrivacyRequest> Find(std::int64_t id, std::int64_t organisation_id);
  // Stores the answer (answer, its date, the section invoked, the note).
  void UpdateAnswer(const domain::PrivacyRequest& request);
  // Counts one more export made for request `id`.
  void CountExport(std::int64_t id, std::int64_t organisation_id, Instant now);
  // How many requests the organisation recorded.
  std::int64_t Count(std::int64_t organisation_id);
  // The oldest request still open ("#id · received on") of the person a record is about: a core
  // member's file, a volunteer's, a referral, a concern or a meeting's minutes (the core member of
  // their circle), by the table the record is in (`record_table`: "core_members", "volunteers",
  // "referrals", "concerns", "circle_meetings"). None for another table or no open request.
  std::optional<std::string> OpenRequestAbout(std::string_view record_table, std::int64_t record_id,
                                              std::int64_t organisation_id);
  // One page of the register: the requests still open first, the oldest received first (the
  // nearest deadline); then the answered ones, the most recently received first.
  std::vector<domain::PrivacyRequest> List(std::int64_t organisation_id, const PageSlice& slice);
  // Every request not answered yet, the oldest received first.
  std::vector<domain::PrivacyRequest> ListOpen(std::int64_t organisation_id);

  std::int64_t InsertCorrection(const PrivacyCorrection& correction);
  std::optional<PrivacyCorrection> FindCorrection(std::int64_t id, std::int64_t organisation_id);
  // The corrections of a request, in the order they were made.
  std::vector<PrivacyCorrection> ListCorrections(std::int64_t request_id,
                                                 std::int64_t organisation_id);
  // Records the day the person was told of correction `id` another way than by mail.
  void SetToldOn(std::int64_t id, std::int64_t organisation_id, CivilDate told_on);

  std::int64_t InsertExport(const PrivacyExport& made, const std::vector<WithheldItem>& withheld);
  std::optional<PrivacyExport> FindExport(std::int64_t id, std::int64_t organisation_id);
  // The exports of a request, newest first.
  std::vector<PrivacyExport> ListExports(std::int64_t request_id, std::int64_t organisation_id);
  // What export `id` withheld, in the order it was listed.
  std::vector<WithheldItem> ListWithheld(std::int64_t export_id, std::int64_t organisation_id);
  // Marks export `id` released by `by`; false when it was released already.
  bool MarkReleased(std::int64_t id, std::int64_t organisation_id, std::int64_t by, Instant now);

  // Every core member's and volunteer's file of the organisation, by name, core members first.
  std::vector<PrivacySubject> ListSubjects(std::int64_t organisation_id);
  // The file `id` of `kind` (a core member or a volunteer), if the organisation has it.
  std::optional<PrivacySubject> FindSubject(std::int64_t organisation_id,
                                            domain::PrivacySubjectKind kind, std::int64_t id);

  // The rows of `table` about the person `person_id` (whose account is `account_id`, if any), in
  // the order of the table's key.
  std::vector<PersonRow> ReadPersonRows(const PersonTable& table, std::int64_t organisation_id,
                                        std::int64_t person_id,
                                        std::optional<std::int64_t> account_id);
  // The names an export about the core member or volunteer `person_id` must not show (theirs are
  // left out of the list).
  OtherPeople ReadOtherPeople(std::int64_t organisation_id, domain::PrivacySubjectKind person,
                              std::int64_t person_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
