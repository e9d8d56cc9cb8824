#include "web/pages/privacy/incident_pages.hpp"

#include <algorithm>

#include "app/privacy/incidents.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "report/csv.hpp"
#include "report/xlsx.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pages/reports/report_views.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::privacy {
namespace {

using app::privacy::IncidentForm;
using app::privacy::IncidentPage;
using auth::policies::PrivacyPolicy;
using domain::ConcernedPerson;
using domain::IncidentRecord;
using domain::PrivacyIncident;
using reports::ShowDate;

constexpr const char* kObjectType = "privacy_incident";
constexpr const char* kRegister = "/admin/privacy/incidents";

std::string IncidentHref(std::int64_t id) {
  return std::string(kRegister) + "/" + std::to_string(id);
}

// The number of people concerned: a whole number, spaces allowed as thousands separators.
FormField<PrivacyIncident> PeopleCount() {
  FormField<PrivacyIncident> field{{"people_count",
                                    N_("Number of people concerned"),
                                    {.kind = FieldKind::kNumber,
                                     .hint = N_("An estimate when the exact number is not known."),
                                     .group = "people_fields"}}};
  field.value = [](const PrivacyIncident& incident) {
    return std::to_string(incident.people_count);
  };
  field.read = [](PrivacyIncident& incident, const std::string& text) -> std::optional<Message> {
    std::string digits;
    for (const char c : text) {
      if (c != ' ') digits += c;
    }
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      return Message{N_("Enter a whole number from {minimum} to {maximum}."),
                     {{"minimum", "0"}, {"maximum", std::to_string(domain::kMaxPeopleConcerned)}}};
    }
    incident.people_count = std::stoi(digits);
    return std::nullopt;
  };
  return field;
}

// One factor of the assessment: its level (radio buttons) in its group.
FormField<PrivacyIncident> Level(std::string_view name, std::string_view label,
                                 std::optional<domain::RiskLevel> PrivacyIncident::*member,
                                 std::string_view group) {
  return EnumChoice<domain::RiskLevel>(name, label, member, N_("Choose a level."),
                                       {.kind = FieldKind::kRadios, .group = group});
}

// One factor's short explanation, in its group.
FormField<PrivacyIncident> Note(std::string_view name, std::string PrivacyIncident::*member,
                                std::string_view group) {
  return Text(name, N_("Explanation"), member,
              {.kind = FieldKind::kTextArea, .rows = 2, .group = group});
}

