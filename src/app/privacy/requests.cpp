#include "app/privacy/requests.hpp"

#include <algorithm>
#include <utility>

#include "app/field_errors.hpp"
#include "app/intake/core_members.hpp"
#include "app/record_change.hpp"
#include "app/volunteers/volunteer_file.hpp"
#include "app/volunteers/volunteer_pages.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "domain/field_checks.hpp"
#include "notify/outbox.hpp"

namespace cercle::app::privacy {
namespace {

using auth::policies::PrivacyPolicy;
using domain::PrivacySubjectKind;

constexpr const char* kObjectType = "privacy_request";
constexpr const char* kOtherField = "other";
constexpr std::size_t kMaxValue = 2000;
constexpr std::size_t kMaxFieldName = 200;

// One field of a file that a correction may change: its text member, or its date member.
template <class Record>
struct FileField {
  const char* name;
  const char* label;  // msgid
  std::string Record::*text = nullptr;
  std::optional<CivilDate> Record::*date = nullptr;

  std::string Get(const Record& record) const {
    if (text) return record.*text;
    const auto& day = record.*date;
    return day ? FormatIsoDate(*day) : std::string();
  }
  // Sets the field from `value`; false when a date cannot be read.
  bool Set(Record& record, const std::string& value) const {
    if (text) {
      record.*text = value;
      return true;
    }
    if (value.empty()) {
      record.*date = std::nullopt;
      return true;
    }
    const auto day = ParseIsoDate(value);
    if (!day) return false;
    record.*date = day;
    return true;
  }
};

// The fields of a core member's file that a correction may change through EditCoreMember.
const std::vector<FileField<domain::CoreMember>>& CoreMemberFields() {
  using domain::CoreMember;
  static const std::vector<FileField<CoreMember>> fields = {
      {"legal_name", N_("Legal name"), &CoreMember::legal_name},
      {"preferred_name", N_("Name he goes by"), &CoreMember::preferred_name},
      {"birth_date", N_("Date of birth"), nullptr, &CoreMember::birth_date},
      {"phone", N_("Phone"), &CoreMember::phone},
      {"email", N_("E-mail address"), &CoreMember::email},
      {"address", N_("Address"), &CoreMember::address},
      {"region", N_("Region"), &CoreMember::region},
  };
  return fields;
}

// The fields of a volunteer's file that a correction may change through UpdateVolunteer.
const std::vector<FileField<domain::Volunteer>>& VolunteerFields() {
  using domain::Volunteer;
  static const std::vector<FileField<Volunteer>> fields = {
      {"first_name", N_("First name"), &Volunteer::first_name},
      {"last_name", N_("Last name"), &Volunteer::last_name},
      {"date_of_birth", N_("Date of birth"), nullptr, &Volunteer::date_of_birth},
      {"email", N_("E-mail address"), &Volunteer::email},
      {"phone", N_("Phone"), &Volunteer::phone},
      {"region", N_("Region"), &Volunteer::region},
      {"languages", N_("Languages"), &Volunteer::languages},
      {"occupation", N_("Occupation"), &Volunteer::occupation},
      {"gender", N_("Gender"), &Volunteer::gender},
  };
  return fields;
}

template <class Record>
const FileField<Record>* FindField(const std::vector<FileField<Record>>& fields,
                                   std::string_view name) {
  for (const auto& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

template <class Record>
std::vector<CorrectableField> Correctable(const std::vector<FileField<Record>>& fields,
                                          const Record& record) {
  std::vector<CorrectableField> listed;
  for (const auto& field : fields) listed.push_back({field.name, field.label, field.Get(record)});
  return listed;
}

// The file a request is about, if it is about one.
std::optional<PrivacySubject> SubjectOf(store::Unit& unit, const domain::PrivacyRequest& request) {
  const auto id = request.core_member_id ? request.core_member_id : request.volunteer_id;
  if (!id) return std::nullopt;
  return store::PrivacyRequestStore(unit.session())
      .FindSubject(request.organisation_id, request.subject_kind, *id);
}

RegisterEntry EntryOf(store::Unit& unit, domain::PrivacyRequest request, CivilDate today) {
  RegisterEntry entry;
  const auto subject = SubjectOf(unit, request);
  entry.subject_name = subject ? subject->name : request.person_name;
  entry.deadline = domain::DeadlineOn(request, today);
  entry.request = std::move(request);
  return entry;
}

// The field error a correction shows when the file's own rules refuse the value.
Error RefusedValue(const Error& error) {
  if (error.kind == ErrorKind::kNotFound || error.kind == ErrorKind::kForbidden) {
    return Error::Fields(
        {{"field",
          {N_("Only a coordinator or an administrator may change this file. Ask them to make the "
              "change, then record it here as made by hand."),
           {}}}});
  }
  if (error.kind != ErrorKind::kInvalid) return error;
  const Message message = error.fields.empty() ? error.message : error.fields.front().message;
  return Error::Fields({{"new_value", message}});
}

// What applying a correction to a file changed.
struct Applied {
  std::string field_label;  // msgid
  std::string old_value;
  std::string new_value;
};

// Applies `form` to the core member's file `id` through EditCoreMember.
Result<Applied> ApplyToCoreMember(const Services& services, const auth::Actor& actor,
                                  std::int64_t id, const CorrectionForm& form) {
  const auto* field = FindField(CoreMemberFields(), form.field);
  if (!field) return Error::Fields({{"field", {N_("Choose one of the options."), {}}}});
  auto loaded = intake::LoadCoreMemberForm(services, actor, id, intake::Viewing::kNotRecorded);
  if (!loaded) return RefusedValue(loaded.error());
  domain::CoreMember member = loaded->member;
  Applied applied{field->label, field->Get(member), form.new_value};
  if (!field->Set(member, form.new_value)) {
    return Error::Fields({{"new_value", {N_("Enter a date such as 2026-03-31."), {}}}});
  }
  intake::CoreMemberEdit edit{member.id,
                              member.legal_name,
                              member.preferred_name,
                              member.file_number,
                              member.birth_date,
                              member.preferred_language,
                              member.other_language,
                              member.phone,
                              member.email,
                              member.address,
                              member.region,
                              member.offence_summary,
                              member.volunteer_summary,
                              member.statutory_release_date,
                              member.warrant_expiry_date,
                              member.coordinator_user_id,
                              {}};
  const auto saved = intake::EditCoreMember(services, actor, edit);
  if (!saved) return RefusedValue(saved.error());
  return applied;
}

// Applies `form` to the volunteer's file `id` through UpdateVolunteer.
Result<Applied> ApplyToVolunteer(const Services& services, const auth::Actor& actor,
                                 std::int64_t id, const CorrectionForm& form) {
  const auto* field = FindField(VolunteerFields(), form.field);
  if (!field) return Error::Fields({{"field", {N_("Choose one of the options."), {}}}});
  auto loaded = volunteers::LoadDetailsForm(services, actor, id, volunteers::RecordView::kNo);
  if (!loaded || !loaded->volunteer) {
    return RefusedValue(loaded ? Error::NotFound() : loaded.error());
  }
  domain::Volunteer volunteer = *loaded->volunteer;
  Applied applied{field->label, field->Get(volunteer), form.new_value};
  if (!field->Set(volunteer, form.new_value)) {
    return Error::Fields({{"new_value", {N_("Enter a date such as 2026-03-31."), {}}}});
  }
  volunteers::UpdateVolunteerCommand command;
  command.volunteer_id = volunteer.id;
  command.details = {volunteer.first_name,
                     volunteer.last_name,
                     volunteer.email,
                     volunteer.phone,
                     volunteer.region,
                     volunteer.languages,
                     volunteer.availability,
                     volunteer.availability_notes,
                     volunteer.date_of_birth ? FormatIsoDate(*volunteer.date_of_birth) : "",
                     volunteer.occupation,
                     volunteer.heard_about,
                     volunteer.gender,
                     volunteer.notes,
                     volunteer.user_id};
  const auto saved = volunteers::UpdateVolunteer(services, actor, command);
  if (!saved) return RefusedValue(saved.error());
  return applied;
}

// The mail that tells the person of a correction, in French then English, naming the field
// corrected but never its values.
notify::Mail CorrectionMail(const Services& services, const auth::Actor& actor,
                            const domain::PrivacyRequest& request, const std::string& to,
                            const std::string& field_label, CivilDate corrected_on) {
  const auto& translator = services.translator;
  notify::Mail mail;
  mail.organisation_id = request.organisation_id;
  mail.to = to;
  constexpr const char* kSubject = N_("Your file was corrected");
  constexpr const char* kBody =
      N_("Following your request received on {received}, {organisation} corrected this "
         "information in your file on {date}: {field}.\n\nTo know more, or if you disagree, "
         "contact the person in charge of the protection of personal information of "
         "{organisation}.");
  mail.subject = translator.Translate(i18n::Language::kFrench, kSubject) + " / " +
                 translator.Translate(i18n::Language::kEnglish, kSubject);
  for (const auto language : {i18n::Language::kFrench, i18n::Language::kEnglish}) {
    const Message body{
        kBody,
        {{"received", translator.FormatCivilDate(language, FormatIsoDate(request.received_on))},
         {"organisation", actor.organisation_name},
         {"date", translator.FormatCivilDate(language, FormatIsoDate(corrected_on))},
         {"field", translator.Translate(language, field_label)}}};
    if (!mail.body.empty()) mail.body += "\n\n-----\n\n";
    mail.body += translator.Format(language, body);
  }
  mail.body += "\n";
  return mail;
}

}  // namespace

Result<domain::PrivacyRequest> FindRequest(store::Unit& unit, const auth::Actor& actor,
                                           std::int64_t id) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  auto request = store::PrivacyRequestStore(unit.session()).Find(id, *actor.organisation_id);
  if (!request) return Error::NotFound();
  return std::move(*request);
}

Result<std::vector<PrivacySubject>> LoadSubjects(const Services& services,
                                                 const auth::Actor& actor) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  auto subjects = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::PrivacyRequestStore(unit.session()).ListSubjects(*actor.organisation_id);
  });
  AuditView(services, actor, {"privacy_request.subjects", kObjectType, ""});
  return subjects;
}

