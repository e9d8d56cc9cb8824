#include "web/pages/core_members/referral_pages.hpp"

#include <algorithm>

#include "auth/policies/core_member_policy.hpp"
#include "domain/intake_fields.hpp"
#include "i18n/folding.hpp"
#include "store/core_member_store.hpp"
#include "store/document_store.hpp"
#include "store/referral_store.hpp"
#include "web/documents.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::core_members {
namespace {

using auth::policies::EligibilityCriteriaPolicy;
using auth::policies::ReferralPolicy;

constexpr const char* kObjectType = "referral";
constexpr const char* kDocumentPath = "/referrals/documents/";

const std::initializer_list<std::string> kReferralFields = {"source",
                                                            "source_other",
                                                            "referrer_name",
                                                            "referrer_organisation",
                                                            "referrer_contact",
                                                            "received_on",
                                                            "person_legal_name",
                                                            "person_preferred_name",
                                                            "person_birth_date",
                                                            "summary"};
const std::initializer_list<std::string> kAcceptFields = {"reopen", "file_number", "coordinator",
                                                          "reason"};

std::string ReferralHref(std::int64_t id) { return "/referrals/" + std::to_string(id); }

std::string StatusTone(domain::ReferralStatus status) {
  switch (status) {
    case domain::ReferralStatus::kAccepted:
      return "ok";
    case domain::ReferralStatus::kScreening:
    case domain::ReferralStatus::kWaitlisted:
      return "warning";
    case domain::ReferralStatus::kDeclined:
    case domain::ReferralStatus::kWithdrawn:
      return "danger";
    case domain::ReferralStatus::kReceived:
      break;
  }
  return "";
}

// The wording of a criterion in the reader's language: the admin's, or the program's default.
std::string CriterionLabel(const Context& context, const domain::EligibilityCriterion& criterion) {
  if (!criterion.label.empty()) return criterion.label;
  if (const auto label = domain::DefaultCriterionLabel(criterion.default_key))
    return context.Translate(*label);
  return criterion.default_key;
}

// The referral named by {id}, when the actor may see it.
std::optional<domain::Referral> FindVisibleReferral(Context& context, std::int64_t id) {
  const auto& actor = context.signed_in();
  if (!ReferralPolicy::CanList(actor)) return std::nullopt;
  auto referral = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::ReferralStore(session).Find(id, *actor.organisation_id);
  });
  if (!referral || !ReferralPolicy::CanView(actor, referral->organisation_id)) return std::nullopt;
  return referral;
}

std::optional<domain::Referral> FindVisibleReferral(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return std::nullopt;
  return FindVisibleReferral(context, *id);
}

std::optional<domain::Referral> FindChangeableReferral(Context& context) {
  auto referral = FindVisibleReferral(context);
  if (!referral || !ReferralPolicy::CanChange(context.signed_in(), referral->organisation_id))
    return std::nullopt;
  return referral;
}

// ---- The referral form ----

Response RenderReferralForm(Context& context, mstch::map model, const std::string& action,
                            bool editing, int status) {
  std::vector<Choice> sources;
  for (const auto source : domain::ReferralSources()) {
    sources.push_back({std::string(domain::ReferralSourceName(source)),
                       context.Translate(domain::ReferralSourceLabel(source))});
  }
  model["source_choices"] = Choices(sources, ValueOf(model, "source"));
  model["action"] = action;
  model["editing"] = editing;
  model["today"] = domain::FormatIsoDate(Today(context));
  const std::string title =
      context.Translate(editing ? N_("Edit the referral") : N_("New referral"));
  return RenderPage(context, "referral_form", title, std::move(model), status);
}

