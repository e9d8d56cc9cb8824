// The volunteer's expenses in their portal: the claim form (on a phone), their claims with their
// status, and their own receipts.
#include "app/volunteers/expenses.hpp"
#include "base/text.hpp"
#include "web/documents.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/expense_pages.hpp"
#include "web/pages/volunteers/expense_views.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/pagination.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using app::volunteers::ClaimLink;
using app::volunteers::OwnClaimsPage;

// The value of a link's choice: "meeting-12", "contact-7".
std::string LinkValue(ClaimLink::Kind kind, std::int64_t id) {
  return (kind == ClaimLink::Kind::kMeeting ? "meeting-" : "contact-") + std::to_string(id);
}

std::optional<app::volunteers::ClaimLinkChoice> ParseLink(const std::string& value) {
  for (const auto kind : {ClaimLink::Kind::kMeeting, ClaimLink::Kind::kContact}) {
    const std::string prefix = kind == ClaimLink::Kind::kMeeting ? "meeting-" : "contact-";
    if (!value.starts_with(prefix)) continue;
    if (const auto id = ParseId(std::string_view(value).substr(prefix.size()))) {
      return app::volunteers::ClaimLinkChoice{kind, *id};
    }
  }
  return std::nullopt;
}

mstch::array LinkChoices(const Context& context, const OwnClaimsPage& page,
                         const std::string& chosen) {
  mstch::array choices{mstch::map{{"value", std::string()},
                                  {"label", context.Translate(N_("None"))},
                                  {"selected", chosen.empty()}}};
  for (const auto& link : page.links) {
    const auto value = LinkValue(link.kind, link.id);
    const auto day =
        link.contacted_on ? *link.contacted_on : context.services.translator.LocalDate(link.at);
    const char* what = link.kind == ClaimLink::Kind::kMeeting ? N_("Meeting") : N_("Contact");
    choices.push_back(mstch::map{{"value", value},
                                 {"label", link.circle_code_name + " — " + context.Translate(what) +
                                               ", " + FormatDate(context, day)},
                                 {"selected", value == chosen}});
  }
  return choices;
}

mstch::array KindChoices(const Context& context, const std::string& chosen) {
  mstch::array choices;
  for (const auto kind : domain::EnumValues<domain::ExpenseKind>()) {
    const std::string name(domain::NameOf(kind));
    choices.push_back(mstch::map{{"value", name},
                                 {"label", context.Translate(domain::LabelOf(kind))},
                                 {"selected", name == chosen}});
  }
  return choices;
}

const std::initializer_list<std::string> kFields = {"incurred_on", "kind", "distance", "amount",
                                                    "link",        "note", "receipt"};

Response Render(Context& context, const OwnClaimsPage& page, const Form* form, const Error* error,
                const std::string& notice) {
  mstch::map claim_form = form ? form->Model(context, kFields, error) : EmptyForm(kFields);
  if (!form) claim_form["incurred_on"] = mstch::map{{"value", FormatIsoDate(page.today)}};
  claim_form["kinds"] = KindChoices(context, form ? form->Get("kind") : "mileage");
  claim_form["links"] = LinkChoices(context, page, form ? form->Get("link") : "");
  mstch::array claims;
  for (const auto& claim : page.claims) claims.push_back(ClaimRow(context, claim));
  mstch::map model{{"claims", claims},
                   {"no_claims", claims.empty()},
                   {"can_claim", page.can_claim},
                   {"claim_form", claim_form},
                   {"has_rate", page.rate_today.has_value()},
                   {"rate", FormatMoney(context, page.rate_today.value_or(0))}};
  if (!notice.empty()) model["notice"] = notice;
  if (error) AddErrors(context, *error, model);
  AddPagination(context, Paginate(context.request, page.total), model);
  return RenderPage(context, "portal_expenses", context.Translate(N_("My expenses")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The claim the form describes; what it could not read goes to `read`.
app::volunteers::FileClaimCommand ReadClaim(const Context& context, const Form& form) {
  app::volunteers::FileClaimCommand command;
  auto& claim = command.claim;
  claim.incurred_on = ParseIsoDate(Trimmed(form.Get("incurred_on"))).value_or(CivilDate{});
  claim.note = form.Get("note");
  const auto kind = domain::ParseEnum<domain::ExpenseKind>(form.Get("kind"));
  if (!kind) {
    command.read = Error::Fields({{"kind", {N_("Choose what the expense was for."), {}}}});
    return command;
  }
  claim.kind = *kind;
  if (claim.kind == domain::ExpenseKind::kMileage) {
    claim.tenths_km = domain::ParseTenthsKm(form.Get("distance"));
  } else {
    claim.amount_cents = domain::ParseCents(form.Get("amount")).value_or(0);
  }
  const std::string link = form.Get("link");
  if (!link.empty()) {
    command.link = ParseLink(link);
    if (!command.link) {
      command.read =
          Error::Fields({{"link", {N_("Choose a meeting or contact of your circles."), {}}}});
    }
  }
  auto upload = UploadOf(context, "receipt", "");
  if (!upload.bytes.empty() || !upload.filename.empty()) command.receipt = std::move(upload);
  return command;
}

}  // namespace

Response ShowOwnExpenses(Context& context) {
  const auto page = app::volunteers::LoadOwnClaims(context.services.app, context.signed_in(),
                                                   RequestedPage(context));
  if (!page) return Deny(context, "expense_claim", "");
  const std::string notice =
      context.request.query == "filed=1"
          ? context.Translate(N_("Your claim is sent. The coordinator will review it."))
          : "";
  return Render(context, *page, nullptr, nullptr, notice);
}

Response FileExpense(Context& context) {
  const Form form(context.request);
  const auto command = ReadClaim(context, form);
  const auto filed =
      app::volunteers::FileOwnClaim(context.services.app, context.signed_in(), command);
  if (!filed) {
    return Refusal(context, filed.error(), "expense_claim", "", [&](const Error& error) {
      const auto page = app::volunteers::LoadOwnClaims(context.services.app, context.signed_in(),
                                                       RequestedPage(context));
      if (!page) return Deny(context, "expense_claim", "");
      return Render(context, *page, &form, &error, "");
    });
  }
  return Response::Redirect("/portal/expenses?filed=1");
}

Response DownloadOwnReceipt(Context& context) {
  const auto download = CallWithPathId(context, app::volunteers::DownloadOwnReceipt);
  if (!download) return Deny(context, "expense_claim", context.Parameter("id"));
  return DocumentResponse(context, download->document, download->bytes);
}

}  // namespace cercle::web::pages::volunteers
