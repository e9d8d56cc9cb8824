#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/privacy_request.hpp"
#include "store/page_slice.hpp"
#include "store/privacy_request_store.hpp"

// The register of requests from the people concerned (Law 25, s. 27–35): access, correction and
// portability requests, their 30-day deadline, their answer and the corrections made. Only the
// organisation's person in charge of the protection of personal information and its
// administrators (auth::policies::PrivacyPolicy::CanManage); anyone else gets NotFound, as for a
// request that does not exist. Every view and change is audited.
namespace cercle::app::privacy {

using PrivacyCorrection = store::PrivacyCorrection;
using PrivacyExport = store::PrivacyExport;
using PrivacySubject = store::PrivacySubject;
using WithheldItem = store::WithheldItem;

// The page of a list the caller shows among `total` rows.
using PageOf = std::function<store::PageSlice(std::int64_t total)>;

// The request `id` of the actor's organisation, read in `unit`'s transaction, when the actor may
// manage requests; NotFound otherwise, as for a request that does not exist.
Result<domain::PrivacyRequest> FindRequest(store::Unit& unit, const auth::Actor& actor,
                                           std::int64_t id);

// The files a new request may be about (audited "privacy_request.subjects"), core members first.
Result<std::vector<PrivacySubject>> LoadSubjects(const Services& services,
                                                 const auth::Actor& actor);

// A new request as its form was typed, and the fields the form could not read.
struct RequestForm {
  domain::PrivacyRequestKind kind = domain::PrivacyRequestKind::kAccess;
  domain::PrivacySubjectKind subject_kind = domain::PrivacySubjectKind::kCoreMember;
  std::optional<std::int64_t> subject_id;  // the chosen file, for a core member or a volunteer
  std::string person_name;                 // for someone without a file
  std::string details;
  CivilDate received_on{};
  std::vector<FieldError> unreadable;
};

// Records a new request ("privacy_request.create"); returns its id. Field errors for a file that
// is not the organisation's and for what the rules refuse.
Result<std::int64_t> CreateRequest(const Services& services, const auth::Actor& actor,
                                   const RequestForm& form);

// A request as the register shows it: whom it is about and where it stands against its deadline.
struct RegisterEntry {
  domain::PrivacyRequest request;
  std::string subject_name;  // the file's name, or the name typed
  domain::DeadlineState deadline;
};

// One page of the register, the open requests first (audited "privacy_request.list").
struct Register {
  std::vector<RegisterEntry> entries;
  std::int64_t flagged = 0;  // open requests whose deadline is near or passed (every page)
};
Result<Register> LoadRequestRegister(const Services& services, const auth::Actor& actor,
                                     const PageOf& page);

// The open requests whose deadline is near or passed on `today`, the most pressing first; nothing
// for an actor who may not manage requests. For the home page.
std::vector<RegisterEntry> LoadDeadlineFlags(const Services& services, const auth::Actor& actor,
                                             CivilDate today);

// A field of a file that a correction can change through the file's own function.
struct CorrectableField {
  std::string name;   // "legal_name"…
  std::string label;  // msgid
  std::string value;  // the current value, as text
};

// A request's page.
struct RequestPage {
  RegisterEntry entry;
  std::optional<PrivacySubject> subject;  // the file, when the request is about one
  std::vector<CorrectableField> fields;   // what a correction may change on the file
  std::vector<PrivacyCorrection> corrections;
  std::vector<PrivacyExport> exports;
  bool exportable = false;  // about a file, and not a correction request
};

// Whether a page query records the view.
enum class Viewing { kRecorded, kNotRecorded };

// The request `id` with its corrections and exports ("privacy_request.view" when recorded).
Result<RequestPage> LoadRequest(const Services& services, const auth::Actor& actor, std::int64_t id,
                                Viewing viewing);

// An answer as its form was typed.
struct AnswerForm {
  std::optional<domain::PrivacyAnswer> answer;
  std::optional<CivilDate> answered_on;
  std::string section;        // a usual section's number, "other", or ""
  std::string section_other;  // the provision typed, with "other"
  std::string note;
  std::vector<FieldError> unreadable;
};

// Records the answer to request `id` ("privacy_request.answer"); an answer may be corrected later
// the same way. Field errors for what the rules refuse.
Status AnswerRequest(const Services& services, const auth::Actor& actor, std::int64_t id,
                     const AnswerForm& form);

// A correction as its form was typed: a field of the file (`field`, one of RequestPage::fields) to
// set to `new_value`, or, with `field` "other", a change made by hand elsewhere, described by
// `other_field` and `old_value`.
struct CorrectionForm {
  std::string field;
  std::string other_field;
  std::string old_value;
  std::string new_value;
  std::string reason;
};

// What a recorded correction did.
struct CorrectionOutcome {
  std::int64_t id = 0;
  bool mailed = false;  // a mail to the file's address was queued; otherwise the person must be
                        // told another way, and the day recorded with RecordTold
};

// Records a correction for request `id` ("privacy_request.correct"): a field of the file is
// changed through the file's own function (audited there too), then the correction is recorded
// with what it changed and why, and a mail that tells the person is queued to the file's address
// when it has one. Field errors for an unknown field, a missing reason, a value the file refuses;
// Conflict when the request is not a correction request.
Result<CorrectionOutcome> RecordCorrection(const Services& services, const auth::Actor& actor,
                                           std::int64_t request_id, const CorrectionForm& form);

// Records the day the person was told of correction `id` another way than by mail
// ("privacy_request.told"); returns the request's id. Field error "told_on" for a day missing, in
// the future or before the correction.
Result<std::int64_t> RecordTold(const Services& services, const auth::Actor& actor,
                                std::int64_t correction_id, std::optional<CivilDate> told_on);

}  // namespace cercle::app::privacy