Result<std::int64_t> CreateRequest(const Services& services, const auth::Actor& actor,
                                   const RequestForm& form) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const auto today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::PrivacyRequestStore store(unit.session());
    domain::PrivacyRequest request;
    request.organisation_id = *actor.organisation_id;
    request.kind = form.kind;
    request.subject_kind = form.subject_kind;
    request.person_name = form.person_name;
    request.details = form.details;
    request.received_on = form.received_on;
    request.recorded_by = actor.user_id;
    request.recorded_at = request.updated_at = unit.now();
    std::vector<FieldError> errors = form.unreadable;
    if (form.subject_kind != PrivacySubjectKind::kOther && form.subject_id) {
      const auto subject =
          store.FindSubject(request.organisation_id, form.subject_kind, *form.subject_id);
      if (!subject) {
        errors.push_back({"subject", {N_("Choose the person's file."), {}}});
      } else if (form.subject_kind == PrivacySubjectKind::kCoreMember) {
        request.core_member_id = subject->id;
      } else {
        request.volunteer_id = subject->id;
      }
    }
    TRY(Combine(std::move(errors), domain::CheckPrivacyRequest(request, today)));
    const auto id = store.Insert(request);
    Audit(services, unit, actor, {"privacy_request.create", kObjectType, std::to_string(id)});
    return id;
  });
}