// The entry's form, in the order it shows its fields, by group (a fieldset each).
const std::vector<FormField<PrivacyIncident>>& IncidentFields() {
  using domain::RiskConclusion;
  static const std::vector<FormField<PrivacyIncident>> fields = {
      Text("information", N_("Personal information concerned"), &PrivacyIncident::information,
           {.kind = FieldKind::kTextArea,
            .hint = N_("The kinds of information: names, addresses, a core member's file, a "
                       "victim's details…"),
            .rows = 3,
            .group = "what_fields"}),
      Text("information_unknown", N_("If it is not known: why"),
           &PrivacyIncident::information_unknown,
           {.kind = FieldKind::kTextArea, .rows = 2, .group = "what_fields"}),
      Text("circumstances", N_("Circumstances"), &PrivacyIncident::circumstances,
           {.kind = FieldKind::kTextArea,
            .hint = N_("What happened, and how it came to light."),
            .rows = 4,
            .group = "what_fields"}),
      Date("occurred_from", N_("Date of the incident, or start of the period"),
           &PrivacyIncident::occurred_from, "", {.up_to_today = true, .group = "when_fields"}),
      Date("occurred_until", N_("End of the period"), &PrivacyIncident::occurred_until, "",
           {.hint = N_("Leave blank for a single day."),
            .up_to_today = true,
            .group = "when_fields"}),
      Text("occurred_unknown", N_("If the date is not known: why"),
           &PrivacyIncident::occurred_unknown,
           {.kind = FieldKind::kTextArea, .rows = 2, .group = "when_fields"}),
      Date("learned_on", N_("Date the organisation learned of it"), &PrivacyIncident::learned_on,
           N_("Enter the date the organisation learned of the incident."),
           {.up_to_today = true, .group = "when_fields"}),
      PeopleCount(),
      Checkbox("people_count_estimated", N_("The number is an estimate"),
               &PrivacyIncident::people_count_estimated, {.group = "people_fields"}),
      Level("sensitivity_level", N_("Level"), &PrivacyIncident::sensitivity_level,
            "sensitivity_fields"),
      Note("sensitivity_note", &PrivacyIncident::sensitivity_note, "sensitivity_fields"),
      Level("misuse_level", N_("Level"), &PrivacyIncident::misuse_level, "misuse_fields"),
      Note("misuse_note", &PrivacyIncident::misuse_note, "misuse_fields"),
      Level("consequences_level", N_("Level"), &PrivacyIncident::consequences_level,
            "consequences_fields"),
      Note("consequences_note", &PrivacyIncident::consequences_note, "consequences_fields"),
      Level("likelihood_level", N_("Level"), &PrivacyIncident::likelihood_level,
            "likelihood_fields"),
      Note("likelihood_note", &PrivacyIncident::likelihood_note, "likelihood_fields"),
      EnumChoice<RiskConclusion>("conclusion",
                                 N_("Does the incident present a risk of serious "
                                    "injury?"),
                                 &PrivacyIncident::conclusion, N_("Choose one of the options."),
                                 {.kind = FieldKind::kRadios, .group = "conclusion_fields"}),
      Date("commission_notified_on", N_("Commission d'accès à l'information notified on"),
           &PrivacyIncident::commission_notified_on, "",
           {.up_to_today = true, .group = "notice_fields"}),
      Date("people_notified_on", N_("People concerned notified on"),
           &PrivacyIncident::people_notified_on, "",
           {.up_to_today = true, .group = "notice_fields"}),
      Date("public_notice_on", N_("Public notice given on"), &PrivacyIncident::public_notice_on, "",
           {.hint = N_("Only when notifying each person would be too hard, or could cause them "
                       "harm."),
            .up_to_today = true,
            .group = "notice_fields"}),
      Text("measures", N_("Measures taken to reduce the risk of injury"),
           &PrivacyIncident::measures,
           {.kind = FieldKind::kTextArea,
            .hint = N_("And to keep a similar incident from happening again."),
            .rows = 4,
            .group = "measures_fields"}),
  };
  return fields;
}

// What the records and people part of the form sends.
struct Links {
  std::vector<IncidentRecord> records;
  std::vector<ConcernedPerson> people;
  std::optional<domain::IncidentRecordKind> kind;  // the kind chosen to add records or see entries
  std::vector<FieldError> unreadable;
};

// Reads the records ticked ("record"), those typed (a kind and numbers), and the people ticked.
Links ReadLinks(const Form& form) {
  Links links;
  for (const auto& value : form.All("record")) {
    if (const auto record = domain::ParseIncidentRecord(value)) {
      links.records.push_back(*record);
    } else {
      links.unreadable.push_back({"records", {N_("A record chosen cannot be read."), {}}});
    }
  }
  for (const auto& value : form.All("person")) {
    if (const auto person = domain::ParseConcernedPerson(value)) {
      links.people.push_back(*person);
    } else {
      links.unreadable.push_back({"people", {N_("A person chosen cannot be read."), {}}});
    }
  }
  links.kind = domain::ParseEnum<domain::IncidentRecordKind>(form.Get("record_kind"));
  std::string ids = form.Get("record_ids");
  std::replace_if(
      ids.begin(), ids.end(), [](char c) { return c == ',' || c == ';' || c == '\t'; }, ' ');
  std::size_t start = 0;
  while ((start = ids.find_first_not_of(' ', start)) != std::string::npos) {
    const std::size_t end = std::min(ids.find(' ', start), ids.size());
    const auto id = ParseId(std::string_view(ids).substr(start, end - start));
    start = end;
    if (!links.kind) {
      links.unreadable.push_back({"record_kind", {N_("Choose the kind of record."), {}}});
      break;
    }
    if (!id) {
      links.unreadable.push_back(
          {"record_ids", {N_("Enter record numbers separated by commas, such as 12, 15."), {}}});
      break;
    }
    links.records.push_back({*links.kind, *id});
  }
  return links;
}

// Reads the whole form: the entry's details, its records and people, and what could not be read.
IncidentForm ReadIncident(const Form& form) {
  IncidentForm read;
  read.unreadable = ReadFields(IncidentFields(), form, read.details);
  auto links = ReadLinks(form);
  read.records = std::move(links.records);
  read.people = std::move(links.people);
  for (auto& error : links.unreadable) read.unreadable.push_back(std::move(error));
  return read;
}

