#pragma once

#include <cstdint>
#include <map>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/intake/core_members.hpp"
#include "app/intake/documents.hpp"
#include "app/intake/intake_common.hpp"
#include "base/dates.hpp"
#include "domain/enum_names.hpp"
#include "domain/intake_fields.hpp"
#include "web/context.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"

// What the intake pages (core members, referrals, eligibility criteria) share: dates in forms,
// choice lists, audit entries, the "who viewed this" list and error messages whose arguments are
// labels.
namespace cercle::web::pages::core_members {

// Today in the organisation's time zone.
CivilDate Today(const Context& context);

// A civil date written out in the reader's language, or "" for none.
std::string ShowDate(const Context& context, const std::optional<CivilDate>& date);
// An instant written out as a date and time in the reader's language.
std::string ShowTime(const Context& context, Instant instant);

// Reads the date field `name` of `form` ("YYYY-MM-DD", as <input type="date"> sends it). Adds a
// field error when it is malformed, or blank and `required` (with `missing` as the message).
std::optional<CivilDate> DateField(const Form& form, const std::string& name, bool required,
                                   std::string_view missing, std::vector<FieldError>& errors);

// An optional id field (a select): none when blank; a field error when it is not an id.
std::optional<std::int64_t> IdField(const Form& form, const std::string& name,
                                    std::vector<FieldError>& errors);

// `error` with each argument (a label msgid, such as a status) translated, so that the whole
// message reads in the reader's language.
Error WithTranslatedArguments(const Context& context, Error error);

// The names every intake page uses.
using app::intake::IntakeOwner;
using app::intake::Viewing;

using web::Choice;
using web::Choices;
using web::EnumChoices;

// The model of a form from values: each name with {"value": …}.
mstch::map Values(std::initializer_list<std::pair<std::string, std::string>> values);

// The value typed in field `name` of a form model ({"name": {"value": …}}), or "".
std::string ValueOf(const mstch::map& model, const std::string& name);

// The organisation's users, by id, to name who did what.
app::intake::Users OrganisationUsers(Context& context);
// The name of user `id` in `users`, or "Unknown user" in the reader's language.
std::string UserName(const Context& context, const app::intake::Users& users,
                     std::optional<std::int64_t> id);
// The choices of a select of users: [{id, display name}], by name.
std::vector<Choice> UserChoices(const std::vector<const store::User*>& users);

// The moves of a file's or a referral's `history`, newest first: [{from, to, reason, who, when}],
// and the link to the referral a file's move came from.
template <class Move>
mstch::array HistoryRows(const Context& context, const std::vector<Move>& history,
                         const app::intake::Users& users) {
  mstch::array rows;
  for (auto move = history.rbegin(); move != history.rend(); ++move) {
    mstch::map row{{"to", context.Translate(domain::LabelOf(move->to))},
                   {"reason", move->reason},
                   {"who", UserName(context, users, move->changed_by)},
                   {"when", ShowTime(context, move->changed_at)}};
    if (move->from) row["from"] = context.Translate(domain::LabelOf(*move->from));
    // A file's move may come from a referral (an optional id); a referral's moves are its own.
    if constexpr (requires { move->referral_id.has_value(); }) {
      if (move->referral_id)
        row["referral_href"] = "/referrals/" + std::to_string(*move->referral_id);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Records that the actor viewed (or listed) something, in a transaction of its own.
void RecordView(Context& context, const std::string& action, const std::string& object_type,
                const std::string& object_id);

// "Who viewed this record": the latest entries `action` on the object, as [{who, when}].
mstch::array Viewers(Context& context, const std::string& action, const std::string& object_type,
                     std::int64_t object_id, const app::intake::Users& users);
// `viewers` as [{who, when}].
mstch::array ViewerRows(const Context& context, const std::vector<app::intake::Viewer>& viewers,
                        const app::intake::Users& users);

// Documents as a view model: [{id, title, filename, size, uploaded, who, href, remove}], with
// `path` the prefix of the download address ("/core-members/documents/").
mstch::array DocumentRows(const Context& context,
                          const std::vector<app::intake::Document>& documents,
                          const std::string& path, const app::intake::Users& users);

}  // namespace cercle::web::pages::core_members