Result<Register> LoadRequestRegister(const Services& services, const auth::Actor& actor,
                                     const PageOf& page) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const auto today = services.Today();
  auto loaded = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::PrivacyRequestStore store(unit.session());
    const std::int64_t organisation = *actor.organisation_id;
    Register shown;
    for (auto& request : store.List(organisation, page(store.Count(organisation)))) {
      shown.entries.push_back(EntryOf(unit, std::move(request), today));
    }
    for (const auto& request : store.ListOpen(organisation)) {
      if (domain::DeadlineOn(request, today).flag != domain::DeadlineFlag::kNone) ++shown.flagged;
    }
    return shown;
  });
  AuditView(services, actor, {"privacy_request.list", kObjectType, ""});
  return loaded;
}

std::vector<RegisterEntry> LoadDeadlineFlags(const Services& services, const auth::Actor& actor,
                                             CivilDate today) {
  if (!PrivacyPolicy::CanManage(actor)) return {};
  auto flagged = Read(services, actor.scope(), [&](store::Unit& unit) {
    std::vector<RegisterEntry> entries;
    for (auto& request :
         store::PrivacyRequestStore(unit.session()).ListOpen(*actor.organisation_id)) {
      if (domain::DeadlineOn(request, today).flag == domain::DeadlineFlag::kNone) continue;
      entries.push_back(EntryOf(unit, std::move(request), today));
    }
    return entries;
  });
  std::stable_sort(flagged.begin(), flagged.end(), [](const auto& a, const auto& b) {
    return a.deadline.days_left < b.deadline.days_left;
  });
  return flagged;
}

