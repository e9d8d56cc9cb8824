#include "web/pages/privacy/privacy_notice_pages.hpp"

#include <string>

#include "app/privacy/privacy_notice.hpp"
#include "web/layout.hpp"
#include "web/pages/privacy/person_in_charge_pages.hpp"
#include "web/pages/privacy/retention_pages.hpp"

namespace cercle::web::pages::privacy {
namespace {

using domain::PrivacyRecordKind;

// What the page says of one kind of record: what is collected, why, and what a role with limited
// access sees of it (msgids; "" when no role has limited access).
struct KindText {
  PrivacyRecordKind kind;
  const char* what;
  const char* why;
  const char* limited;
};

const KindText kKindTexts[] = {
    {PrivacyRecordKind::kReferralsAndFiles,
     N_("The referral (who referred the person and when), then the core member's file: identity, "
        "contact details, the offence summary, court orders and release conditions (which may name "
        "the people they protect), risk assessments, consents and the history of the file."),
     N_("To decide whether a circle can be offered, to support the person safely and to respect "
        "the conditions that protect others."),
     N_("Volunteers see only what their circle needs (first name, the conditions to respect, "
        "meeting details), and only for the circles they belong to. Partners see a minimal page of "
        "the circles an information-sharing agreement in force shares with them.")},
    {PrivacyRecordKind::kVolunteerFiles,
     N_("The volunteer's contact details, availability and languages, screening (police check, "
        "references, interview), training, hours given and supervision notes."),
     N_("To select, train and support volunteers, and to report volunteer hours to funders."),
     N_("Each volunteer sees their own file in their portal: profile, training, hours and the "
        "status of their screening, never refusal reasons or supervision notes.")},
    {PrivacyRecordKind::kCircles,
     N_("Meetings and their minutes, attendance, contacts between meetings, the covenant and its "
        "signatures, and circle reviews."),
     N_("To run each circle, to follow how it goes, and to notice early when something worries "
        "the volunteers."),
     N_("Volunteers see the circles they are or were members of; partners see the minimal page "
        "of the circles shared with them.")},
    {PrivacyRecordKind::kConcerns,
     N_("Concerns raised about a circle, how staff handled them, and what was disclosed to "
        "partners and why."),
     N_("To act quickly when someone's safety may be at risk, and to keep a record of every "
        "disclosure."),
     N_("A volunteer sees the concerns they raised and the reply; a partner sees only what was "
        "disclosed to them.")},
    {PrivacyRecordKind::kDocuments,
     N_("Documents attached to referrals, files and volunteers' screening: court documents, "
        "signed agreements, certificates."),
     N_("To keep the evidence a decision rests on."), ""},
    {PrivacyRecordKind::kReports,
     N_("Totals computed from the records: circles, hours, outcomes. Only the organisation's "
        "staff see the lists behind a figure."),
     N_("To account to funders and to evaluate the program."),
     N_("Evaluators receive a de-identified extract only; the network administrator sees only "
        "the totals the organisation chooses to share.")},
    {PrivacyRecordKind::kAccounts,
     N_("For each user: name, e-mail address, roles, language, sessions (time, address, browser) "
        "and the audit log, which records who viewed or changed which record and when, never its "
        "contents."),
     N_("To protect access to the records and to be able to check every access afterwards."),
     N_("Every user sees and manages their own account.")},
    {PrivacyRecordKind::kPrivacyRegisters,
     N_("The register of confidentiality incidents, the requests from the people concerned, and "
        "the certificates of destruction."),
     N_("To meet the obligations of the law and to show that they are met."), ""},
};

const KindText& TextOf(PrivacyRecordKind kind) {
  for (const auto& text : kKindTexts) {
    if (text.kind == kind) return text;
  }
  return kKindTexts[0];
}

// What is collected and why, one entry per kind of record.
mstch::array CollectedView(const Context& context, const app::privacy::PrivacyNotice& notice) {
  mstch::array kinds;
  for (const auto& row : notice.access) {
    const auto& text = TextOf(row.kind);
    kinds.push_back(mstch::map{{"label", context.Translate(domain::LabelOf(row.kind))},
                               {"what", context.Translate(text.what)},
                               {"why", context.Translate(text.why)}});
  }
  return kinds;
}

// The table of who sees what: one column per role, one row per kind of record, each cell asked
// of the policies; and what "limited" means for each kind where a role has it.
mstch::map AccessView(const Context& context, const app::privacy::PrivacyNotice& notice) {
  mstch::array roles;
  for (const auto role : notice.roles) {
    roles.push_back(mstch::map{{"label", context.Translate(domain::LabelOf(role))},
                               {"name", std::string(domain::NameOf(role))}});
  }
  mstch::array rows;
  mstch::array limits;
  for (const auto& row : notice.access) {
    mstch::array cells;
    bool limited = false;
    for (std::size_t i = 0; i < row.by_role.size(); ++i) {
      const auto access = row.by_role[i];
      limited = limited || access == domain::PrivacyAccess::kLimited;
      cells.push_back(mstch::map{{"text", context.Translate(domain::LabelOf(access))},
                                 {"access", std::string(domain::NameOf(access))},
                                 {"role", std::string(domain::NameOf(notice.roles[i]))}});
    }
    const std::string label = context.Translate(domain::LabelOf(row.kind));
    rows.push_back(mstch::map{{"label", label}, {"cells", cells}});
    const auto& text = TextOf(row.kind);
    if (limited && *text.limited) {
      limits.push_back(mstch::map{{"label", label}, {"text", context.Translate(text.limited)}});
    }
  }
  return mstch::map{{"roles", roles}, {"rows", rows}, {"limits", limits}};
}

// What the organisation's settings change in who sees what.
mstch::array SettingsView(const Context& context, const app::privacy::NoticeSettings& settings) {
  mstch::array lines;
  const auto add = [&](const Message& message) { lines.push_back(context.Format(message)); };
  add({N_("A volunteer keeps access to a circle for {days} days after it closes or after they "
          "leave it."),
       {{"days", std::to_string(settings.volunteer_access_days)}}});
  add({N_("In the evaluation extract, a combination of age band, region and referral source "
          "shared by fewer than {count} people is withheld."),
       {{"count", std::to_string(settings.evaluation_minimum_group)}}});
  add({settings.shares_network_figures
           ? N_("The organisation adds its funder totals to the network's totals; no record "
                "leaves the organisation.")
           : N_("The organisation does not share its totals with the network."),
       {}});
  add({settings.publishes_impact_page
           ? N_("The organisation publishes a public impact page: totals only, any figure under 5 "
                "hidden.")
           : N_("The organisation publishes no public impact page."),
       {}});
  return lines;
}

// How long each kind of record is kept, from the organisation's retention schedule.
mstch::array RetentionView(const Context& context, const domain::RetentionSchedule& schedule) {
  mstch::array rows;
  for (const auto& period : schedule) {
    rows.push_back(mstch::map{{"label", context.Translate(period.label)},
                              {"period", RetentionPeriodText(context, period)},
                              {"counted_from", context.Translate(period.counted_from)},
                              {"legal_note", context.Translate(period.legal_note)}});
  }
  return rows;
}

}  // namespace

Response ShowOrganisationNotice(Context& context) {
  const auto notice =
      app::privacy::LoadOrganisationNotice(context.services.app, context.Parameter("slug"));
  if (!notice) {
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  }
  context.organisation_name = notice->organisation;
  mstch::map model{
      {"organisation", notice->organisation},
      {"officer", OfficerModel(context, notice->officer, app::privacy::Owner::kOrganisation)},
      {"collected", CollectedView(context, *notice)},
      {"access", AccessView(context, *notice)},
      {"settings", SettingsView(context, notice->settings)},
      {"retention", RetentionView(context, notice->retention)}};
  return RenderPage(
      context, "privacy_notice",
      context.Format({N_("Privacy — {organisation}"), {{"organisation", notice->organisation}}}),
      std::move(model));
}

Response ShowNetworkNotice(Context& context) {
  const auto notice = app::privacy::LoadNetworkNotice(context.services.app);
  mstch::array organisations;
  for (const auto& organisation : notice.organisations) {
    organisations.push_back(
        mstch::map{{"name", organisation.name}, {"href", "/privacy/" + organisation.slug}});
  }
  mstch::map model{
      {"officer", OfficerModel(context, notice.officer, app::privacy::Owner::kNetwork)},
      {"organisations", organisations},
      {"has_organisations", !organisations.empty()}};
  return RenderPage(context, "privacy_network_notice",
                    context.Translate(N_("Privacy on the Cercle network")), std::move(model));
}

}  // namespace cercle::web::pages::privacy