std::optional<Error> ReadReferral(const Context& context, const Form& form,
                                  domain::Referral& referral) {
  std::vector<FieldError> errors;
  const auto source = domain::ParseReferralSource(form.Get("source"));
  if (!source) errors.push_back({"source", {N_("Choose where the referral comes from."), {}}});
  // Without a source, the other fields are checked as for an agency's referral, which names its
  // referrer.
  referral.source = source.value_or(domain::ReferralSource::kCsc);
  referral.source_other = referral.source == domain::ReferralSource::kOther
                              ? domain::intake::Trimmed(form.Get("source_other"))
                              : "";
  referral.referrer_name = domain::intake::Trimmed(form.Get("referrer_name"));
  referral.referrer_organisation = domain::intake::Trimmed(form.Get("referrer_organisation"));
  referral.referrer_contact = domain::intake::Trimmed(form.Get("referrer_contact"));
  const auto received =
      DateField(form, "received_on", true, N_("Enter the date the referral was received."), errors);
  referral.received_on = received.value_or(Today(context));
  referral.person_legal_name = domain::intake::Trimmed(form.Get("person_legal_name"));
  referral.person_preferred_name = domain::intake::Trimmed(form.Get("person_preferred_name"));
  referral.person_birth_date = DateField(form, "person_birth_date", false, "", errors);
  referral.summary = domain::intake::Trimmed(form.Get("summary"));
  return Combine(std::move(errors), domain::CheckReferral(referral, Today(context)));
}

mstch::map ReferralModel(const domain::Referral& referral) {
  return Values(
      {{"source", std::string(domain::ReferralSourceName(referral.source))},
       {"source_other", referral.source_other},
       {"referrer_name", referral.referrer_name},
       {"referrer_organisation", referral.referrer_organisation},
       {"referrer_contact", referral.referrer_contact},
       {"received_on", domain::FormatIsoDate(referral.received_on)},
       {"person_legal_name", referral.person_legal_name},
       {"person_preferred_name", referral.person_preferred_name},
       {"person_birth_date",
        referral.person_birth_date ? domain::FormatIsoDate(*referral.person_birth_date) : ""},
       {"summary", referral.summary}});
}

// ---- The referral page ----

struct ReferralPageState {
  const Error* error = nullptr;
  std::string section;  // "move", "checklist", "documents"
  const Form* form = nullptr;
  std::string notice;
};

