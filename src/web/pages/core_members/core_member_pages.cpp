#include "web/pages/core_members/core_member_pages.hpp"

#include <algorithm>

#include "auth/policies/core_member_policy.hpp"
#include "base/text.hpp"
#include "domain/intake_fields.hpp"
#include "domain/legal.hpp"
#include "i18n/folding.hpp"
#include "store/core_member_store.hpp"
#include "store/document_store.hpp"
#include "store/legal_store.hpp"
#include "store/referral_store.hpp"
#include "web/documents.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

using auth::policies::CoreMemberPolicy;

constexpr const char* kObjectType = "core_member";
constexpr const char* kDocumentPath = "/core-members/documents/";

// The fields of the file's edit form.
const std::initializer_list<std::string> kFileFields = {"legal_name",
                                                        "preferred_name",
                                                        "file_number",
                                                        "birth_date",
                                                        "preferred_language",
                                                        "other_language",
                                                        "phone",
                                                        "email",
                                                        "address",
                                                        "region",
                                                        "coordinator",
                                                        "offence_summary",
                                                        "volunteer_summary",
                                                        "statutory_release_date",
                                                        "warrant_expiry_date"};

std::string QueryValue(const std::multimap<std::string, std::string>& query,
                       const std::string& name) {
  const auto found = query.find(name);
  return found == query.end() ? std::string() : found->second;
}

std::vector<Choice> StatusChoices(const Context& context) {
  std::vector<Choice> choices;
  for (const auto status : domain::CoreMemberStatuses()) {
    choices.push_back({std::string(domain::CoreMemberStatusName(status)),
                       context.Translate(domain::CoreMemberStatusLabel(status))});
  }
  return choices;
}

std::vector<Choice> LanguageChoices(const Context& context) {
  std::vector<Choice> choices;
  for (const auto language :
       {domain::PreferredLanguage::kFrench, domain::PreferredLanguage::kEnglish,
        domain::PreferredLanguage::kOther}) {
    choices.push_back({std::string(domain::PreferredLanguageName(language)),
                       context.Translate(domain::PreferredLanguageLabel(language))});
  }
  return choices;
}

// The staff a file can be given to: the organisation's active coordinators and administrators.
std::vector<Choice> CoordinatorChoices(const std::map<std::int64_t, store::User>& users) {
  std::vector<Choice> choices;
  for (const auto& [id, user] : users) {
    if (!user.active) continue;
    if (!user.roles.Has(domain::Role::kCoordinator) &&
        !user.roles.Has(domain::Role::kOrganisationAdmin))
      continue;
    choices.push_back({std::to_string(id), user.display_name});
  }
  std::sort(choices.begin(), choices.end(),
            [](const Choice& a, const Choice& b) { return a.label < b.label; });
  return choices;
}

// The status badge's modifier: closed files are muted, files in a circle shown as settled.
std::string StatusTone(domain::CoreMemberStatus status) {
  switch (status) {
    case domain::CoreMemberStatus::kInCircle:
      return "ok";
    case domain::CoreMemberStatus::kWaitingForCircle:
    case domain::CoreMemberStatus::kBetweenCircles:
      return "warning";
    case domain::CoreMemberStatus::kCandidate:
    case domain::CoreMemberStatus::kClosed:
      break;
  }
  return "";
}

std::string ConsentTone(domain::ConsentState state) {
  switch (state) {
    case domain::ConsentState::kActive:
      return "ok";
    case domain::ConsentState::kNotYetValid:
      return "warning";
    case domain::ConsentState::kExpired:
    case domain::ConsentState::kWithdrawn:
      break;
  }
  return "danger";
}

mstch::map FileFormModel(const domain::CoreMember& member) {
  return Values(
      {{"legal_name", member.legal_name},
       {"preferred_name", member.preferred_name},
       {"file_number", member.file_number},
       {"birth_date", member.birth_date ? domain::FormatIsoDate(*member.birth_date) : ""},
       {"preferred_language",
        std::string(domain::PreferredLanguageName(member.preferred_language))},
       {"other_language", member.other_language},
       {"phone", member.phone},
       {"email", member.email},
       {"address", member.address},
       {"region", member.region},
       {"coordinator",
        member.coordinator_user_id ? std::to_string(*member.coordinator_user_id) : ""},
       {"offence_summary", member.offence_summary},
       {"volunteer_summary", member.volunteer_summary},
       {"statutory_release_date",
        member.statutory_release_date ? domain::FormatIsoDate(*member.statutory_release_date) : ""},
       {"warrant_expiry_date",
        member.warrant_expiry_date ? domain::FormatIsoDate(*member.warrant_expiry_date) : ""}});
}