// An id for an element made from a reference ("core_member:5" → "core_member-5").
std::string ElementId(std::string text) {
  std::replace(text.begin(), text.end(), ':', '-');
  return text;
}

// "Document 12", in the reader's language.
std::string RecordLabel(const Context& context, const IncidentRecord& record) {
  return context.Translate(domain::LabelOf(record.kind)) + " " + std::to_string(record.id);
}

// The page's list of people: [{value, element, name, kind, href}].
mstch::array PeopleList(const Context& context, const std::vector<ConcernedPerson>& people) {
  mstch::array list;
  for (const auto& person : people) {
    const std::string value = domain::ReferenceText(person.kind, person.id);
    const std::string area =
        person.kind == domain::ConcernedKind::kCoreMember ? "/core-members/" : "/volunteers/";
    list.push_back(mstch::map{{"value", value},
                              {"element", ElementId("person-" + value)},
                              {"name", person.name},
                              {"kind", context.Translate(domain::LabelOf(person.kind))},
                              {"href", area + std::to_string(person.id)}});
  }
  return list;
}

// The page's list of records: [{value, element, label, checked}].
mstch::array RecordList(const Context& context, const std::vector<IncidentRecord>& records,
                        bool checked) {
  mstch::array list;
  for (const auto& record : records) {
    const std::string value = domain::ReferenceText(record.kind, record.id);
    list.push_back(mstch::map{{"value", value},
                              {"element", ElementId("record-" + value)},
                              {"label", RecordLabel(context, record)},
                              {"checked", checked}});
  }
  return list;
}

// What the form shows besides its fields.
struct FormExtras {
  std::vector<IncidentRecord> records;
  std::vector<ConcernedPerson> people;
  std::optional<domain::IncidentRecordKind> kind;
  std::vector<app::privacy::RecentEntry> entries;  // recent audit entries to choose records from
  bool entries_shown = false;
  std::string notice;
};

// The entry's form showing `values` and `extras`: a new entry's (none: `id`), or entry `id`'s.
Response RenderForm(Context& context, const FieldValues<PrivacyIncident>& values,
                    const FormExtras& extras, std::optional<std::int64_t> id, int status) {
  mstch::map model;
  AddFields(context, IncidentFields(), values, model);
  const bool editing = id.has_value();
  model["action"] = editing ? IncidentHref(*id) + "/edit" : std::string(kRegister);
  model["back"] = editing ? IncidentHref(*id) : std::string(kRegister);
  model["people_list"] = PeopleList(context, extras.people);
  model["has_people"] = !extras.people.empty();
  model["record_list"] = RecordList(context, extras.records, true);
  model["people_error"] = FieldMessage(context, values.error, "people");
  model["records_error"] = FieldMessage(context, values.error, "records");
  const std::string kind = extras.kind ? std::string(domain::NameOf(*extras.kind)) : "";
  model["record_kinds"] = Choices(EnumChoices<domain::IncidentRecordKind>(context), kind);
  model["record_kind_error"] = FieldMessage(context, values.error, "record_kind");
  model["record_ids_error"] = FieldMessage(context, values.error, "record_ids");
  model["record_ids"] = values.form ? values.form->Get("record_ids") : std::string();
  model["entries_shown"] = extras.entries_shown;
  mstch::array entries;
  for (const auto& entry : extras.entries) {
    const std::string value = domain::ReferenceText(entry.record.kind, entry.record.id);
    entries.push_back(mstch::map{{"value", value},
                                 {"element", "entry-" + std::to_string(entry.entry_id)},
                                 {"label", RecordLabel(context, entry.record)},
                                 {"action", entry.action},
                                 {"when", core_members::ShowTime(context, entry.at)},
                                 {"who", entry.actor_name}});
  }
  model["no_entries"] = entries.empty();
  model["entries"] = entries;
  if (!extras.notice.empty()) model["notice"] = extras.notice;
  const std::string title = context.Translate(editing ? N_("Edit the confidentiality incident")
                                                      : N_("Record a confidentiality incident"));
  model["title_text"] = title;
  return RenderPage(context, "privacy_incident_form", title, std::move(model), status);
}