Response RenderReferral(Context& context, const domain::Referral& referral,
                        const ReferralPageState& state) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = *actor.organisation_id;
  struct Loaded {
    std::vector<domain::EligibilityCriterion> criteria;
    std::vector<std::int64_t> met;
    std::vector<domain::ReferralStatusChange> history;
    std::optional<domain::CoreMember> file;
  };
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Loaded data;
    store::ReferralStore referrals(session);
    data.criteria = store::EligibilityStore(session).List(organisation);
    data.met = referrals.MetCriteria(referral.id, organisation);
    data.history = referrals.History(referral.id, organisation);
    if (referral.core_member_id)
      data.file = store::CoreMemberStore(session).Find(*referral.core_member_id, organisation);
    return data;
  });
  RecordView(context, "referral.view", kObjectType, std::to_string(referral.id));
  const auto users = OrganisationUsers(context);
  const bool open = !domain::IsDecided(referral.status);

  // The checklist, as saved or as just typed when saving it failed.
  std::vector<std::int64_t> ticked = loaded.met;
  if (state.section == "checklist" && state.form) {
    ticked.clear();
    for (const auto& value : state.form->All("met")) {
      if (const auto id = ParseId(value)) ticked.push_back(*id);
    }
  }
  const auto checklist = domain::EligibilityChecklist(loaded.criteria, ticked);
  mstch::array lines;
  mstch::array missing;
  for (const auto& line : checklist) {
    const std::string label = CriterionLabel(context, *line.criterion);
    lines.push_back(mstch::map{
        {"id", std::to_string(line.criterion->id)}, {"label", label}, {"met", line.met}});
    if (!line.met) missing.push_back(label);
  }

  mstch::array moves;
  bool can_accept = false;
  for (const auto to : domain::AllowedReferralMoves(referral.status)) {
    if (to == domain::ReferralStatus::kAccepted) {
      can_accept = true;
      continue;
    }
    const bool ends =
        to == domain::ReferralStatus::kDeclined || to == domain::ReferralStatus::kWithdrawn;
    moves.push_back(mstch::map{
        {"value", std::string(domain::ReferralStatusName(to))},
        {"label", context.Translate(
                      to == domain::ReferralStatus::kScreening    ? N_("Start the screening")
                      : to == domain::ReferralStatus::kWaitlisted ? N_("Put on the waiting list")
                      : to == domain::ReferralStatus::kDeclined   ? N_("Decline")
                                                                  : N_("Withdraw"))},
        {"danger", ends}});
  }

  mstch::array history;
  for (auto change = loaded.history.rbegin(); change != loaded.history.rend(); ++change) {
    mstch::map row{{"to", context.Translate(domain::ReferralStatusLabel(change->to))},
                   {"reason", change->reason},
                   {"who", UserName(context, users, change->changed_by)},
                   {"when", ShowTime(context, change->changed_at)}};
    if (change->from) row["from"] = context.Translate(domain::ReferralStatusLabel(*change->from));
    history.push_back(std::move(row));
  }

  mstch::map model{
      {"id", std::to_string(referral.id)},
      {"href", ReferralHref(referral.id)},
      {"person_legal_name", referral.person_legal_name},
      {"person_preferred_name", referral.person_preferred_name},
      {"person_birth_date", ShowDate(context, referral.person_birth_date)},
      {"source", referral.source == domain::ReferralSource::kOther
                     ? referral.source_other
                     : context.Translate(domain::ReferralSourceLabel(referral.source))},
      {"referrer_name", referral.referrer_name},
      {"referrer_organisation", referral.referrer_organisation},
      {"referrer_contact", referral.referrer_contact},
      {"received_on", ShowDate(context, referral.received_on)},
      {"summary", referral.summary},
      {"status", context.Translate(domain::ReferralStatusLabel(referral.status))},
      {"tone", StatusTone(referral.status)},
      {"decision_reason", referral.decision_reason},
      {"open", open},
      {"lines", lines},
      {"no_criteria", lines.empty()},
      {"missing", missing},
      {"all_met", missing.empty()},
      {"moves", moves},
      {"can_move", !moves.empty()},
      {"can_accept", can_accept},
      {"history", history},
      {"documents", DocumentRows(context, kObjectType, referral.id, kDocumentPath, users)},
      {"viewers", Viewers(context, "referral.view", kObjectType, referral.id, users)},
  };
  if (loaded.file) {
    model["file_href"] = FileHref(loaded.file->id);
    model["file_label"] = loaded.file->legal_name + " (" + loaded.file->file_number + ")";
  }
  const Form* form = state.form;
  model["reason"] =
      mstch::map{{"value", form && state.section == "move" ? form->Get("reason") : std::string()}};
  model["title"] = mstch::map{
      {"value", form && state.section == "documents" ? form->Get("title") : std::string()}};
  int status = 200;
  if (state.error) {
    status = StatusFor(state.error->kind);
    AddErrors(context, WithTranslatedArguments(context, *state.error), model);
  }
  if (!state.notice.empty()) model["notice"] = state.notice;
  return RenderPage(context, "referral_page", referral.person_legal_name, std::move(model), status);
}

// ---- Acceptance ----

Response RenderAccept(Context& context, const domain::Referral& referral, mstch::map model,
                      int status) {
  const auto& actor = context.signed_in();
  struct Loaded {
    std::vector<domain::CoreMember> closed;
    std::size_t missing = 0;
  };
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::CoreMemberFilter filter;
    filter.status = domain::CoreMemberStatus::kClosed;
    return Loaded{store::CoreMemberStore(session).List(*actor.organisation_id, filter),
                  store::MissingCriteria(session, referral.id, *actor.organisation_id)};
  });
  std::vector<Choice> reopen{{"", context.Translate(N_("Open a new file"))}};
  for (const auto& file : loaded.closed) {
    reopen.push_back({std::to_string(file.id),
                      context.Format({N_("Reopen the file of {name} ({number})"),
                                      {{"name", file.legal_name}, {"number", file.file_number}}})});
  }
  std::vector<Choice> coordinators{{"", context.Translate(N_("Nobody yet"))}};
  for (const auto& [id, user] : OrganisationUsers(context)) {
    if (user.active && (user.roles.Has(domain::Role::kCoordinator) ||
                        user.roles.Has(domain::Role::kOrganisationAdmin))) {
      coordinators.push_back({std::to_string(id), user.display_name});
    }
  }
  model["reopen_choices"] = Choices(reopen, ValueOf(model, "reopen"));
  model["coordinator_choices"] = Choices(coordinators, ValueOf(model, "coordinator"));
  model["id"] = std::to_string(referral.id);
  model["href"] = ReferralHref(referral.id);
  model["person_legal_name"] = referral.person_legal_name;
  model["missing_count"] = std::to_string(loaded.missing);
  model["criteria_missing"] = loaded.missing > 0;
  return RenderPage(context, "referral_accept", context.Translate(N_("Accept the referral")),
                    std::move(model), status);
}