Response RenderEdit(Context& context, const domain::CoreMember& member, mstch::map model,
                    int status) {
  const auto users = OrganisationUsers(context);
  model["id"] = std::to_string(member.id);
  model["name"] = member.name_used();
  model["language_choices"] =
      Choices(LanguageChoices(context), ValueOf(model, "preferred_language"));
  model["coordinator_choices"] = Choices(CoordinatorChoices(users), ValueOf(model, "coordinator"));
  return RenderPage(context, "core_member_edit", context.Translate(N_("Edit the file")),
                    std::move(model), status);
}

}  // namespace

std::string FileHref(std::int64_t core_member_id) {
  return "/core-members/" + std::to_string(core_member_id);
}

std::optional<domain::CoreMember> FindVisibleCoreMember(Context& context, std::int64_t id) {
  const auto& actor = context.signed_in();
  if (!CoreMemberPolicy::CanList(actor)) return std::nullopt;
  auto member = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::CoreMemberStore(session).Find(id, *actor.organisation_id);
  });
  if (!member || !CoreMemberPolicy::CanView(actor, member->organisation_id)) return std::nullopt;
  return member;
}

std::optional<domain::CoreMember> FindVisibleCoreMember(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return std::nullopt;
  return FindVisibleCoreMember(context, *id);
}

Response ListCoreMembers(Context& context) {
  const auto& actor = context.signed_in();
  if (!CoreMemberPolicy::CanList(actor)) return Deny(context, kObjectType, "");
  const auto query = context.request.QueryParameters();
  store::CoreMemberFilter filter;
  const std::string status = QueryValue(query, "status");
  filter.status = domain::ParseCoreMemberStatus(status);
  filter.region = domain::intake::Trimmed(QueryValue(query, "region"));
  const std::string coordinator = QueryValue(query, "coordinator");
  if (const auto id = ParseId(coordinator)) filter.coordinator_user_id = *id;
  filter.query = domain::intake::Trimmed(QueryValue(query, "q"));
  filter.query = FirstCharacters(filter.query, 200);
  struct Found {
    Pagination pagination;
    std::vector<domain::CoreMember> members;
    std::vector<std::string> regions;
    std::int64_t open_referrals = 0;
  };
  const auto found = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::CoreMemberStore store(session);
    store::ReferralFilter referrals;
    referrals.open_only = true;
    Found page{Paginate(context.request, store.Count(*actor.organisation_id, filter)), {}, {}, 0};
    filter.limit = static_cast<int>(page.pagination.size);
    filter.offset = page.pagination.Slice().offset;
    page.members = store.List(*actor.organisation_id, filter);
    page.regions = store.Regions(*actor.organisation_id);
    page.open_referrals = store::ReferralStore(session).Count(*actor.organisation_id, referrals);
    return page;
  });
  // The list shows several people's names: it is a view too, recorded without the search words.
  RecordView(context, filter.query.empty() ? "core_member.list" : "core_member.search", kObjectType,
             "");
  const auto users = OrganisationUsers(context);
  mstch::array rows;
  for (const auto& member : found.members) {
    rows.push_back(
        mstch::map{{"href", FileHref(member.id)},
                   {"file_number", member.file_number},
                   {"legal_name", member.legal_name},
                   {"preferred_name", member.preferred_name},
                   {"status", context.Translate(domain::CoreMemberStatusLabel(member.status))},
                   {"tone", StatusTone(member.status)},
                   {"region", member.region},
                   {"coordinator", member.coordinator_user_id
                                       ? UserName(context, users, member.coordinator_user_id)
                                       : std::string()}});
  }
  std::vector<Choice> regions;
  for (const auto& region : found.regions) regions.push_back({region, region});
  const bool filtered = filter.status || !filter.region.empty() || filter.coordinator_user_id ||
                        !filter.query.empty();
  mstch::map model{{"rows", rows},
                   {"empty", rows.empty()},
                   {"filtered", filtered},
                   {"count", std::to_string(found.pagination.total)},
                   {"q", filter.query},
                   {"status_choices", Choices(StatusChoices(context), filter.status ? status : "")},
                   {"region_choices", Choices(regions, filter.region)},
                   {"coordinator_choices", Choices(CoordinatorChoices(users),
                                                   filter.coordinator_user_id ? coordinator : "")},
                   {"open_referrals", std::to_string(found.open_referrals)}};
  AddPagination(context, found.pagination, model);
  return RenderPage(context, "core_member_list", context.Translate(N_("Core members")),
                    std::move(model));
}