// What the records part of the form asked for instead of saving: the people filled in from the
// records, or the recent audit entries of a kind. The form comes back with what was typed.
Response FormStep(Context& context, const Form& form, const std::string& step,
                  std::optional<std::int64_t> id) {
  auto& services = context.services.app;
  const auto& actor = context.signed_in();
  auto links = ReadLinks(form);
  FormExtras extras{.records = links.records, .people = {}, .kind = links.kind};
  std::map<std::string, std::string> typed;
  for (const auto& field : IncidentFields())
    typed[std::string(field.name)] = form.Get(std::string(field.name));
  std::optional<Error> refusal;
  if (!links.unreadable.empty()) refusal = Error::Fields(links.unreadable);
  const std::vector<IncidentRecord> to_resolve =
      step == "prefill" ? links.records : std::vector<IncidentRecord>{};
  auto prefill = app::privacy::PrefillPeople(services, actor, to_resolve, links.people);
  if (!prefill) return Deny(context, kObjectType, id ? std::to_string(*id) : "");
  extras.people = prefill->people;
  if (step == "prefill") {
    extras.records = prefill->found;
    if (!prefill->missing.empty() && !refusal) {
      refusal = Error::Fields({{"records",
                                {N_("This organisation holds no record {record}."),
                                 {{"record", RecordLabel(context, prefill->missing.front())}}}}});
    }
    // The number counts at least the people Cercle found.
    const std::string count = Trimmed(typed["people_count"]);
    const bool whole = !count.empty() && count.size() <= 9 &&
                       count.find_first_not_of("0123456789") == std::string::npos;
    if (!whole || static_cast<std::size_t>(std::stoll(count)) < extras.people.size()) {
      typed["people_count"] = std::to_string(extras.people.size());
    }
    extras.notice = context.Format(
        {N_("People found in the records: {count}. Check the list and the number, then save."),
         {{"count", std::to_string(prefill->people.size())}}});
  } else {
    extras.entries_shown = true;
    if (!links.kind) {
      refusal = Error::Fields({{"record_kind", {N_("Choose the kind of record."), {}}}});
    } else {
      auto entries = app::privacy::RecentEntries(services, actor, *links.kind);
      if (!entries) return Deny(context, kObjectType, "");
      extras.entries = std::move(*entries);
    }
  }
  const FieldValues<PrivacyIncident> values{.error = refusal ? &*refusal : nullptr,
                                            .initial = std::move(typed)};
  return RenderForm(context, values, extras, id, refusal ? 422 : 200);
}

// The form shown again after a refused save, as typed, with the people ticked and their names.
Response RefusedForm(Context& context, const Form& form, const Error& error,
                     std::optional<std::int64_t> id) {
  auto links = ReadLinks(form);
  FormExtras extras{.records = links.records, .people = {}, .kind = links.kind};
  const auto named =
      app::privacy::PrefillPeople(context.services.app, context.signed_in(), {}, links.people);
  if (named) extras.people = named->people;
  return RenderForm(context, {.form = &form, .error = &error}, extras, id, StatusFor(error.kind));
}

// Answers the posted form of a new entry (none: `id`) or of entry `id`: a step of the records
// part, or the save: to the entry's page, the audited 404, or the form again with the errors.
template <class SaveWork>
Response AnswerForm(Context& context, std::optional<std::int64_t> id, SaveWork&& save) {
  const Form form(context.request);
  const std::string step = form.Get("step");
  if (!PrivacyPolicy::CanManage(context.signed_in())) {
    return Deny(context, kObjectType, id ? context.Parameter("id") : "");
  }
  if (step == "prefill" || step == "entries") return FormStep(context, form, step, id);
  const auto saved = save(ReadIncident(form));
  if (!saved) {
    return Refusal(context, saved.error(), kObjectType, id ? context.Parameter("id") : "",
                   [&](const Error& error) { return RefusedForm(context, form, error, id); });
  }
  return Response::Redirect(IncidentHref(id ? *id : saved.value()) + "?done=saved");
}

// The notice's state as the register shows it: {label, overdue, due, given, due_by}.
mstch::map NoticeModel(const Context& context, const domain::NoticeStatus& notice) {
  using domain::NoticeState;
  mstch::map model{{"overdue", notice.state == NoticeState::kOverdue},
                   {"due", notice.state == NoticeState::kDue},
                   {"given", notice.state == NoticeState::kGiven},
                   {"required", notice.state != NoticeState::kNotRequired},
                   {"due_by", std::string()}};
  if (notice.state != NoticeState::kNotRequired) model["due_by"] = ShowDate(context, notice.due_by);
  return model;
}