// ---- Documents ----

std::optional<store::Document> FindVisibleDocument(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !ReferralPolicy::CanList(actor)) return std::nullopt;
  auto document = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::DocumentStore(session).Find(*id, *actor.organisation_id);
  });
  if (!document || document->owner_type != kObjectType) return std::nullopt;
  if (!FindVisibleReferral(context, document->owner_id)) return std::nullopt;
  return document;
}

// ---- Eligibility criteria ----

Response RenderCriteria(Context& context, const Error* error, const Form* form,
                        std::int64_t failed_id, const std::string& notice) {
  const auto& actor = context.signed_in();
  const auto criteria = context.services.database.Write(
      actor.scope(),
      [&](soci::session& session) -> Result<std::vector<domain::EligibilityCriterion>> {
        store::EligibilityStore store(session);
        store.EnsureDefaults(*actor.organisation_id, context.services.clock.Now());
        return store.List(*actor.organisation_id);
      });
  mstch::array active, retired;
  for (const auto& criterion : criteria.value()) {
    mstch::map row{{"id", std::to_string(criterion.id)},
                   {"label", CriterionLabel(context, criterion)},
                   {"value", CriterionLabel(context, criterion)},
                   {"default", !criterion.default_key.empty()}};
    if (error && failed_id == criterion.id && form) {
      row["value"] = form->Get("label");
      for (const auto& field : error->fields) row["error"] = context.Format(field.message);
    }
    (criterion.active() ? active : retired).push_back(std::move(row));
  }
  mstch::map model{{"active", active}, {"retired", retired}, {"no_active", active.empty()}};
  model["label"] =
      mstch::map{{"value", error && failed_id == 0 && form ? form->Get("label") : std::string()}};
  int status = 200;
  if (error) {
    status = StatusFor(error->kind);
    model["form_error"] = context.Format(error->message);
    if (failed_id == 0) {
      for (const auto& field : error->fields) {
        model["label"] = mstch::map{{"value", form ? form->Get("label") : std::string()},
                                    {"error", context.Format(field.message)}};
      }
    }
  }
  if (!notice.empty()) model["notice"] = notice;
  return RenderPage(context, "referral_criteria", context.Translate(N_("Eligibility criteria")),
                    std::move(model), status);
}

std::optional<domain::EligibilityCriterion> FindCriterion(Context& context) {
  const auto& actor = context.signed_in();
  const auto id = ParseId(context.Parameter("id"));
  if (!id || !EligibilityCriteriaPolicy::CanAdjust(actor)) return std::nullopt;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::EligibilityStore(session).Find(*id, *actor.organisation_id);
  });
}

}  // namespace