Result<RequestPage> LoadRequest(const Services& services, const auth::Actor& actor, std::int64_t id,
                                Viewing viewing) {
  const auto today = services.Today();
  auto page = Read(services, actor.scope(), [&](store::Unit& unit) -> Result<RequestPage> {
    auto request = TRY(FindRequest(unit, actor, id));
    store::PrivacyRequestStore store(unit.session());
    RequestPage loaded;
    loaded.subject = SubjectOf(unit, request);
    loaded.corrections = store.ListCorrections(id, request.organisation_id);
    loaded.exports = store.ListExports(id, request.organisation_id);
    loaded.exportable = loaded.subject && request.kind != domain::PrivacyRequestKind::kCorrection;
    loaded.entry = EntryOf(unit, std::move(request), today);
    return loaded;
  });
  if (!page) return page;
  // The current values of the file's fields, through the file's own page query (which asks the
  // file's policy: an actor who may not see the file sees no field to correct).
  const auto& request = page->entry.request;
  if (request.kind == domain::PrivacyRequestKind::kCorrection && page->subject) {
    if (request.core_member_id) {
      const auto form = intake::LoadCoreMemberForm(services, actor, *request.core_member_id,
                                                   intake::Viewing::kNotRecorded);
      if (form) page->fields = Correctable(CoreMemberFields(), form->member);
    } else if (request.volunteer_id) {
      const auto form = volunteers::LoadDetailsForm(services, actor, *request.volunteer_id,
                                                    volunteers::RecordView::kNo);
      if (form && form->volunteer) page->fields = Correctable(VolunteerFields(), *form->volunteer);
    }
  }
  if (viewing == Viewing::kRecorded) {
    AuditView(services, actor, {"privacy_request.view", kObjectType, std::to_string(id)});
  }
  return page;
}

Status AnswerRequest(const Services& services, const auth::Actor& actor, std::int64_t id,
                     const AnswerForm& form) {
  const auto today = services.Today();
  return ChangeRecord(
      services, actor, {"privacy_request.answer", kObjectType}, FindRequest, id,
      [&](store::Unit& unit, domain::PrivacyRequest& request) -> Status {
        std::vector<FieldError> errors = form.unreadable;
        request.answer = form.answer;
        request.answered_on = form.answered_on;
        request.answer_note = form.note;
        if (form.section == kOtherField) {
          request.refusal_section = form.section_other;
        } else if (form.section.empty() || domain::FindRefusalSection(form.section)) {
          request.refusal_section = form.section;
        } else {
          errors.push_back({"refusal_section", {N_("Choose one of the options."), {}}});
        }
        request.updated_at = unit.now();
        TRY(Combine(std::move(errors), domain::CheckPrivacyAnswer(request, today)));
        store::PrivacyRequestStore(unit.session()).UpdateAnswer(request);
        return {};
      });
}