// A date, or "—".
std::string DateOrDash(const Context& context, const std::optional<CivilDate>& date) {
  return date ? ShowDate(context, *date) : std::string("—");
}

// The level of a factor, translated, or "".
std::string LevelText(const Context& context, const std::optional<domain::RiskLevel>& level) {
  return level ? context.Translate(domain::LabelOf(*level)) : std::string();
}

// The name of user `id`, or "".
std::string UserName(const app::privacy::UserNames& users, std::optional<std::int64_t> id) {
  if (!id) return "";
  const auto found = users.find(*id);
  return found == users.end() ? std::string() : found->second;
}

// The period of the incident as it reads: "3 mars 2026", "3 mars 2026 – 5 mars 2026", or "".
std::string PeriodText(const Context& context, const PrivacyIncident& incident) {
  if (!incident.occurred_from) return "";
  std::string text = ShowDate(context, *incident.occurred_from);
  if (incident.occurred_until && *incident.occurred_until != *incident.occurred_from) {
    text += " – " + ShowDate(context, *incident.occurred_until);
  }
  return text;
}

// The entry's page data: every field, its records and people, where its notices stand.
mstch::map IncidentModel(const Context& context, const IncidentPage& page) {
  const auto& incident = page.row.incident;
  mstch::array factors;
  const std::pair<const char*,
                  std::pair<const std::optional<domain::RiskLevel>*, const std::string*>>
      rows[] = {
          {N_("Sensitivity of the information"),
           {&incident.sensitivity_level, &incident.sensitivity_note}},
          {N_("Likely misuse"), {&incident.misuse_level, &incident.misuse_note}},
          {N_("Possible consequences"),
           {&incident.consequences_level, &incident.consequences_note}},
          {N_("Likelihood of injury"), {&incident.likelihood_level, &incident.likelihood_note}},
      };
  for (const auto& [label, factor] : rows) {
    factors.push_back(mstch::map{{"label", context.Translate(label)},
                                 {"level", LevelText(context, *factor.first)},
                                 {"note", *factor.second}});
  }
  mstch::map model{
      {"id", std::to_string(incident.id)},
      {"edit_href", IncidentHref(incident.id) + "/edit"},
      {"information", incident.information},
      {"information_unknown", incident.information_unknown},
      {"circumstances", incident.circumstances},
      {"period", PeriodText(context, incident)},
      {"occurred_unknown", incident.occurred_unknown},
      {"learned_on", ShowDate(context, incident.learned_on)},
      {"people_count", reports::FormatCount(context, incident.people_count)},
      {"people_count_estimated", incident.people_count_estimated},
      {"people_list", PeopleList(context, page.people)},
      {"has_people", !page.people.empty()},
      {"record_list", RecordList(context, page.records, true)},
      {"has_records", !page.records.empty()},
      {"factors", factors},
      {"serious", incident.serious()},
      {"conclusion", incident.conclusion ? context.Translate(domain::LabelOf(*incident.conclusion))
                                         : std::string()},
      {"commission_notified_on", DateOrDash(context, incident.commission_notified_on)},
      {"people_notified_on", DateOrDash(context, incident.people_notified_on)},
      {"public_notice_on", DateOrDash(context, incident.public_notice_on)},
      {"measures", incident.measures},
      {"keep_until", ShowDate(context, incident.keep_until)},
      {"recorded_by", UserName(page.users, incident.recorded_by)},
      {"recorded_at", core_members::ShowTime(context, incident.recorded_at)},
      {"updated_by", UserName(page.users, incident.updated_by)},
      {"updated_at", core_members::ShowTime(context, incident.updated_at)},
      {"notice", NoticeModel(context, page.row.notice)},
      {"notice_days", std::to_string(page.notice_days)}};
  return model;
}

