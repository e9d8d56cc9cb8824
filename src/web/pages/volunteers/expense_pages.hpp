#pragma once

#include "web/context.hpp"

// Volunteers' expenses and mileage: the volunteer's claims in their portal (/portal/expenses), the
// coordinators' queue, export and payment (/volunteers/expenses), and the rate per kilometre.
namespace cercle::web::pages::volunteers {

// GET /portal/expenses: the claim form and the volunteer's own claims.
Response ShowOwnExpenses(Context& context);
// POST /portal/expenses: files a claim, with a receipt photo or PDF.
Response FileExpense(Context& context);
// GET /portal/expenses/{id}/receipt: the receipt of one's own claim.
Response DownloadOwnReceipt(Context& context);
// GET /volunteers/expenses: claims awaiting review, and approved claims awaiting payment.
Response ShowExpenseQueue(Context& context);
// POST /volunteers/expenses/{id}/review: approves or refuses a claim (a refusal needs a reason).
Response ReviewExpense(Context& context);
// GET /volunteers/expenses/{id}/receipt: a claim's receipt (audited).
Response DownloadReceipt(Context& context);
// GET /volunteers/expenses/export.csv: the approved claims for the bookkeeper.
Response ExportExpenses(Context& context);
// POST /volunteers/expenses/paid: marks the approved claims listed paid, once confirmed.
Response MarkExpensesPaid(Context& context);
// GET /volunteers/expenses/rates and POST: the rate per kilometre and its history.
Response ShowMileageRates(Context& context);
Response SetMileageRate(Context& context);

}  // namespace cercle::web::pages::volunteers