Result<CorrectionOutcome> RecordCorrection(const Services& services, const auth::Actor& actor,
                                           std::int64_t request_id, const CorrectionForm& form) {
  const auto request = TRY(Read(services, actor.scope(), [&](store::Unit& unit) {
    return FindRequest(unit, actor, request_id);
  }));
  if (request.kind != domain::PrivacyRequestKind::kCorrection) {
    return Error::Conflict(N_("Only a correction request records corrections."));
  }
  std::vector<FieldError> errors;
  std::string reason = form.reason;
  domain::CheckText(errors, "reason", reason, kMaxValue, N_("Say why the information changes."));
  domain::LimitText(errors, "new_value", form.new_value, kMaxValue);
  const bool by_hand =
      form.field == kOtherField || request.subject_kind == PrivacySubjectKind::kOther;
  std::string other_field = form.other_field;
  if (by_hand) {
    domain::CheckText(errors, "other_field", other_field, kMaxFieldName,
                      N_("Say which record and which field changed."));
    domain::LimitText(errors, "old_value", form.old_value, kMaxValue);
  }
  TRY(domain::Checked(std::move(errors)));

  // The file's own function applies the change and checks it by the file's rules; the correction
  // is recorded once it is applied.
  Applied applied{other_field, form.old_value, form.new_value};
  if (!by_hand && request.core_member_id) {
    applied = TRY(ApplyToCoreMember(services, actor, *request.core_member_id, form));
  } else if (!by_hand) {
    applied = TRY(ApplyToVolunteer(services, actor, *request.volunteer_id, form));
  }
  const auto today = services.Today();
  auto recorded =
      Write(services, actor.scope(), [&](store::Unit& unit) -> Result<CorrectionOutcome> {
        const auto current = TRY(FindRequest(unit, actor, request_id));
        store::PrivacyRequestStore store(unit.session());
        store::PrivacyCorrection correction;
        correction.organisation_id = current.organisation_id;
        correction.request_id = current.id;
        correction.record_type = by_hand ? PrivacySubjectKind::kOther : current.subject_kind;
        if (!by_hand)
          correction.record_id =
              current.core_member_id ? current.core_member_id : current.volunteer_id;
        correction.field = by_hand ? other_field : form.field;
        correction.old_value = applied.old_value;
        correction.new_value = applied.new_value;
        correction.reason = reason;
        correction.applied = !by_hand;
        correction.recorded_by = actor.user_id;
        correction.recorded_at = unit.now();
        CorrectionOutcome outcome;
        const auto subject = SubjectOf(unit, current);
        if (subject && !subject->email.empty()) {
          const std::string label =
              by_hand ? std::string(N_("Other information")) : applied.field_label;
          correction.mail_id = notify::Outbox::Enqueue(
              unit, CorrectionMail(services, actor, current, subject->email, label, today));
          outcome.mailed = true;
        }
        outcome.id = store.InsertCorrection(correction);
        Audit(services, unit, actor,
              {"privacy_request.correct", kObjectType, std::to_string(current.id)});
        return outcome;
      });
  if (recorded && recorded->mailed) services.NoteMailQueued();
  return recorded;
}

Result<std::int64_t> RecordTold(const Services& services, const auth::Actor& actor,
                                std::int64_t correction_id, std::optional<CivilDate> told_on) {
  if (!PrivacyPolicy::CanManage(actor)) return Error::NotFound();
  const auto today = services.Today();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    store::PrivacyRequestStore store(unit.session());
    const auto correction = store.FindCorrection(correction_id, *actor.organisation_id);
    if (!correction) return Error::NotFound();
    std::vector<FieldError> errors;
    domain::CheckPastDay(errors, "told_on", told_on, today,
                         domain::Earliest<CivilDate>{
                             services.translator.LocalDate(correction->recorded_at),
                             N_("The person cannot be told before the correction was made.")});
    TRY(domain::Checked(std::move(errors)));
    store.SetToldOn(correction->id, correction->organisation_id, *told_on);
    Audit(services, unit, actor,
          {"privacy_request.told", kObjectType, std::to_string(correction->request_id)});
    return correction->request_id;
  });
}

}  // namespace cercle::app::privacy