Response RenderFile(Context& context, const domain::CoreMember& member,
                    const FilePageState& state) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  struct Loaded {
    std::vector<domain::CoreMemberStatusChange> history;
    std::vector<domain::SupervisionOrder> orders;
    std::vector<domain::Condition> conditions;
    std::vector<domain::RiskAssessment> risks;
    std::vector<domain::Consent> consents;
    std::vector<domain::Referral> referrals;
    std::vector<store::Document> documents;
  };
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::CoreMemberStore store(session);
    store::LegalStore legal(session);
    Loaded data;
    data.history = store.History(member.id, organisation);
    data.orders = legal.Orders(member.id, organisation);
    data.conditions = legal.Conditions(member.id, organisation);
    if (CoreMemberPolicy::CanReadRisk(actor, member.organisation_id)) {
      data.risks = store.RiskAssessments(member.id, organisation);
    }
    data.consents = store.Consents(member.id, organisation);
    data.referrals = store::ReferralStore(session).ListForCoreMember(member.id, organisation);
    data.documents =
        store::DocumentStore(session).ListForOwner(organisation, kObjectType, member.id);
    return data;
  });
  RecordView(context, "core_member.view", kObjectType, std::to_string(member.id));
  const auto users = OrganisationUsers(context);
  const auto today = Today(context);
  const bool victim_details = CoreMemberPolicy::CanReadVictimDetails(actor, member.organisation_id);

  // Status: the moves allowed by hand, each a button; closing asks for confirmation.
  mstch::array moves;
  for (const auto to : domain::AllowedCoreMemberMoves(member.status)) {
    const bool closing = to == domain::CoreMemberStatus::kClosed;
    moves.push_back(mstch::map{{"value", std::string(domain::CoreMemberStatusName(to))},
                               {"label", context.Translate(domain::CoreMemberStatusLabel(to))},
                               {"danger", closing}});
  }
  mstch::array history;
  for (auto change = loaded.history.rbegin(); change != loaded.history.rend(); ++change) {
    mstch::map row{{"to", context.Translate(domain::CoreMemberStatusLabel(change->to))},
                   {"reason", change->reason},
                   {"who", UserName(context, users, change->changed_by)},
                   {"when", ShowTime(context, change->changed_at)}};
    if (change->from) row["from"] = context.Translate(domain::CoreMemberStatusLabel(*change->from));
    if (change->referral_id)
      row["referral_href"] = "/referrals/" + std::to_string(*change->referral_id);
    history.push_back(std::move(row));
  }

  // Legal status: key dates, then each order with its conditions.
  const auto upcoming = domain::UpcomingKeyDates(member, loaded.orders, loaded.conditions, today);
  const auto near = [&](const std::optional<domain::CivilDate>& date) {
    return date && std::any_of(upcoming.begin(), upcoming.end(),
                               [&](const domain::KeyDate& key) { return key.date == *date; });
  };
  mstch::array orders;
  for (const auto& order : loaded.orders) {
    mstch::array conditions;
    for (const auto& condition : loaded.conditions) {
      if (condition.order_id != order.id) continue;
      mstch::map row{
          {"kind", context.Translate(domain::ConditionKindLabel(condition.kind))},
          {"text", condition.text},
          {"starts", ShowDate(context, condition.starts_on)},
          {"ends", ShowDate(context, condition.ends_on)},
          {"ending_soon", near(condition.ends_on)},
          {"in_force", condition.InForceOn(today)},
          {"protects_victim", condition.protects_victim},
          {"edit_href", "/core-members/conditions/" + std::to_string(condition.id) + "/edit"}};
      if (victim_details && condition.protects_victim) {
        row["victim_identity"] = condition.victim_identity;
        row["victim_places"] = condition.victim_places;
      }
      conditions.push_back(std::move(row));
    }
    std::string officer = order.officer_user_id ? UserName(context, users, order.officer_user_id)
                                                : order.officer_name;
    orders.push_back(mstch::map{
        {"type", context.Translate(domain::OrderTypeLabel(order.type))},
        {"starts", ShowDate(context, order.starts_on)},
        {"ends", ShowDate(context, order.ends_on)},
        {"ending_soon", near(order.ends_on)},
        {"officer", officer},
        {"officer_contact", order.officer_user_id ? std::string() : order.officer_contact},
        {"edit_href", "/core-members/orders/" + std::to_string(order.id) + "/edit"},
        {"new_condition_href",
         "/core-members/orders/" + std::to_string(order.id) + "/conditions/new"},
        {"conditions", conditions},
        {"no_conditions", conditions.empty()}});
  }

  mstch::array risks;
  for (const auto& risk : loaded.risks) {
    mstch::map row{{"tool", risk.tool == domain::RiskTool::kOther
                                ? risk.tool_other
                                : context.Translate(domain::RiskToolLabel(risk.tool))},
                   {"score", risk.score},
                   {"level", risk.level},
                   {"assessed_on", ShowDate(context, risk.assessed_on)},
                   {"assessor", risk.assessor}};
    if (risk.source_document_id) {
      for (const auto& document : loaded.documents) {
        if (document.id != *risk.source_document_id) continue;
        row["document_title"] = document.title;
        row["document_href"] = kDocumentPath + std::to_string(document.id);
      }
    }
    risks.push_back(std::move(row));
  }

  // Consents: each with its state today; the lapsed ones also at the top of the page.
  mstch::array consents;
  for (const auto& consent : loaded.consents) {
    const auto consent_state = domain::ConsentStateOn(consent, today);
    mstch::map row{
        {"id", std::to_string(consent.id)},
        {"scope", context.Translate(domain::ConsentScopeLabel(consent.scope))},
        {"partner", consent.partner_organisation},
        {"given", ShowDate(context, consent.given_on)},
        {"expires", ShowDate(context, consent.expires_on)},
        {"withdrawn", ShowDate(context, consent.withdrawn_on)},
        {"state", context.Translate(domain::ConsentStateLabel(consent_state))},
        {"tone", ConsentTone(consent_state)},
        {"can_withdraw", !consent.withdrawn_on},
        {"withdraw_action", "/core-members/consents/" + std::to_string(consent.id) + "/withdraw"},
        {"today", domain::FormatIsoDate(today)}};
    if (state.section == "consents" && state.form &&
        state.form->Get("consent") == std::to_string(consent.id)) {
      row["today"] = state.form->Get("withdrawn_on");
      if (state.error) {
        for (const auto& field : state.error->fields)
          row["withdraw_error"] = context.Format(field.message);
        if (state.error->fields.empty())
          row["withdraw_error"] = context.Format(state.error->message);
      }
    }
    consents.push_back(std::move(row));
  }
  mstch::array lapsed;
  for (const auto& consent : domain::LapsedConsents(loaded.consents, today)) {
    lapsed.push_back(mstch::map{
        {"scope", context.Translate(domain::ConsentScopeLabel(consent.scope))},
        {"partner", consent.partner_organisation},
        {"state",
         context.Translate(domain::ConsentStateLabel(domain::ConsentStateOn(consent, today)))}});
  }

  mstch::array referrals;
  mstch::array referral_documents;
  for (const auto& referral : loaded.referrals) {
    const std::string href = "/referrals/" + std::to_string(referral.id);
    referrals.push_back(
        mstch::map{{"href", href},
                   {"received", ShowDate(context, referral.received_on)},
                   {"source", context.Translate(domain::ReferralSourceLabel(referral.source))},
                   {"status", context.Translate(domain::ReferralStatusLabel(referral.status))}});
    for (auto& row :
         DocumentRows(context, "referral", referral.id, "/referrals/documents/", users)) {
      referral_documents.push_back(std::move(row));
    }
  }
  mstch::array documents = DocumentRows(context, kObjectType, member.id, kDocumentPath, users);

  mstch::map model{
      {"id", std::to_string(member.id)},
      {"href", FileHref(member.id)},
      {"file_number", member.file_number},
      {"legal_name", member.legal_name},
      {"preferred_name", member.preferred_name},
      {"name", member.name_used()},
      {"birth_date", ShowDate(context, member.birth_date)},
      {"language",
       member.preferred_language == domain::PreferredLanguage::kOther
           ? member.other_language
           : context.Translate(domain::PreferredLanguageLabel(member.preferred_language))},
      {"phone", member.phone},
      {"email", member.email},
      {"address", member.address},
      {"region", member.region},
      {"coordinator", member.coordinator_user_id
                          ? UserName(context, users, member.coordinator_user_id)
                          : std::string()},
      {"offence_summary", member.offence_summary},
      {"volunteer_summary", member.volunteer_summary},
      {"status", context.Translate(domain::CoreMemberStatusLabel(member.status))},
      {"tone", StatusTone(member.status)},
      {"closed", member.status == domain::CoreMemberStatus::kClosed},
      {"moves", moves},
      {"history", history},
      {"statutory_release", ShowDate(context, member.statutory_release_date)},
      {"statutory_release_soon", near(member.statutory_release_date)},
      {"warrant_expiry", ShowDate(context, member.warrant_expiry_date)},
      {"warrant_expiry_soon", near(member.warrant_expiry_date)},
      {"orders", orders},
      {"no_orders", orders.empty()},
      {"risks", risks},
      {"no_risks", risks.empty()},
      {"consents", consents},
      {"no_consents", consents.empty()},
      {"has_lapsed", !lapsed.empty()},
      {"lapsed", lapsed},
      {"referrals", referrals},
      {"no_referrals", referrals.empty()},
      {"documents", documents},
      {"referral_documents", referral_documents},
      {"no_documents", documents.empty() && referral_documents.empty()},
      {"viewers", Viewers(context, "core_member.view", kObjectType, member.id, users)},
  };
  // The forms of the page, as typed when one of them failed.
  const Form* form = state.form;
  model["reason"] = mstch::map{
      {"value", form && state.section == "status" ? form->Get("reason") : std::string()}};
  model["title"] = mstch::map{
      {"value", form && state.section == "documents" ? form->Get("title") : std::string()}};
  int status = 200;
  if (state.error) {
    status = StatusFor(state.error->kind);
    AddErrors(context, WithTranslatedArguments(context, *state.error), model);
  }
  if (!state.notice.empty()) model["notice"] = state.notice;
  return RenderPage(context, "core_member_file", member.name_used(), std::move(model), status);
}

