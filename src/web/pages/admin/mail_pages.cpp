#include "web/pages/admin/mail_pages.hpp"

#include <string>

#include "app/admin/mail.hpp"
#include "auth/policies/mail_policy.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::admin {
namespace {

using notify::MailState;

// The badge of each state: given up in red, every unconfirmed state in amber.
std::string BadgeOf(MailState state) { return state == MailState::kFailed ? "danger" : "warning"; }

// Whether the page offers to send `mail` again: what app::admin::RetryMail accepts.
bool OffersRetry(const notify::UndeliveredMail& mail) {
  if (mail.handed) return false;
  return mail.state == MailState::kFailed || mail.state == MailState::kRetrying ||
         mail.state == MailState::kHeld;
}

mstch::map MailRowView(const Context& context, const notify::UndeliveredMail& mail) {
  const auto& translator = context.services.translator;
  mstch::map row{{"id", std::to_string(mail.id)},
                 {"queued", translator.FormatDateTime(context.language, mail.queued_at)},
                 {"recipient", mail.recipient},
                 {"subject", mail.subject},
                 {"attempts", std::to_string(mail.attempts)},
                 {"state", context.Translate(domain::LabelOf(mail.state))},
                 {"badge", BadgeOf(mail.state)},
                 {"can_retry", OffersRetry(mail)}};
  if (mail.problem != notify::MailProblem::kNone) {
    row["problem"] = context.Translate(domain::LabelOf(mail.problem));
  }
  if (mail.next_attempt_at) {
    row["next_attempt"] = translator.FormatDateTime(context.language, *mail.next_attempt_at);
  }
  return row;
}

// The notice a redirect after sending mail again asks for (?sent_again=1, ?sent_again_all=N).
std::string NoticeOf(const Context& context) {
  const auto query = context.request.QueryParameters();
  if (query.contains("sent_again")) {
    return context.Translate(N_("The mail will be sent again in a moment."));
  }
  if (const auto all = query.find("sent_again_all"); all != query.end()) {
    const auto count = ParseId(all->second).value_or(0);
    return context.Format(
        {N_("Mails to be sent again in a moment: {count}."), {{"count", std::to_string(count)}}});
  }
  return "";
}

// The mail page, with `error` (a refused retry) when given.
Response RenderMail(Context& context, const Error* error) {
  const app::PageRequest requested{Paginate(context.request, kUnknownTotal).page, kPageSize};
  const auto page = app::admin::LoadMailPage(context.services.app, context.signed_in(), requested);
  if (!page) return Deny(context, "mail", "", 403);
  const auto pagination = Paginate(context.request, page->total);
  mstch::array rows;
  for (const auto& mail : page->mails) rows.push_back(MailRowView(context, mail));
  mstch::map model{{"mails", rows},
                   {"empty", rows.empty()},
                   {"count", std::to_string(page->total)},
                   {"failed", std::to_string(page->failed)},
                   {"has_failed", page->failed > 0},
                   {"network", page->network},
                   {"not_configured", !page->sending_configured}};
  AddPagination(context, pagination, model);
  if (error) {
    model["form_error"] = context.Format(error->message);
  } else if (const auto notice = NoticeOf(context); !notice.empty()) {
    model["notice"] = notice;
  }
  return RenderPage(context, "admin_mail", context.Translate(N_("Mail that did not go")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

Response RenderConfirmation(Context& context) {
  const auto count = app::admin::CountFailedMail(context.services.app, context.signed_in());
  if (!count) return Deny(context, "mail", "", 403);
  return RenderPage(context, "admin_mail_retry",
                    context.Translate(N_("Send the failed mail again")),
                    {{"count", std::to_string(*count)}, {"none", *count == 0}});
}

}  // namespace

Response ShowMail(Context& context) { return RenderMail(context, nullptr); }

Response RetryMail(Context& context) {
  const auto retried = CallWithPathId(context, app::admin::RetryMail);
  if (!retried) {
    return Refusal(context, retried.error(), "mail", context.Parameter("id"),
                   [&](const Error& error) { return RenderMail(context, &error); });
  }
  return Response::Redirect("/admin/mail?sent_again=1");
}

Response ConfirmRetryAllMail(Context& context) { return RenderConfirmation(context); }

Response RetryAllMail(Context& context) {
  // Asked before the form is read, so that someone who may not review mail is refused as on the
  // page.
  if (!auth::policies::MailPolicy::CanReview(context.signed_in())) {
    return Deny(context, "mail", "", 403);
  }
  if (Form(context.request).Get("confirm") != "yes") return RenderConfirmation(context);
  const auto retried = app::admin::RetryFailedMail(context.services.app, context.signed_in());
  if (!retried) return Deny(context, "mail", "", 403);
  return Response::Redirect("/admin/mail?sent_again_all=" + std::to_string(*retried));
}

}  // namespace cercle::web::pages::admin