Response ListReferrals(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReferralPolicy::CanList(actor)) return Deny(context, kObjectType, "");
  const auto query = context.request.QueryParameters();
  const auto found = query.find("status");
  const std::string status = found == query.end() ? "" : found->second;
  store::ReferralFilter filter;
  filter.status = domain::ParseReferralStatus(status);
  filter.open_only = status.empty();
  const bool all = status == "all";
  if (all) filter.open_only = false;
  struct Found {
    Pagination pagination;
    std::vector<domain::Referral> referrals;
  };
  const auto found_page = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::ReferralStore store(session);
    Found page{Paginate(context.request, store.Count(*actor.organisation_id, filter)), {}};
    filter.limit = static_cast<int>(page.pagination.size);
    filter.offset = page.pagination.Slice().offset;
    page.referrals = store.List(*actor.organisation_id, filter);
    return page;
  });
  RecordView(context, "referral.list", kObjectType, "");
  mstch::array rows;
  for (const auto& referral : found_page.referrals) {
    rows.push_back(
        mstch::map{{"href", ReferralHref(referral.id)},
                   {"person_legal_name", referral.person_legal_name},
                   {"received_on", ShowDate(context, referral.received_on)},
                   {"source", context.Translate(domain::ReferralSourceLabel(referral.source))},
                   {"status", context.Translate(domain::ReferralStatusLabel(referral.status))},
                   {"tone", StatusTone(referral.status)}});
  }
  std::vector<Choice> statuses{{"", context.Translate(N_("Open referrals"))},
                               {"all", context.Translate(N_("All"))}};
  for (const auto each : domain::ReferralStatuses()) {
    statuses.push_back({std::string(domain::ReferralStatusName(each)),
                        context.Translate(domain::ReferralStatusLabel(each))});
  }
  mstch::map model{{"rows", rows},
                   {"empty", rows.empty()},
                   {"showing_open", filter.open_only},
                   {"status_choices", Choices(statuses, filter.status || all ? status : "")},
                   {"count", std::to_string(found_page.pagination.total)},
                   {"can_create", ReferralPolicy::CanCreate(actor)}};
  AddPagination(context, found_page.pagination, model);
  if (context.request.query == "created=1")
    model["notice"] = context.Translate(N_("The referral is recorded."));
  return RenderPage(context, "referral_list", context.Translate(N_("Referrals")), std::move(model));
}

Response ShowNewReferral(Context& context) {
  if (!ReferralPolicy::CanCreate(context.signed_in())) return Deny(context, kObjectType, "");
  mstch::map model = EmptyForm(kReferralFields);
  model["received_on"] = mstch::map{{"value", domain::FormatIsoDate(Today(context))}};
  return RenderReferralForm(context, std::move(model), "/referrals/new", false, 200);
}

Response CreateReferral(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReferralPolicy::CanCreate(actor)) return Deny(context, kObjectType, "");
  const Form form(context.request);
  domain::Referral referral;
  referral.organisation_id = *actor.organisation_id;
  referral.created_by = actor.user_id;
  referral.created_at = referral.updated_at = context.services.clock.Now();
  if (auto problem = ReadReferral(context, form, referral)) {
    return RenderReferralForm(context, form.Model(context, kReferralFields, &*problem),
                              "/referrals/new", false, StatusFor(problem->kind));
  }
  const auto id = context.services.database.Write(
      actor.scope(), [&](soci::session& session) -> Result<std::int64_t> {
        // The organisation's checklist exists from its first referral on.
        store::EligibilityStore(session).EnsureDefaults(referral.organisation_id,
                                                        referral.created_at);
        const std::int64_t created = store::ReferralStore(session).Insert(referral);
        RecordChange(context, session, "referral.create", kObjectType, std::to_string(created));
        return created;
      });
  return Response::Redirect(ReferralHref(id.value()));
}

Response ShowReferral(Context& context) {
  const auto referral = FindVisibleReferral(context);
  if (!referral) return Deny(context, kObjectType, context.Parameter("id"));
  ReferralPageState state;
  const std::string query = context.request.query;
  if (query == "saved=1") state.notice = context.Translate(N_("The change is saved."));
  if (query == "saved=document") state.notice = context.Translate(N_("The document is stored."));
  if (query == "saved=removed") state.notice = context.Translate(N_("The document is removed."));
  return RenderReferral(context, *referral, state);
}

Response ShowEditReferral(Context& context) {
  const auto referral = FindChangeableReferral(context);
  if (!referral) return Deny(context, kObjectType, context.Parameter("id"));
  if (domain::IsDecided(referral->status)) {
    const Error closed =
        Error::Conflict(N_("This referral is decided: its details no longer change."));
    ReferralPageState state{&closed, "", nullptr, ""};
    return RenderReferral(context, *referral, state);
  }
  RecordView(context, "referral.view", kObjectType, std::to_string(referral->id));
  return RenderReferralForm(context, ReferralModel(*referral), ReferralHref(referral->id) + "/edit",
                            true, 200);
}