Response ShowCoreMember(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  if (!member) return Deny(context, kObjectType, context.Parameter("id"));
  FilePageState state;
  const auto query = context.request.QueryParameters();
  const std::string saved = QueryValue(query, "saved");
  if (saved == "1") state.notice = context.Translate(N_("The change is saved."));
  if (saved == "document") state.notice = context.Translate(N_("The document is stored."));
  if (saved == "removed") state.notice = context.Translate(N_("The document is removed."));
  if (saved == "accepted")
    state.notice = context.Translate(N_("The referral is accepted: here is his file."));
  return RenderFile(context, *member, state);
}

Response ShowEditCoreMember(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  if (!member || !CoreMemberPolicy::CanChange(context.signed_in(), member->organisation_id)) {
    return Deny(context, kObjectType, context.Parameter("id"));
  }
  RecordView(context, "core_member.view", kObjectType, std::to_string(member->id));
  return RenderEdit(context, *member, FileFormModel(*member), 200);
}

Response EditCoreMember(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  const auto& actor = context.signed_in();
  if (!member || !CoreMemberPolicy::CanChange(actor, member->organisation_id)) {
    return Deny(context, kObjectType, context.Parameter("id"));
  }
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::CoreMember changed = *member;
  changed.legal_name = domain::intake::Trimmed(form.Get("legal_name"));
  changed.preferred_name = domain::intake::Trimmed(form.Get("preferred_name"));
  changed.file_number = domain::intake::Trimmed(form.Get("file_number"));
  changed.birth_date = DateField(form, "birth_date", false, "", errors);
  const auto language = domain::ParsePreferredLanguage(form.Get("preferred_language"));
  if (!language) errors.push_back({"preferred_language", {N_("Choose one of the options."), {}}});
  changed.preferred_language = language.value_or(domain::PreferredLanguage::kFrench);
  changed.other_language = domain::intake::Trimmed(form.Get("other_language"));
  changed.phone = domain::intake::Trimmed(form.Get("phone"));
  changed.email = domain::intake::Trimmed(form.Get("email"));
  changed.address = domain::intake::Trimmed(form.Get("address"));
  changed.region = domain::intake::Trimmed(form.Get("region"));
  changed.offence_summary = domain::intake::Trimmed(form.Get("offence_summary"));
  changed.volunteer_summary = domain::intake::Trimmed(form.Get("volunteer_summary"));
  changed.statutory_release_date = DateField(form, "statutory_release_date", false, "", errors);
  changed.warrant_expiry_date = DateField(form, "warrant_expiry_date", false, "", errors);
  changed.coordinator_user_id = IdField(form, "coordinator", errors);
  if (changed.coordinator_user_id) {
    const auto users = OrganisationUsers(context);
    const auto choices = CoordinatorChoices(users);
    const std::string chosen = std::to_string(*changed.coordinator_user_id);
    const bool known = std::any_of(choices.begin(), choices.end(),
                                   [&](const Choice& c) { return c.value == chosen; });
    // Keeping the coordinator the file already has is fine even if they left the staff since.
    if (!known && changed.coordinator_user_id != member->coordinator_user_id) {
      errors.push_back({"coordinator", {N_("Choose one of the options."), {}}});
    }
  }
  changed.updated_at = context.services.clock.Now();
  auto problem = Combine(std::move(errors), domain::CheckCoreMember(changed, Today(context)));
  if (!problem) {
    const auto saved =
        context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
          store::CoreMemberStore store(session);
          if (store.FileNumberTaken(changed.organisation_id, changed.file_number, changed.id)) {
            return Error::Fields(
                {{"file_number",
                  {N_("Another file of your organisation already uses this number."), {}}}});
          }
          store.Update(changed);
          RecordChange(context, session, "core_member.update", kObjectType,
                       std::to_string(changed.id));
          return {};
        });
    if (saved) return Response::Redirect(FileHref(changed.id) + "?saved=1");
    problem = saved.error();
  }
  return RenderEdit(context, *member, form.Model(context, kFileFields, &*problem),
                    StatusFor(problem->kind));
}

