#include "web/pages/volunteers/expense_views.hpp"

#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::volunteers {

std::string FormatDistance(const Context& context, std::int64_t tenths_km) {
  const std::string mark = context.language == i18n::Language::kFrench ? "," : ".";
  return std::to_string(tenths_km / 10) + mark + std::to_string(tenths_km % 10) + " km";
}

mstch::map ClaimRow(const Context& context, const domain::ExpenseClaim& claim) {
  const auto status = claim.status;
  const std::string badge = status == domain::ExpenseStatus::kRefused     ? "danger"
                            : status == domain::ExpenseStatus::kSubmitted ? "warning"
                                                                          : "ok";
  mstch::map row{{"id", std::to_string(claim.id)},
                 {"date", FormatDate(context, claim.incurred_on)},
                 {"kind", context.Translate(domain::LabelOf(claim.kind))},
                 {"amount", FormatMoney(context, claim.amount_cents)},
                 {"status", context.Translate(domain::LabelOf(status))},
                 {"badge", badge},
                 {"note", claim.note},
                 {"refusal_reason", claim.refusal_reason},
                 {"has_receipt", claim.receipt_document_id.has_value()}};
  if (claim.tenths_km) row["distance"] = FormatDistance(context, *claim.tenths_km);
  return row;
}

}  // namespace cercle::web::pages::volunteers