Response EditReferral(Context& context) {
  const auto referral = FindChangeableReferral(context);
  if (!referral) return Deny(context, kObjectType, context.Parameter("id"));
  if (domain::IsDecided(referral->status)) {
    const Error closed =
        Error::Conflict(N_("This referral is decided: its details no longer change."));
    ReferralPageState state{&closed, "", nullptr, ""};
    return RenderReferral(context, *referral, state);
  }
  const Form form(context.request);
  domain::Referral changed = *referral;
  changed.updated_at = context.services.clock.Now();
  if (auto problem = ReadReferral(context, form, changed)) {
    return RenderReferralForm(context, form.Model(context, kReferralFields, &*problem),
                              ReferralHref(referral->id) + "/edit", true, StatusFor(problem->kind));
  }
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::ReferralStore(session).Update(changed);
        RecordChange(context, session, "referral.update", kObjectType, std::to_string(changed.id));
        return {};
      });
  return Response::Redirect(ReferralHref(changed.id) + "?saved=1");
}

Response SaveChecklist(Context& context) {
  const auto referral = FindChangeableReferral(context);
  if (!referral) return Deny(context, kObjectType, context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::ReferralStore referrals(session);
        const auto current = referrals.Find(referral->id, referral->organisation_id);
        if (!current) return Error::NotFound();
        if (domain::IsDecided(current->status)) {
          return Error::Conflict(N_("This referral is decided: its checklist no longer changes."));
        }
        const auto criteria = store::EligibilityStore(session).List(referral->organisation_id);
        std::vector<std::int64_t> met;
        for (const auto& value : form.All("met")) {
          const auto id = ParseId(value);
          const bool active =
              id && std::any_of(criteria.begin(), criteria.end(), [&](const auto& criterion) {
                return criterion.id == *id && criterion.active();
              });
          if (!active)
            return Error::Fields({{"checklist", {N_("Choose among the criteria shown."), {}}}});
          if (std::find(met.begin(), met.end(), *id) == met.end()) met.push_back(*id);
        }
        // Retired criteria keep the answers they had: they are no longer on the form.
        for (const auto id : referrals.MetCriteria(referral->id, referral->organisation_id)) {
          const bool retired = std::any_of(
              criteria.begin(), criteria.end(),
              [&](const auto& criterion) { return criterion.id == id && !criterion.active(); });
          if (retired) met.push_back(id);
        }
        if (referrals.SetMetCriteria(referral->id, referral->organisation_id, met, actor.user_id,
                                     context.services.clock.Now())) {
          RecordChange(context, session, "referral.checklist", kObjectType,
                       std::to_string(referral->id));
        }
        return {};
      });
  if (done) return Response::Redirect(ReferralHref(referral->id) + "?saved=1#checklist");
  ReferralPageState state{&done.error(), "checklist", &form, ""};
  return RenderReferral(context, *referral, state);
}

Response MoveReferral(Context& context) {
  const auto referral = FindChangeableReferral(context);
  if (!referral) return Deny(context, kObjectType, context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  const auto to = domain::ParseReferralStatus(form.Get("to"));
  // An acceptance opens a file: it has its own form.
  if (to == domain::ReferralStatus::kAccepted)
    return Response::Redirect(ReferralHref(referral->id) + "/accept");
  const std::string reason = domain::intake::Trimmed(form.Get("reason"));
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        if (!to) return Error::Invalid(N_("Choose one of the options."));
        store::ReferralStore referrals(session);
        const auto current = referrals.Find(referral->id, referral->organisation_id);
        if (!current) return Error::NotFound();
        TRY(domain::CheckReferralMove(current->status, *to, reason, 0));
        referrals.Move(*current, *to, reason, actor.user_id, context.services.clock.Now());
        RecordChange(context, session, "referral.status", kObjectType,
                     std::to_string(referral->id));
        return {};
      });
  if (done) return Response::Redirect(ReferralHref(referral->id) + "?saved=1");
  ReferralPageState state{&done.error(), "move", &form, ""};
  const auto fresh = FindVisibleReferral(context, referral->id);
  return RenderReferral(context, fresh.value_or(*referral), state);
}

