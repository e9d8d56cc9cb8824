#include "web/pages/privacy/retention_pages.hpp"

#include "app/privacy/retention.hpp"
#include "web/form_fields.hpp"
#include "web/layout.hpp"
#include "web/pages/auth/auth_pages.hpp"

namespace cercle::web::pages::privacy {
namespace {

using domain::RetainedKind;

constexpr const char* kPage = "/admin/privacy/retention";

std::string Day(const Context& context, CivilDate day) {
  return context.services.translator.FormatCivilDate(context.language, FormatIsoDate(day));
}

mstch::array ScheduleView(const Context& context, const domain::RetentionSchedule& schedule,
                          const Form* typed, const Error* error) {
  mstch::array rows;
  for (const auto& period : schedule) {
    const auto& rule = domain::RuleOf(period.kind);
    const std::string key(domain::NameOf(period.kind));
    mstch::map row{{"key", key},
                   {"label", context.Translate(period.label)},
                   {"period", RetentionPeriodText(context, period)},
                   {"counted_from", context.Translate(period.counted_from)},
                   {"legal_note", context.Translate(period.legal_note)},
                   {"adjustable", period.unit != domain::PeriodUnit::kForever},
                   {"unit", context.Translate(domain::LabelOf(period.unit))},
                   {"floor", std::to_string(rule.floor)},
                   {"ceiling", std::to_string(rule.ceiling)},
                   {"value", typed ? typed->Get(key) : std::to_string(period.length)}};
    if (const auto message = FieldMessage(context, error, key); !message.empty()) {
      row["error"] = message;
    }
    rows.push_back(row);
  }
  return rows;
}

mstch::map QueueView(const Context& context, const app::privacy::RetentionPage& page) {
  mstch::array counts;
  for (const auto& count : page.counts) {
    counts.push_back(mstch::map{{"label", context.Translate(domain::LabelOf(count.kind))},
                                {"kind", std::string(domain::NameOf(count.kind))},
                                {"waiting", std::to_string(count.waiting)},
                                {"held", std::to_string(count.held)}});
  }
  mstch::array entries;
  for (const auto& entry : page.entries) {
    mstch::map row{{"label", context.Translate(domain::LabelOf(entry.kind))},
                   {"kind", std::string(domain::NameOf(entry.kind))},
                   {"id", std::to_string(entry.record_id)},
                   {"reference", entry.reference},
                   {"ended", Day(context, entry.ended_on)},
                   {"due", Day(context, entry.due_on)}};
    if (entry.hold) {
      row["hold"] = context.Translate(domain::LabelOf(*entry.hold));
      row["hold_reason"] = entry.hold_reason;
    }
    entries.push_back(row);
  }
  mstch::array holds;
  for (const auto& hold : page.holds) {
    holds.push_back(mstch::map{
        {"id", std::to_string(hold.id)},
        {"label", context.Translate(domain::LabelOf(hold.kind))},
        {"record_id", std::to_string(hold.record_id)},
        {"reason", hold.reason},
        {"placed_by", hold.placed_by_name},
        {"placed_at", context.services.translator.FormatDate(context.language, hold.placed_at)}});
  }
  mstch::array certificates;
  for (const auto& certificate : page.certificates) {
    certificates.push_back(mstch::map{
        {"id", std::to_string(certificate.id)},
        {"approved_at",
         context.services.translator.FormatDateTime(context.language, certificate.approved_at)},
        {"approver", certificate.approver_name}});
  }
  mstch::array kinds;
  for (const auto kind : domain::EnumValues<RetainedKind>()) {
    if (!domain::MayBeHeld(kind)) continue;
    kinds.push_back(mstch::map{{"kind", std::string(domain::NameOf(kind))},
                               {"label", context.Translate(domain::LabelOf(kind))}});
  }
  mstch::map model{{"counts", counts},
                   {"queue_empty", counts.empty()},
                   {"entries", entries},
                   {"has_entries", !entries.empty()},
                   {"holds", holds},
                   {"has_holds", !holds.empty()},
                   {"certificates", certificates},
                   {"has_certificates", !certificates.empty()},
                   {"hold_kinds", kinds}};
  if (page.listed_on) model["listed_on"] = Day(context, *page.listed_on);
  return model;
}

// The page, with what was typed in the form that failed (`form_name`: "schedule", "hold" or
// "approve") and its error.
Response RenderRetention(Context& context, const Form* typed, std::string_view form_name,
                         const Error* error, const std::string& notice = "") {
  const auto page = app::privacy::LoadRetentionPage(context.services.app, context.signed_in());
  if (!page) return Deny(context, "retention_queue", "");
  mstch::map model = QueueView(context, *page);
  model["schedule"] =
      ScheduleView(context, page->schedule, form_name == "schedule" ? typed : nullptr, error);
  for (const auto* field : {"kind", "record_id", "reason", "risk_assessment", "confirmed"}) {
    mstch::map entry{{"value", typed && form_name != "schedule" ? typed->Get(field) : ""}};
    if (const auto message = FieldMessage(context, error, field); !message.empty()) {
      entry["error"] = message;
    }
    model[field] = entry;
  }
  if (error) model["form_error"] = context.Format(error->message);
  if (!notice.empty()) model["notice"] = notice;
  return RenderPage(context, "privacy_retention",
                    context.Translate(N_("Retention and destruction")), std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

// The answer to a form of the page: back to it, or the page again with the error.
Response AfterChange(Context& context, const Form& form, std::string_view form_name,
                     const Status& done, const char* saved) {
  if (done) return Response::Redirect(std::string(kPage) + "?done=" + saved);
  return Refusal(context, done.error(), "retention_queue", "", [&](const Error& error) {
    return RenderRetention(context, &form, form_name, &error);
  });
}

}  // namespace

Response ShowRetention(Context& context) {
  std::string notice;
  const auto& query = context.request.query;
  if (query == "done=schedule") notice = context.Translate(N_("The schedule is saved."));
  if (query == "done=list") notice = context.Translate(N_("The queue is listed again."));
  if (query == "done=hold") notice = context.Translate(N_("The record is on legal hold."));
  if (query == "done=release") notice = context.Translate(N_("The legal hold is released."));
  return RenderRetention(context, nullptr, "", nullptr, notice);
}

Response SaveRetentionSchedule(Context& context) {
  const Form form(context.request);
  app::privacy::ScheduleCommand command;
  for (const auto& period : domain::RetentionRules()) {
    if (period.unit == domain::PeriodUnit::kForever) continue;
    command.lengths[period.kind] = form.Get(std::string(domain::NameOf(period.kind)));
  }
  return AfterChange(context, form, "schedule",
                     app::privacy::SaveSchedule(context.services.app, context.signed_in(), command),
                     "schedule");
}

Response ListRetentionQueue(Context& context) {
  const Form form(context.request);
  const auto listed = app::privacy::ListNow(context.services.app, context.signed_in());
  return AfterChange(context, form, "list", listed ? Status{} : Status(listed.error()), "list");
}

Response PlaceRetentionHold(Context& context) {
  const Form form(context.request);
  const auto placed =
      app::privacy::PlaceLegalHold(context.services.app, context.signed_in(),
                                   {form.Get("kind"), form.Get("record_id"), form.Get("reason")});
  return AfterChange(context, form, "hold", placed ? Status{} : Status(placed.error()), "hold");
}

Response ReleaseRetentionHold(Context& context) {
  const Form form(context.request);
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "legal_hold", context.Parameter("id"));
  return AfterChange(context, form, "release",
                     app::privacy::ReleaseLegalHold(context.services.app, context.signed_in(), *id),
                     "release");
}

Response ApproveRetentionBatch(Context& context) {
  const Form form(context.request);
  const auto approved =
      app::privacy::ApproveBatch(context.services.app, context.signed_in(),
                                 {form.Get("risk_assessment"), form.Get("confirmed") == "1"});
  if (approved) {
    return Response::Redirect(std::string(kPage) + "/certificates/" + std::to_string(*approved));
  }
  if (approved.error().kind == ErrorKind::kUnauthenticated) return auth::StepUp(kPage);
  return AfterChange(context, form, "approve", Status(approved.error()), "");
}

Response ShowDestructionCertificate(Context& context) {
  const auto certificate = CallWithPathId(context, app::privacy::LoadCertificate);
  if (!certificate) return Deny(context, "destruction_certificate", context.Parameter("id"));
  const auto& translator = context.services.translator;
  mstch::array lines;
  for (const auto& line : certificate->lines) {
    lines.push_back(mstch::map{{"label", context.Translate(domain::LabelOf(line.kind))},
                               {"method", context.Translate(domain::LabelOf(line.method))},
                               {"count", std::to_string(line.count)},
                               {"from", Day(context, line.earliest_on)},
                               {"to", Day(context, line.latest_on)},
                               {"technique", context.Translate(line.technique)}});
  }
  mstch::array skipped;
  for (const auto& record : certificate->skipped) {
    skipped.push_back(mstch::map{{"label", context.Translate(domain::LabelOf(record.kind))},
                                 {"id", std::to_string(record.record_id)},
                                 {"hold", context.Translate(domain::LabelOf(record.hold))},
                                 {"reason", record.reason}});
  }
  mstch::map model{
      {"id", std::to_string(certificate->id)},
      {"approver", certificate->approver_name},
      {"approved_at", translator.FormatDateTime(context.language, certificate->approved_at)},
      {"purpose", context.Translate(certificate->purpose)},
      {"risk_assessment", certificate->risk_assessment},
      {"lines", lines},
      {"has_lines", !lines.empty()},
      {"skipped", skipped},
      {"has_skipped", !skipped.empty()}};
  return RenderPage(context, "privacy_certificate",
                    context.Format({N_("Destruction certificate no. {number}"),
                                    {{"number", std::to_string(certificate->id)}}}),
                    std::move(model));
}

std::string RetentionPeriodText(const Context& context, const domain::ScheduledPeriod& period) {
  if (period.unit == domain::PeriodUnit::kForever) {
    return context.Translate(domain::LabelOf(period.unit));
  }
  return std::to_string(period.length) + " " + context.Translate(domain::LabelOf(period.unit));
}

}  // namespace cercle::web::pages::privacy
