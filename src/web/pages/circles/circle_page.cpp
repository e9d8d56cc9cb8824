// The coordinators' circle page: members, phase, covenant, meetings and minutes, contacts, reviews,
// the outer circle, closure, and who viewed the record. app::circles::LoadCirclePage reads it all;
// this file turns it into the template's data, one small view function per section.
#include "app/circles/circle_page.hpp"
#include "domain/circle_flags.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_attention.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_details.hpp"
#include "web/pages/circles/circle_page_sections.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

// What the page asks LoadCirclePage for: every held meeting (?meetings=…) or the recent ones, and
// the pages of meetings and contacts the request names.
app::circles::CirclePageOptions OptionsOf(const Context& context, app::circles::ViewAudit audit) {
  app::circles::CirclePageOptions options;
  if (context.request.QueryParameters().count("meetings") > 0) {
    options.all_meetings = app::circles::AllMeetings::kYes;
  }
  options.meetings_page = {
      Paginate(context.request, kUnknownTotal, kPageSize, "meetings_page").page, kPageSize};
  const auto contacts_size = app::circles::kContactsPageSize;
  options.contacts_page = {
      Paginate(context.request, kUnknownTotal, contacts_size, "contacts_page").page, contacts_size};
  options.audit = audit;
  return options;
}

// This circle's flags, from what the page read.
mstch::array Flags(const Context& context, const CirclePage& page) {
  const auto& circle = page.circle;
  std::optional<CivilDate> last_meeting;
  if (page.last_held) last_meeting = LocalDay(context, *page.last_held);
  const domain::FlagSettings flag_settings{page.settings.review_months, page.settings.contact_days};
  std::vector<domain::CircleFlag> found = domain::CircleFlags(
      circle, last_meeting, page.last_contact, page.reviews, flag_settings, page.today);
  for (const auto& record : page.unsettled) {
    if (const auto flag =
            domain::MinutesFlag(record.meeting, record.minutes ? &*record.minutes : nullptr,
                                LocalDay(context, record.meeting.starts), page.now)) {
      found.push_back(*flag);
    }
  }
  mstch::array flags;
  for (const auto& flag : found) {
    flags.push_back(mstch::map{{"text", FlagText(context, flag, circle.code_name)},
                               {"href", FlagHref(flag)},
                               {"urgent", flag.urgent}});
  }
  return flags;
}

// The details form (circle_details.cpp describes its fields).
mstch::map DetailsForm(const Context& context, const domain::Circle& circle,
                       const CirclePageState& state) {
  const bool failed = state.section == "details";
  mstch::map details{{"open", failed}};
  AddDetailFields(context, circle, failed ? state.form : nullptr, failed ? state.error : nullptr,
                  "details", details);
  return details;
}

// The closure form.
mstch::map CloseForm(const Context& context, const CirclePage& page, const CirclePageState& state) {
  const bool failed = state.section == "close";
  mstch::map close = SectionModel(context, failed, state.form, state.error,
                                  {"closure_reason", "closed_on", "closing_note"},
                                  {{"closed_on", FormatIsoDate(page.today)}});
  close["reasons"] = Choices(context, domain::EnumValues<domain::ClosureReason>(),
                             failed ? state.form->Get("closure_reason") : "");
  close["open"] = failed;
  return close;
}

// Who viewed this record.
mstch::array Viewers(const Context& context, const CirclePage& page) {
  mstch::array viewers;
  for (const auto& entry : page.viewers) {
    const auto who = entry.event.actor_user_id ? page.user_names.find(*entry.event.actor_user_id)
                                               : page.user_names.end();
    viewers.push_back(mstch::map{
        {"who", who == page.user_names.end() ? context.Translate(N_("Unknown user")) : who->second},
        {"when", context.services.translator.FormatDateTime(context.language, entry.event.at)}});
  }
  return viewers;
}

// The template data of the page.
mstch::map CircleView(const Context& context, const CirclePage& page,
                      const CirclePageState& state) {
  const auto& circle = page.circle;
  mstch::map model = CircleDetailsView(context, circle);
  AddDetailRows(context, circle, model);
  model["id"] = std::to_string(circle.id);
  if (page.core_member) {
    model["core_member"] = page.core_member->name_used();
    model["core_member_href"] = "/core-members/" + std::to_string(page.core_member->id);
  }
  if (!state.notice.empty()) model["notice"] = state.notice;
  // A refused form's summary ("Please correct the errors below." with field errors), or the refusal
  // itself when it names no field (who has not signed the covenant, a closed circle…).
  if (state.error) model["form_error"] = context.Format(state.error->message);
  const mstch::array flags = Flags(context, page);
  model["has_flags"] = !flags.empty();
  model["flags"] = flags;
  model["next_step"] = NextStepSection(context, page);
  model["members"] = MembersSection(context, page, state);
  model["phase_section"] = PhaseSection(context, page, state);
  model["covenant"] = CovenantSection(context, page, state);
  model["meetings"] = MeetingsSection(context, page, state);
  model["contacts"] = ContactRows(context, page, model);
  model["reviews"] = ReviewsSection(context, page, state);
  model["outer"] = OuterSection(context, page, state);
  model["details"] = DetailsForm(context, circle, state);
  model["close"] = CloseForm(context, page, state);
  model["viewers"] = Viewers(context, page);
  return model;
}

Response RenderCirclePage(Context& context, const CirclePage& page, const CirclePageState& state) {
  return RenderPage(context, "circle_page", page.circle.code_name, CircleView(context, page, state),
                    state.error ? StatusFor(state.error->kind) : 200);
}

// The notice of ?saved=…, in the reader's language ("" for none).
std::string SavedNotice(const Context& context) {
  static const std::map<std::string, const char*> kNotices = {
      {"opened",
       N_("The circle is open, with the first version of its covenant. Propose its volunteers.")},
      {"member", N_("The volunteer is in the circle.")},
      {"left", N_("The volunteer has left the circle.")},
      {"phase", N_("The phase change is recorded, with its covenant amendment.")},
      {"started", N_("The circle has started.")},
      {"covenant", N_("The new version of the covenant is recorded. Collect its signatures.")},
      {"signed", N_("The signatures are recorded.")},
      {"meetings", N_("The meetings are planned.")},
      {"review", N_("The review is recorded.")},
      {"closed", N_("The circle is closed.")},
      {"agreement", N_("The agreement is recorded.")},
      {"details", N_("The change is saved.")},
  };
  const auto query = context.request.QueryParameters();
  const auto saved = query.find("saved");
  if (saved == query.end()) return "";
  const auto found = kNotices.find(saved->second);
  return found == kNotices.end() ? "" : context.Translate(found->second);
}

}  // namespace

Response RenderCircle(Context& context, const domain::Circle& circle,
                      const CirclePageState& state) {
  const auto page =
      app::circles::LoadCirclePage(context.services.app, context.signed_in(), circle.id,
                                   OptionsOf(context, app::circles::ViewAudit::kSkip));
  if (!page) return Deny(context, "circle", std::to_string(circle.id));
  return RenderCirclePage(context, *page, state);
}

Response Show(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto page =
      id ? app::circles::LoadCirclePage(context.services.app, context.signed_in(), *id,
                                        OptionsOf(context, app::circles::ViewAudit::kRecord))
         : Result<CirclePage>(Error::NotFound());
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  return RenderCirclePage(context, *page, {"", 0, nullptr, nullptr, SavedNotice(context)});
}

}  // namespace cercle::web::pages::circles