Response ShowAcceptReferral(Context& context) {
  const auto referral = FindChangeableReferral(context);
  if (!referral) return Deny(context, kObjectType, context.Parameter("id"));
  if (const auto allowed =
          domain::CheckReferralMove(referral->status, domain::ReferralStatus::kAccepted, "", 0);
      !allowed) {
    ReferralPageState state{&allowed.error(), "move", nullptr, ""};
    return RenderReferral(context, *referral, state);
  }
  RecordView(context, "referral.view", kObjectType, std::to_string(referral->id));
  const auto& actor = context.signed_in();
  // Suggest reopening the closed file of a man with the same name and date of birth, and a free
  // number.
  struct Suggestion {
    std::string reopen;
    std::string file_number;
  };
  const auto year = static_cast<int>(Today(context).year());
  const auto suggestion =
      context.services.database.Read(actor.scope(), [&](soci::session& session) {
        store::CoreMemberStore store(session);
        store::CoreMemberFilter filter;
        filter.status = domain::CoreMemberStatus::kClosed;
        Suggestion result;
        const std::string name = i18n::FoldForSearch(referral->person_legal_name);
        for (const auto& file : store.List(*actor.organisation_id, filter)) {
          if (i18n::FoldForSearch(file.legal_name) == name &&
              file.birth_date == referral->person_birth_date) {
            result.reopen = std::to_string(file.id);
          }
        }
        result.file_number = store.SuggestFileNumber(*actor.organisation_id, year);
        return result;
      });
  mstch::map model = Values(
      {{"reopen", suggestion.reopen},
       {"file_number", suggestion.file_number},
       {"coordinator", actor.Has(domain::Role::kCoordinator) ? std::to_string(actor.user_id) : ""},
       {"reason", ""}});
  if (!suggestion.reopen.empty()) model["reopen_suggested"] = true;
  return RenderAccept(context, *referral, std::move(model), 200);
}

Response AcceptReferral(Context& context) {
  const auto referral = FindChangeableReferral(context);
  if (!referral) return Deny(context, kObjectType, context.Parameter("id"));
  const auto& actor = context.signed_in();
  const Form form(context.request);
  std::vector<FieldError> errors;
  store::Acceptance acceptance;
  acceptance.reopen_core_member_id = IdField(form, "reopen", errors);
  acceptance.file_number = domain::intake::Trimmed(form.Get("file_number"));
  acceptance.reason = form.Get("reason");
  acceptance.coordinator_user_id = IdField(form, "coordinator", errors);
  if (acceptance.coordinator_user_id) {
    const auto users = OrganisationUsers(context);
    const auto found = users.find(*acceptance.coordinator_user_id);
    const bool staff = found != users.end() && found->second.active &&
                       (found->second.roles.Has(domain::Role::kCoordinator) ||
                        found->second.roles.Has(domain::Role::kOrganisationAdmin));
    if (!staff) errors.push_back({"coordinator", {N_("Choose one of the options."), {}}});
  }
  const auto accepted = context.services.database.Write(
      actor.scope(), [&](soci::session& session) -> Result<std::int64_t> {
        if (!errors.empty()) return Error::Fields(errors);
        const auto current =
            store::ReferralStore(session).Find(referral->id, referral->organisation_id);
        if (!current) return Error::NotFound();
        const auto id = TRY(store::AcceptReferral(session, *current, acceptance, actor.user_id,
                                                  context.services.clock.Now()));
        RecordChange(context, session, "referral.status", kObjectType,
                     std::to_string(referral->id));
        RecordChange(context, session,
                     acceptance.reopen_core_member_id ? "core_member.reopen" : "core_member.create",
                     "core_member", std::to_string(id));
        return id;
      });
  if (accepted) return Response::Redirect(FileHref(*accepted) + "?saved=accepted");
  const Error shown = WithTranslatedArguments(context, accepted.error());
  // A move the lifecycle refuses, or a missing criterion, belongs to the referral page.
  if (shown.fields.empty() || shown.fields.front().field == "checklist") {
    ReferralPageState state{&shown, "move", nullptr, ""};
    return RenderReferral(context, *referral, state);
  }
  return RenderAccept(context, *referral, form.Model(context, kAcceptFields, &shown),
                      StatusFor(shown.kind));
}