Response ChangeCoreMemberStatus(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  const auto& actor = context.signed_in();
  if (!member || !CoreMemberPolicy::CanChange(actor, member->organisation_id)) {
    return Deny(context, kObjectType, context.Parameter("id"));
  }
  const Form form(context.request);
  const auto to = domain::ParseCoreMemberStatus(form.Get("to"));
  const std::string reason = domain::intake::Trimmed(form.Get("reason"));
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!to) return Error::Invalid(N_("Choose one of the options."));
        // Read again inside the transaction: the status may have moved since the page was shown.
        store::CoreMemberStore store(session);
        const auto current = store.Find(member->id, member->organisation_id);
        if (!current) return Error::NotFound();
        TRY(domain::CheckCoreMemberMove(current->status, *to, reason));
        store.SetStatus(*current, *to, reason, std::nullopt, actor.user_id,
                        context.services.clock.Now());
        RecordChange(context, session, "core_member.status", kObjectType,
                     std::to_string(member->id));
        return {};
      });
  if (done) return Response::Redirect(FileHref(member->id) + "?saved=1");
  FilePageState state{&done.error(), "status", &form, ""};
  const auto fresh = FindVisibleCoreMember(context, member->id);
  return RenderFile(context, fresh.value_or(*member), state);
}

Response UploadCoreMemberDocument(Context& context) {
  const auto member = FindVisibleCoreMember(context);
  if (!member || !CoreMemberPolicy::CanChange(context.signed_in(), member->organisation_id)) {
    return Deny(context, kObjectType, context.Parameter("id"));
  }
  const Form form(context.request);
  const auto stored =
      StoreUploadedDocument(context, "file", form.Get("title"), kObjectType, member->id);
  if (stored) return Response::Redirect(FileHref(member->id) + "?saved=document#documents");
  FilePageState state{&stored.error(), "documents", &form, ""};
  return RenderFile(context, *member, state);
}

namespace {

// The document named by the {id} path parameter when it belongs to a file the actor may see.
std::optional<store::Document> FindVisibleDocument(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !CoreMemberPolicy::CanList(actor)) return std::nullopt;
  auto document = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::DocumentStore(session).Find(*id, *actor.organisation_id);
  });
  if (!document || document->owner_type != kObjectType) return std::nullopt;
  if (!FindVisibleCoreMember(context, document->owner_id)) return std::nullopt;
  return document;
}

}  // namespace

Response DownloadCoreMemberDocument(Context& context) {
  const auto document = FindVisibleDocument(context);
  if (!document) return Deny(context, "document", context.Parameter("id"));
  return DownloadDocument(context, *document);
}

Response RemoveCoreMemberDocument(Context& context) {
  const auto document = FindVisibleDocument(context);
  const auto& actor = context.signed_in();
  if (!document || !CoreMemberPolicy::CanChange(actor, document->organisation_id)) {
    return Deny(context, "document", context.Parameter("id"));
  }
  RemoveDocument(context, *document);
  return Response::Redirect(FileHref(document->owner_id) + "?saved=removed#documents");
}

}  // namespace cercle::web::pages::core_members