// The register as one sheet for the Commission, in the context's language: one row per entry,
// every field, the people and records by reference (names stay in Cercle).
// The register sheet's columns, in the order of RegisterRow's cells.
constexpr const char* kRegisterHeaders[] = {
    N_("Number"),
    N_("Personal information concerned"),
    N_("Why the information is not known"),
    N_("Circumstances"),
    N_("Incident on or from"),
    N_("Incident until"),
    N_("Why the date is not known"),
    N_("Learned of on"),
    N_("Number of people concerned"),
    N_("The number is an estimate"),
    N_("People listed"),
    N_("Records tied to the incident"),
    N_("Sensitivity of the information"),
    N_("Sensitivity: explanation"),
    N_("Likely misuse"),
    N_("Misuse: explanation"),
    N_("Possible consequences"),
    N_("Consequences: explanation"),
    N_("Likelihood of injury"),
    N_("Likelihood: explanation"),
    N_("Risk of serious injury"),
    N_("Commission notified on"),
    N_("People concerned notified on"),
    N_("Public notice given on"),
    N_("Notices due by"),
    N_("Notices overdue"),
    N_("Measures taken"),
    N_("Kept at least until"),
    N_("Entered by"),
    N_("Entered at"),
    N_("Last changed by"),
    N_("Last changed at"),
};

// One incident as a row of the register's sheet, in the order of kRegisterHeaders.
report::Row RegisterRow(const Context& context, const app::privacy::IncidentPage& page) {
  using report::Cell;
  const auto date = [](const std::optional<CivilDate>& day) {
    return day ? Cell(FormatIsoDate(*day)) : Cell();
  };
  const auto yes_no = [&](bool yes) { return Cell(context.Translate(yes ? N_("Yes") : N_("No"))); };
  const auto& incident = page.row.incident;
  std::string people, records;
  for (const auto& person : page.people) {
    people += (people.empty() ? "" : "; ") + context.Translate(domain::LabelOf(person.kind)) + " " +
              std::to_string(person.id);
  }
  for (const auto& record : page.records) {
    records += (records.empty() ? "" : "; ") + RecordLabel(context, record);
  }
  const bool required = page.row.notice.state != domain::NoticeState::kNotRequired;
  return {
      Cell(incident.id),
      Cell(incident.information),
      Cell(incident.information_unknown),
      Cell(incident.circumstances),
      date(incident.occurred_from),
      date(incident.occurred_until),
      Cell(incident.occurred_unknown),
      Cell(FormatIsoDate(incident.learned_on)),
      Cell(incident.people_count),
      yes_no(incident.people_count_estimated),
      Cell(people),
      Cell(records),
      Cell(LevelText(context, incident.sensitivity_level)),
      Cell(incident.sensitivity_note),
      Cell(LevelText(context, incident.misuse_level)),
      Cell(incident.misuse_note),
      Cell(LevelText(context, incident.consequences_level)),
      Cell(incident.consequences_note),
      Cell(LevelText(context, incident.likelihood_level)),
      Cell(incident.likelihood_note),
      yes_no(incident.serious()),
      date(incident.commission_notified_on),
      date(incident.people_notified_on),
      date(incident.public_notice_on),
      required ? Cell(FormatIsoDate(page.row.notice.due_by)) : Cell(),
      yes_no(page.row.notice.state == domain::NoticeState::kOverdue),
      Cell(incident.measures),
      Cell(FormatIsoDate(incident.keep_until)),
      Cell(UserName(page.users, incident.recorded_by)),
      Cell(FormatIsoDate(context.services.app.translator.LocalDate(incident.recorded_at))),
      Cell(UserName(page.users, incident.updated_by)),
      Cell(FormatIsoDate(context.services.app.translator.LocalDate(incident.updated_at))),
  };
}

report::Sheet RegisterSheet(const Context& context, const app::privacy::RegisterExport& data) {
  using report::Cell;
  report::Sheet sheet;
  sheet.name = context.Translate(N_("Confidentiality incidents"));
  report::Row header;
  for (const char* text : kRegisterHeaders) header.push_back(Cell(context.Translate(text), true));
  sheet.rows.push_back(std::move(header));
  sheet.column_widths.assign(std::size(kRegisterHeaders), 18);
  for (const auto& page : data.incidents) sheet.rows.push_back(RegisterRow(context, page));
  return sheet;
}

