// Volunteers' expenses for coordinators: the claims awaiting review, the approved claims exported
// for the bookkeeper and marked paid, each receipt (audited), and the rate per kilometre.
#include "web/pages/volunteers/expense_pages.hpp"

#include "app/volunteers/expenses.hpp"
#include "report/csv.hpp"
#include "web/documents.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_views.hpp"
#include "web/pages/volunteers/expense_views.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"
#include "web/pagination.hpp"

namespace cercle::web::pages::volunteers {
namespace {

using app::volunteers::ClaimQueue;
using app::volunteers::ListedClaim;

// The rows of `claims`; the claim a refused review names shows its reason and error again.
mstch::array ListedRows(const Context& context, const std::vector<ListedClaim>& claims,
                        const Form* form = nullptr, const Error* error = nullptr) {
  mstch::array rows;
  for (const auto& listed : claims) {
    auto row = ClaimRow(context, listed.claim);
    if (form && error && form->Get("claim") == std::to_string(listed.claim.id)) {
      row["reason_value"] = form->Get("reason");
      for (const auto& field : error->fields) {
        if (field.field == "reason") row["reason_error"] = context.Format(field.message);
      }
    }
    row["volunteer"] = listed.volunteer_name;
    row["volunteer_id"] = std::to_string(listed.claim.volunteer_id);
    row["circle"] = listed.circle_code_name;
    rows.push_back(std::move(row));
  }
  return rows;
}

Response RenderQueue(Context& context, const ClaimQueue& queue, const Form* form,
                     const Error* error, const std::string& notice) {
  const auto submitted = ListedRows(context, queue.submitted, form, error);
  const auto approved = ListedRows(context, queue.approved);
  std::int64_t approved_cents = 0;
  for (const auto& listed : queue.approved) approved_cents += listed.claim.amount_cents;
  mstch::map model{{"submitted", submitted},
                   {"no_submitted", submitted.empty()},
                   {"submitted_count", std::to_string(queue.submitted_total)},
                   {"approved", approved},
                   {"no_approved", approved.empty()},
                   {"approved_total", FormatMoney(context, approved_cents)},
                   {"has_rate", queue.rate_today.has_value()},
                   {"rate", FormatMoney(context, queue.rate_today.value_or(0))}};
  if (!notice.empty()) model["notice"] = notice;
  if (error) AddErrors(context, *error, model);
  AddPagination(context, Paginate(context.request, queue.submitted_total), model);
  return RenderPage(context, "volunteer_expenses", context.Translate(N_("Volunteer expenses")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The queue shown again with `form` and `error`, after a refused review or payment.
Response QueueAgain(Context& context, const Form& form, const Error& error) {
  const auto queue = app::volunteers::LoadClaimQueue(context.services.app, context.signed_in(),
                                                     RequestedPage(context));
  if (!queue) return Deny(context, "expense_claim", "", 403);
  return RenderQueue(context, *queue, &form, &error, "");
}

std::string Notice(const Context& context) {
  const auto& query = context.request.query;
  if (query == "reviewed=1") return context.Translate(N_("The claim is reviewed."));
  if (query == "paid=1") return context.Translate(N_("The claims are marked paid."));
  return "";
}

// An amount in cents as the bookkeeper's spreadsheet reads it: "12.50", computed in integers.
std::string PlainAmount(std::int64_t cents) {
  const std::string fraction = std::to_string(cents % 100);
  return std::to_string(cents / 100) + "." + (fraction.size() == 1 ? "0" : "") + fraction;
}

// What the bookkeeper needs and nothing more: who is paid, when, what for, how much, and the
// circle's code name (never the core member's name, nor the note).
report::Sheet BookkeeperSheet(const Context& context, const std::vector<ListedClaim>& claims) {
  report::Sheet sheet{.name = context.Translate(N_("Expenses"))};
  sheet.rows.push_back({report::Cell(context.Translate(N_("Volunteer"))),
                        report::Cell(context.Translate(N_("Date"))),
                        report::Cell(context.Translate(N_("Kind"))),
                        report::Cell(context.Translate(N_("Amount"))),
                        report::Cell(context.Translate(N_("Circle")))});
  for (const auto& listed : claims) {
    sheet.rows.push_back({report::Cell(listed.volunteer_name),
                          report::Cell(FormatIsoDate(listed.claim.incurred_on)),
                          report::Cell(context.Translate(domain::LabelOf(listed.claim.kind))),
                          report::Cell(PlainAmount(listed.claim.amount_cents)),
                          report::Cell(listed.circle_code_name)});
  }
  return sheet;
}

mstch::array RateRows(const Context& context, const std::vector<domain::MileageRate>& rates) {
  mstch::array rows;
  for (auto it = rates.rbegin(); it != rates.rend(); ++it) {
    rows.push_back(mstch::map{{"from", FormatDate(context, it->effective_from)},
                              {"rate", FormatMoney(context, it->cents_per_km)}});
  }
  return rows;
}

Response RenderRates(Context& context, const std::vector<domain::MileageRate>& rates,
                     const Form* form, const Error* error, bool saved) {
  mstch::map model{{"rates", RateRows(context, rates)}, {"no_rates", rates.empty()}};
  model["rate_form"] = form ? form->Model(context, {"effective_from", "rate"}, error)
                            : EmptyForm({"effective_from", "rate"});
  if (saved) model["notice"] = context.Translate(N_("The rate is saved."));
  if (error) AddErrors(context, *error, model);
  return RenderPage(context, "expense_rates", context.Translate(N_("Mileage rate")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response ShowExpenseQueue(Context& context) {
  const auto queue = app::volunteers::LoadClaimQueue(context.services.app, context.signed_in(),
                                                     RequestedPage(context));
  if (!queue) return Deny(context, "expense_claim", "", 403);
  return RenderQueue(context, *queue, nullptr, nullptr, Notice(context));
}

Response ReviewExpense(Context& context) {
  return PostForm(
      context, "expense_claim",
      [&](std::int64_t id, const Form& form) {
        const std::string decision = form.Get("decision");
        std::optional<domain::ExpenseStatus> status;
        if (decision == "approve") status = domain::ExpenseStatus::kApproved;
        if (decision == "refuse") status = domain::ExpenseStatus::kRefused;
        return app::volunteers::ReviewClaim(
            context.services.app, context.signed_in(),
            {.claim_id = id, .decision = status, .reason = form.Get("reason")});
      },
      [&](std::int64_t id, const Form& form, const Error& error) {
        return Refusal(context, error, "expense_claim", std::to_string(id),
                       [&](const Error& refused) { return QueueAgain(context, form, refused); });
      },
      [](std::int64_t, std::int64_t) { return std::string("/volunteers/expenses?reviewed=1"); });
}

Response DownloadReceipt(Context& context) {
  const auto download = CallWithPathId(context, app::volunteers::DownloadReceipt);
  if (!download) return Deny(context, "expense_claim", context.Parameter("id"));
  return DocumentResponse(context, download->document, download->bytes);
}

Response ExportExpenses(Context& context) {
  const auto claims =
      app::volunteers::ExportApprovedClaims(context.services.app, context.signed_in());
  if (!claims) return Deny(context, "expense_claim", "", 403);
  return reports::Download(report::WriteCsv(BookkeeperSheet(context, *claims)), reports::kCsvType,
                           "expenses-approved.csv");
}

Response MarkExpensesPaid(Context& context) {
  const Form form(context.request);
  app::volunteers::MarkPaidCommand command{.confirmed = form.Get("confirm") == "yes"};
  for (const auto& value : form.All("claim")) {
    const auto id = ParseId(value);
    if (!id) return Deny(context, "expense_claim", value);
    command.claim_ids.push_back(*id);
  }
  const auto paid =
      app::volunteers::MarkClaimsPaid(context.services.app, context.signed_in(), command);
  if (!paid) {
    return Refusal(context, paid.error(), "expense_claim", "",
                   [&](const Error& error) { return QueueAgain(context, form, error); });
  }
  return Response::Redirect("/volunteers/expenses?paid=1");
}

Response ShowMileageRates(Context& context) {
  const auto rates = app::volunteers::LoadMileageRates(context.services.app, context.signed_in());
  if (!rates) return Deny(context, "mileage_rate", "", 403);
  return RenderRates(context, *rates, nullptr, nullptr, context.request.query == "saved=1");
}

Response SetMileageRate(Context& context) {
  const Form form(context.request);
  const app::volunteers::SetRateCommand command{
      .effective_from = ParseIsoDate(Trimmed(form.Get("effective_from"))),
      .cents_per_km = domain::ParseCents(form.Get("rate"))};
  const auto set =
      app::volunteers::SetMileageRate(context.services.app, context.signed_in(), command);
  if (!set) {
    return Refusal(context, set.error(), "mileage_rate", "", [&](const Error& error) {
      const auto rates =
          app::volunteers::LoadMileageRates(context.services.app, context.signed_in());
      if (!rates) return Deny(context, "mileage_rate", "", 403);
      return RenderRates(context, *rates, &form, &error, false);
    });
  }
  return Response::Redirect("/volunteers/expenses/rates?saved=1");
}

}  // namespace cercle::web::pages::volunteers
