#include "app/admin/backups.hpp"
#include "web/layout.hpp"
#include "web/pages/admin/admin_pages.hpp"

namespace cercle::web::pages::admin {
namespace {

// A size in kilobytes or megabytes, in the user's language.
std::string SizeText(const Context& context, std::uintmax_t bytes) {
  const auto& translator = context.services.translator;
  if (bytes < 1024 * 1024) {
    return context.Format(
        {N_("{size} kB"),
         {{"size", translator.FormatNumber(context.language, static_cast<double>(bytes) / 1024.0,
                                           bytes < 10 * 1024 ? 1 : 0)}}});
  }
  return context.Format(
      {N_("{size} MB"),
       {{"size", translator.FormatNumber(context.language,
                                         static_cast<double>(bytes) / (1024.0 * 1024.0), 1)}}});
}

mstch::map RunView(const Context& context, const domain::BackupRun& run) {
  const auto& translator = context.services.translator;
  return mstch::map{
      {"day", translator.FormatCivilDate(context.language, run.slot)},
      {"started", translator.FormatDateTime(context.language, run.started_at)},
      {"size",
       run.bytes > 0 ? SizeText(context, static_cast<std::uintmax_t>(run.bytes)) : std::string()},
      {"state", context.Translate(domain::LabelOf(run.state))},
      {"ok", run.state == domain::BackupState::kVerified},
      {"failed",
       run.state == domain::BackupState::kFailed || run.state == domain::BackupState::kUnverified},
      {"failure", run.failure.empty() ? std::string() : context.Translate(run.failure)}};
}

}  // namespace

Response ShowBackups(Context& context) {
  const auto page = app::admin::LoadBackupsPage(context.services.app, context.signed_in());
  if (!page) return Deny(context, "backup", "", 403);
  const auto& translator = context.services.translator;
  mstch::array runs;
  for (const auto& run : page->runs) runs.push_back(RunView(context, run));
  mstch::array archives;
  for (const auto& archive : page->archives) {
    archives.push_back(
        mstch::map{{"name", archive.name}, {"size", SizeText(context, archive.bytes)}});
  }
  mstch::map model{
      {"enabled", page->scheduled},
      {"has_folder", !page->folder.empty()},
      {"folder", page->folder},
      {"schedule",
       context.Format({N_("Every day at {time}, Cercle backs up its database and documents into "
                          "one encrypted archive, then restores it in a scratch place to check "
                          "it."),
                       {{"time", page->time}}})},
      {"keep", context.Format({N_("the last {daily} days, then {weekly} weeks, then {monthly} "
                                  "months"),
                               {{"daily", std::to_string(page->retention.daily)},
                                {"weekly", std::to_string(page->retention.weekly)},
                                {"monthly", std::to_string(page->retention.monthly)}}})},
      {"overdue", page->overdue && page->scheduled},
      {"runs", runs},
      {"no_runs", runs.empty()},
      {"archives", archives},
      {"no_archives", archives.empty()}};
  if (page->last_verified) {
    model["last_verified"] = translator.FormatDateTime(context.language, *page->last_verified);
  }
  return RenderPage(context, "admin_backups", context.Translate(N_("Backups")), std::move(model));
}

}  // namespace cercle::web::pages::admin