// The register exported in `format` as `write` writes the sheet, in the language asked for.
template <class Write>
Response Export(Context& context, app::privacy::ExportFormat format, const std::string& extension,
                const std::string& type, Write&& write) {
  const auto language = reports::RequestedLanguage(context);
  const auto data = app::privacy::ExportRegister(context.services.app, context.signed_in(), format);
  if (!data) {
    if (data.error().kind == ErrorKind::kNotFound) return Deny(context, kObjectType, "");
    return reports::RefusedExport(context, data.error(), kObjectType, language);
  }
  context.language = language;
  const std::string base = language == i18n::Language::kFrench
                               ? "registre-incidents-confidentialite"
                               : "confidentiality-incidents";
  return reports::Download(
      write(RegisterSheet(context, *data)), type,
      base + "-" + FormatIsoDate(context.services.app.Today()) + "." + extension);
}

}  // namespace

Response ListIncidents(Context& context) {
  Pagination pages;
  const auto page = app::privacy::LoadIncidentRegister(context.services.app, context.signed_in(),
                                                       [&](std::int64_t total) {
                                                         pages = Paginate(context.request, total);
                                                         return pages.Slice();
                                                       });
  if (!page) return Deny(context, kObjectType, "");
  mstch::array incidents;
  for (const auto& row : page->incidents) {
    const auto& incident = row.incident;
    incidents.push_back(
        mstch::map{{"href", IncidentHref(incident.id)},
                   {"number", std::to_string(incident.id)},
                   {"learned_on", ShowDate(context, incident.learned_on)},
                   {"circumstances", incident.circumstances},
                   {"people_count", reports::FormatCount(context, incident.people_count)},
                   {"serious", incident.serious()},
                   {"notice", NoticeModel(context, row.notice)}});
  }
  mstch::map model{{"incidents", incidents},
                   {"empty", incidents.empty()},
                   {"total", std::to_string(page->total)},
                   {"notice_days", std::to_string(page->notice_days)},
                   {"overdue", page->overdue > 0},
                   {"overdue_count", std::to_string(page->overdue)}};
  AddPagination(context, pages, model, "pagination", N_("Pages of the register"));
  return RenderPage(context, "privacy_incidents",
                    context.Translate(N_("Confidentiality incidents")), std::move(model));
}

Response ShowNewIncident(Context& context) {
  if (!PrivacyPolicy::CanManage(context.signed_in())) return Deny(context, kObjectType, "");
  return RenderForm(context,
                    {.initial = {{"learned_on", FormatIsoDate(context.services.app.Today())},
                                 {"people_count", "0"}}},
                    {}, std::nullopt, 200);
}

Response CreateIncident(Context& context) {
  return AnswerForm(context, std::nullopt, [&](const IncidentForm& form) {
    return app::privacy::CreateIncident(context.services.app, context.signed_in(), form);
  });
}

Response ShowIncident(Context& context) {
  const auto page =
      CallWithPathId(context, app::privacy::LoadIncident, app::privacy::RecordReading::kYes);
  if (!page) return Deny(context, kObjectType, context.Parameter("id"));
  auto model = IncidentModel(context, *page);
  if (reports::QueryValue(context, "done") == "saved") {
    model["saved"] = context.Translate(N_("The change is saved."));
  }
  return RenderPage(context, "privacy_incident",
                    context.Translate(N_("Confidentiality incident")) + " " +
                        std::to_string(page->row.incident.id),
                    std::move(model));
}

Response ShowEditIncident(Context& context) {
  const auto page =
      CallWithPathId(context, app::privacy::LoadIncident, app::privacy::RecordReading::kYes);
  if (!page) return Deny(context, kObjectType, context.Parameter("id"));
  return RenderForm(context, {.record = &page->row.incident},
                    {.records = page->records, .people = page->people}, page->row.incident.id, 200);
}

Response EditIncident(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, kObjectType, context.Parameter("id"));
  return AnswerForm(context, *id, [&](const IncidentForm& form) -> Result<std::int64_t> {
    TRY(app::privacy::EditIncident(context.services.app, context.signed_in(), *id, form));
    return *id;
  });
}

Response ExportIncidentsCsv(Context& context) {
  return Export(context, app::privacy::ExportFormat::kCsv, "csv", reports::kCsvType,
                [](const report::Sheet& sheet) { return report::WriteCsv(sheet); });
}

Response ExportIncidentsXlsx(Context& context) {
  return Export(context, app::privacy::ExportFormat::kXlsx, "xlsx", reports::kXlsxType,
                [](const report::Sheet& sheet) { return report::WriteWorkbook({sheet}); });
}

}  // namespace cercle::web::pages::privacy
