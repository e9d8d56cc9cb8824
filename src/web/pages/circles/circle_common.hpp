#pragma once

#include <cstdint>
#include <map>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/circles/circle_meetings.hpp"
#include "app/circles/circles.hpp"
#include "domain/circle.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "domain/enum_names.hpp"
#include "domain/settings.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/parameters.hpp"

// What the circles' pages share: the organisation's circle settings, local dates and times in the
// organisation's time zone, finding a circle the actor may see, choices for forms, and the audit.
namespace cercle::web::pages::circles {

// The organisation's circle settings (app::circles reads them).
using app::circles::CircleSettings;
using app::circles::CircleSettingsOf;

// Today in the organisation's time zone.
CivilDate Today(const Context& context);
// The instant of `minute` minutes after midnight on `date`, in the organisation's time zone.
Instant LocalInstant(const Context& context, CivilDate date, int minute);
// The day of `instant` in the organisation's time zone.
CivilDate LocalDay(const Context& context, Instant instant);
// The minutes after midnight of `instant` in the organisation's time zone.
int LocalMinute(const Context& context, Instant instant);
// "19:00".
std::string TimeText(int minute);
// A time of day typed as "19:00", "19h00", "19 h" or "7:30": minutes after midnight.
std::optional<int> ParseTime(std::string_view text);

// A civil date written out in the reader's language.
std::string FormatDay(const Context& context, CivilDate date);
// A meeting's day and time in the reader's language: "30 novembre 2026, 19 h 00" / "November 30,
// 2026, 19:00".
std::string FormatMeetingTime(const Context& context, Instant starts);
// Minutes as a length: "1 h 30", "45 min".
std::string FormatLength(const Context& context, int minutes);

// The address of a circle's page (coordinators) and of its phone view (volunteers), of a meeting's
// phone view, and of a volunteer's preferences about serving in circles.
std::string CircleHref(std::int64_t circle_id);
std::string PortalCircleHref(std::int64_t circle_id);
std::string PortalMeetingHref(std::int64_t meeting_id);
std::string PreferencesHref(std::int64_t volunteer_id);

// Where a meeting is held, in the reader's language: its venue's name (or the place typed before
// the register), or "By telephone" / "By video".
std::string PlaceShown(const Context& context, const domain::Meeting& meeting);

// The head of a meeting's page, for coordinators and volunteers alike: its id, its circle (linked
// to `circle_href`), when, what kind, and where.

mstch::map MeetingHead(const Context& context, const domain::Meeting& meeting,
                       const std::string& circle_code_name, const std::string& circle_href);

// The CSS modifier of a phase's badge: "ok" while active, "warning" when forming or suspended, ""
// when closed.
std::string PhaseBadge(domain::CirclePhase phase);

// The circle named by the {id} path parameter (or `id`), when the actor may manage it; none for a
// malformed id, a missing circle, another organisation's circle, or an actor the policy refuses
// (the caller then answers with Deny, as for a missing record).
std::optional<domain::Circle> FindManagedCircle(Context& context);
std::optional<domain::Circle> FindManagedCircle(Context& context, std::int64_t id);

// The options of a <select>: every value with its translated label, `chosen` selected.
template <class Enum, class Names, class Labels>
mstch::array Choices(const Context& context, const std::vector<Enum>& values, Names name,
                     Labels label, const std::string& chosen) {
  mstch::array choices;
  for (const auto value : values) {
    const std::string value_name(name(value));
    choices.push_back(mstch::map{{"value", value_name},
                                 {"label", context.Translate(label(value))},
                                 {"selected", value_name == chosen}});
  }
  return choices;
}

// The options of a <select> of values of an enumeration with an EnumTable (domain/enum_names.hpp),
// `chosen` selected.
template <class Enum>
mstch::array Choices(const Context& context, const std::vector<Enum>& values,
                     const std::string& chosen) {
  return Choices(
      context, values, [](Enum value) { return domain::NameOf(value); },
      [](Enum value) { return domain::LabelOf(value); }, chosen);
}

// The weekly slots of a form's checkboxes (named `field`, values "mon-evening"…), for an
// availability grid: one row per day with a checkbox per part of the day.
mstch::array SlotRows(const Context& context, const domain::Availability& chosen,
                      const std::string& prefix);

// The weekly slots ticked in the checkboxes `field` of `form`.
domain::Availability SlotsOf(const Form& form, const std::string& field);

// The model of a form section: the fields of `form` with `error` when this section's form failed,
// or empty fields (with `defaults`) otherwise.
mstch::map SectionModel(const Context& context, bool failed, const Form* form, const Error* error,
                        std::initializer_list<std::string> names,
                        const std::map<std::string, std::string>& defaults = {});

// A page about one record, described once for its handlers: the record's type in the audit log,
// how to read it (recording the view or not), and how to show it with a refused form and its error,
// or with a notice.
template <class Page>
struct RecordPage {
  std::string_view object_type;
  Result<Page> (*load)(const app::Services&, const auth::Actor&, std::int64_t,
                       app::circles::ViewAudit);
  Response (*render)(Context&, const Page&, const Form*, const Error*, const std::string&);
};

// GET of `page` for the record of the {id} path parameter (the view recorded), with `notice`; the
// audited 404 when the actor may not read it.
template <class Page>
Response ShowRecord(Context& context, const RecordPage<Page>& page, const std::string& notice) {
  const auto read = CallWithPathId(context, page.load, app::circles::ViewAudit::kRecord);
  if (!read) return Deny(context, page.object_type, context.Parameter("id"));
  return page.render(context, *read, nullptr, nullptr, notice);
}

// The refusal of a change to record `id`, mapped by web::Refusal: `page` again with the refused
// form (when there is one) and its error, or the audited 404 when the actor may not read it.
template <class Page>
Response RefusedOnRecord(Context& context, const RecordPage<Page>& page, std::int64_t id,
                         const Form* form, const Error& error) {
  return Refusal(context, error, page.object_type, context.Parameter("id"),
                 [&](const Error& refused) {
                   const auto read = page.load(context.services.app, context.signed_in(), id,
                                               app::circles::ViewAudit::kSkip);
                   if (!read) return Deny(context, page.object_type, context.Parameter("id"));
                   return page.render(context, *read, form, &refused, "");
                 });
}

// The refusal of a form posted with web::PostForm: `page` again with it (RefusedOnRecord).
template <class Page>
auto ShowAgain(Context& context, const RecordPage<Page>& page) {
  return [&context, &page](std::int64_t id, const Form& form, const Error& error) {
    return RefusedOnRecord(context, page, id, &form, error);
  };
}

// Adds to `row` how agreement `agreement_id` stands today, from `effects`: "in_effect",
// "suspended" with "suspension" (why, its date written out in the reader's language), or
// "not_in_force".
void AddAgreementEffect(const Context& context,
                        const std::map<std::int64_t, domain::AgreementEffect>& effects,
                        std::int64_t agreement_id, mstch::map& row);

}  // namespace cercle::web::pages::circles
