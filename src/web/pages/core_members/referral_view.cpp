#include "web/pages/core_members/referral_view.hpp"

#include "app/intake/eligibility.hpp"
#include "web/badges.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

constexpr const char* kDocumentPath = "/referrals/documents/";

}  // namespace

std::string ReferralTone(domain::ReferralStatus status) {
  using enum domain::ReferralStatus;
  return ToneOf(
      status,
      {.ok = {kAccepted}, .warning = {kScreening, kWaitlisted}, .danger = {kDeclined, kWithdrawn}});
}

namespace {

// The checklist, as saved or as just typed when saving it failed: its lines and what is missing.
void AddChecklist(const Context& context, const app::intake::ReferralPage& page,
                  const ReferralPageState& state, mstch::map& model) {
  std::vector<std::int64_t> ticked = page.met;
  if (state.section == "checklist" && state.form) {
    ticked.clear();
    for (const auto& value : state.form->All("met")) {
      if (const auto id = ParseId(value)) ticked.push_back(*id);
    }
  }
  mstch::array lines;
  mstch::array missing;
  for (const auto& line : domain::EligibilityChecklist(page.criteria, ticked)) {
    const std::string label =
        app::intake::CriterionLabel(context.services.app, context.language, *line.criterion);
    lines.push_back(mstch::map{
        {"id", std::to_string(line.criterion->id)}, {"label", label}, {"met", line.met}});
    if (!line.met) missing.push_back(label);
  }
  model["no_criteria"] = lines.empty();
  model["lines"] = std::move(lines);
  model["all_met"] = missing.empty();
  model["missing"] = std::move(missing);
}

std::string MoveLabel(domain::ReferralStatus to) {
  return to == domain::ReferralStatus::kScreening    ? N_("Start the screening")
         : to == domain::ReferralStatus::kWaitlisted ? N_("Put on the waiting list")
         : to == domain::ReferralStatus::kDeclined   ? N_("Decline")
                                                     : N_("Withdraw");
}

// The moves allowed from the referral's status; the acceptance has its own form.
void AddMoves(const Context& context, const domain::Referral& referral, mstch::map& model) {
  mstch::array moves;
  bool can_accept = false;
  for (const auto to : domain::AllowedReferralMoves(referral.status)) {
    if (to == domain::ReferralStatus::kAccepted) {
      can_accept = true;
      continue;
    }
    const bool ends =
        to == domain::ReferralStatus::kDeclined || to == domain::ReferralStatus::kWithdrawn;
    moves.push_back(mstch::map{{"value", std::string(domain::NameOf(to))},
                               {"label", context.Translate(MoveLabel(to))},
                               {"danger", ends}});
  }
  model["can_move"] = !moves.empty();
  model["moves"] = std::move(moves);
  model["can_accept"] = can_accept;
}

mstch::map Details(const Context& context, const domain::Referral& referral) {
  return mstch::map{{"id", std::to_string(referral.id)},
                    {"href", ReferralHref(referral.id)},
                    {"person_legal_name", referral.person_legal_name},
                    {"person_preferred_name", referral.person_preferred_name},
                    {"person_birth_date", ShowDate(context, referral.person_birth_date)},
                    {"source", referral.source == domain::ReferralSource::kOther
                                   ? referral.source_other
                                   : context.Translate(domain::LabelOf(referral.source))},
                    {"referrer_name", referral.referrer_name},
                    {"referrer_organisation", referral.referrer_organisation},
                    {"referrer_contact", referral.referrer_contact},
                    {"received_on", ShowDate(context, referral.received_on)},
                    {"summary", referral.summary},
                    {"status", context.Translate(domain::LabelOf(referral.status))},
                    {"tone", ReferralTone(referral.status)},
                    {"decision_reason", referral.decision_reason},
                    {"open", !domain::IsDecided(referral.status)}};
}

mstch::map ReferralView(const Context& context, const app::intake::ReferralPage& page,
                        const ReferralPageState& state) {
  mstch::map model = Details(context, page.referral);
  AddChecklist(context, page, state, model);
  AddMoves(context, page.referral, model);
  model["history"] = HistoryRows(context, page.history, page.users);
  model["documents"] = DocumentRows(context, page.documents, kDocumentPath, page.users);
  model["viewers"] = ViewerRows(context, page.viewers, page.users);
  if (page.file) {
    model["file_href"] = FileHref(page.file->id);
    model["file_label"] = page.file->legal_name + " (" + page.file->file_number + ")";
  }
  const Form* form = state.form;
  model["reason"] =
      mstch::map{{"value", form && state.section == "move" ? form->Get("reason") : std::string()}};
  model["title"] = mstch::map{
      {"value", form && state.section == "documents" ? form->Get("title") : std::string()}};
  if (state.error) AddErrors(context, WithTranslatedArguments(context, *state.error), model);
  if (!state.notice.empty()) model["notice"] = state.notice;
  return model;
}

}  // namespace

std::string ReferralHref(std::int64_t id) { return "/referrals/" + std::to_string(id); }

Response RenderReferral(Context& context, std::int64_t id, const ReferralPageState& state) {
  const auto page = app::intake::LoadReferralPage(context.services.app, context.signed_in(), id);
  if (!page) return Deny(context, "referral", context.Parameter("id"));
  const int status = state.error ? StatusFor(state.error->kind) : 200;
  return RenderPage(context, "referral_page", page->referral.person_legal_name,
                    ReferralView(context, *page, state), status);
}

Response RenderAccept(Context& context, const app::intake::AcceptanceForm& form, mstch::map model,
                      int status) {
  const auto& referral = form.referral;
  std::vector<Choice> reopen{{"", context.Translate(N_("Open a new file"))}};
  for (const auto& file : form.closed) {
    reopen.push_back({std::to_string(file.id),
                      context.Format({N_("Reopen the file of {name} ({number})"),
                                      {{"name", file.legal_name}, {"number", file.file_number}}})});
  }
  std::vector<Choice> coordinators{{"", context.Translate(N_("Nobody yet"))}};
  for (const auto* user : app::intake::FileStaff(form.users))
    coordinators.push_back({std::to_string(user->id), user->display_name});
  model["reopen_choices"] = Choices(reopen, ValueOf(model, "reopen"));
  model["coordinator_choices"] = Choices(coordinators, ValueOf(model, "coordinator"));
  model["id"] = std::to_string(referral.id);
  model["href"] = ReferralHref(referral.id);
  model["person_legal_name"] = referral.person_legal_name;
  model["missing_count"] = std::to_string(form.missing_criteria);
  model["criteria_missing"] = form.missing_criteria > 0;
  return RenderPage(context, "referral_accept", context.Translate(N_("Accept the referral")),
                    std::move(model), status);
}

}  // namespace cercle::web::pages::core_members