Response UploadReferralDocument(Context& context) {
  const auto referral = FindChangeableReferral(context);
  if (!referral) return Deny(context, kObjectType, context.Parameter("id"));
  const Form form(context.request);
  const auto stored =
      StoreUploadedDocument(context, "file", form.Get("title"), kObjectType, referral->id);
  if (stored) return Response::Redirect(ReferralHref(referral->id) + "?saved=document#documents");
  ReferralPageState state{&stored.error(), "documents", &form, ""};
  return RenderReferral(context, *referral, state);
}

Response DownloadReferralDocument(Context& context) {
  const auto document = FindVisibleDocument(context);
  if (!document) return Deny(context, "document", context.Parameter("id"));
  return DownloadDocument(context, *document);
}

Response RemoveReferralDocument(Context& context) {
  const auto document = FindVisibleDocument(context);
  const auto& actor = context.signed_in();
  if (!document || !ReferralPolicy::CanChange(actor, document->organisation_id)) {
    return Deny(context, "document", context.Parameter("id"));
  }
  RemoveDocument(context, *document);
  return Response::Redirect(ReferralHref(document->owner_id) + "?saved=removed#documents");
}

Response ShowCriteria(Context& context) {
  if (!EligibilityCriteriaPolicy::CanAdjust(context.signed_in()))
    return Deny(context, "eligibility", "", 403);
  return RenderCriteria(
      context, nullptr, nullptr, 0,
      context.request.query == "saved=1" ? context.Translate(N_("The criteria are saved.")) : "");
}

Response AddCriterion(Context& context) {
  const auto& actor = context.signed_in();
  if (!EligibilityCriteriaPolicy::CanAdjust(actor)) return Deny(context, "eligibility", "", 403);
  const Form form(context.request);
  const std::string label = domain::intake::Trimmed(form.Get("label"));
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        TRY(domain::CheckCriterionLabel(label));
        store::EligibilityStore store(session);
        store.EnsureDefaults(*actor.organisation_id, context.services.clock.Now());
        const auto id = store.Insert(*actor.organisation_id, label, context.services.clock.Now());
        RecordChange(context, session, "eligibility.create", "eligibility_criterion",
                     std::to_string(id));
        return {};
      });
  if (done) return Response::Redirect("/admin/eligibility?saved=1");
  return RenderCriteria(context, &done.error(), &form, 0, "");
}

Response RenameCriterion(Context& context) {
  const auto& actor = context.signed_in();
  if (!EligibilityCriteriaPolicy::CanAdjust(actor)) return Deny(context, "eligibility", "", 403);
  const auto criterion = FindCriterion(context);
  if (!criterion) return Deny(context, "eligibility_criterion", context.Parameter("id"));
  const Form form(context.request);
  const std::string label = domain::intake::Trimmed(form.Get("label"));
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        TRY(domain::CheckCriterionLabel(label));
        if (label == CriterionLabel(context, *criterion)) return {};
        store::EligibilityStore(session).Rename(criterion->id, criterion->organisation_id, label);
        RecordChange(context, session, "eligibility.update", "eligibility_criterion",
                     std::to_string(criterion->id));
        return {};
      });
  if (done) return Response::Redirect("/admin/eligibility?saved=1");
  return RenderCriteria(context, &done.error(), &form, criterion->id, "");
}

namespace {

Response SetRetired(Context& context, bool retire) {
  const auto& actor = context.signed_in();
  if (!EligibilityCriteriaPolicy::CanAdjust(actor)) return Deny(context, "eligibility", "", 403);
  const auto criterion = FindCriterion(context);
  if (!criterion) return Deny(context, "eligibility_criterion", context.Parameter("id"));
  if (criterion->active() == retire) {
    (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
      store::EligibilityStore(session).SetRetired(
          criterion->id, criterion->organisation_id,
          retire ? std::optional(context.services.clock.Now()) : std::nullopt);
      RecordChange(context, session, retire ? "eligibility.retire" : "eligibility.restore",
                   "eligibility_criterion", std::to_string(criterion->id));
      return {};
    });
  }
  return Response::Redirect("/admin/eligibility?saved=1");
}

}  // namespace

Response RetireCriterion(Context& context) { return SetRetired(context, true); }

Response RestoreCriterion(Context& context) { return SetRetired(context, false); }

}  // namespace cercle::web::pages::core_members
