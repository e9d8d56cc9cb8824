// The circle plan's pages: each handler parses the request, calls one app::circles function of
// app/circles/circle_plan and turns its typed page into the template's data. The form of a new
// version shows every row of the plan in force plus blank rows to add; a row left blank is left
// out of the new version.
#include "web/pages/circles/circle_plan_pages.hpp"

#include <algorithm>

#include "app/circles/circle_plan.hpp"
#include "base/text.hpp"
#include "domain/enum_names.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using app::circles::GoalProgressPage;
using app::circles::PlanPage;
using app::circles::PortalPlanPage;

// How many blank rows of each list the form offers to add, and the most rows it reads.
constexpr int kBlankRows = 2;
constexpr int kMostRows = 40;

std::string PlanHref(std::int64_t circle_id) { return CircleHref(circle_id) + "/plan"; }

std::string ProgressHref(std::int64_t review_id) {
  return "/circles/reviews/" + std::to_string(review_id) + "/goals";
}

// The message of `error` for field `name`, in the reader's language ("" for none).
std::string ErrorOf(const Context& context, const Error* error, const std::string& name) {
  if (!error) return "";
  for (const auto& field : error->fields) {
    if (field.field == name) return context.Format(field.message);
  }
  return "";
}

// One text field of a row: its name (which is its element's id), value and error.
mstch::map Field(const Context& context, const Error* error, const std::string& name,
                 const std::string& value) {
  // "error" is always set, so that the template never reads an outer context's.
  return mstch::map{{"name", name}, {"value", value}, {"error", ErrorOf(context, error, name)}};
}

// A condition as a line: its kind and its text.
std::string ConditionLine(const Context& context, const domain::Condition& condition) {
  return context.Translate(domain::LabelOf(condition.kind)) + " — " + condition.text;
}

// The goals of a plan as read-only rows.
mstch::array GoalRows(const Context& context, const std::vector<domain::PlanGoal>& goals) {
  mstch::array rows;
  for (const auto& goal : goals) {
    rows.push_back(mstch::map{{"area", context.Translate(domain::LabelOf(goal.area))},
                              {"goal", goal.goal},
                              {"steps", goal.steps},
                              {"helpers", goal.helpers}});
  }
  return rows;
}

// The warning signs of a plan as read-only rows, each condition named by `condition_line(id)` (""
// to leave it out).
template <class Line>
mstch::array SignRows(const std::vector<domain::WarningSign>& signs, Line&& condition_line) {
  mstch::array rows;
  for (const auto& sign : signs) {
    mstch::array conditions;
    for (const auto id : sign.condition_ids) {
      if (auto line = condition_line(id); !line.empty()) {
        conditions.push_back(mstch::map{{"line", std::move(line)}});
      }
    }
    rows.push_back(mstch::map{{"sign", sign.sign},
                              {"response", sign.response},
                              {"called", sign.who_is_called},
                              {"has_conditions", !conditions.empty()},
                              {"conditions", conditions}});
  }
  return rows;
}

// Row `row` of the goals of the form: from what was typed, or from `goal` (a blank row without).
mstch::map GoalFormRow(const Context& context, int row, const domain::PlanGoal* goal,
                       const Form* form, const Error* error) {
  const std::string prefix = "goal_" + std::to_string(row) + "_";
  auto value = [&](const char* part, const std::string& stored) {
    return form ? form->Get(prefix + part) : stored;
  };
  const std::string area = value("area", goal ? std::string(domain::NameOf(goal->area)) : "");
  mstch::array areas{mstch::map{{"value", std::string()}, {"label", std::string("—")}}};
  for (auto& choice : Choices(context, domain::EnumValues<domain::GoalArea>(), area)) {
    areas.push_back(std::move(choice));
  }
  return mstch::map{
      {"row", std::to_string(row)},
      {"key", value("key", goal ? std::to_string(goal->goal_key) : "0")},
      {"area", Field(context, error, prefix + "area", area)},
      {"areas", areas},
      {"text", Field(context, error, prefix + "text", value("text", goal ? goal->goal : ""))},
      {"steps", Field(context, error, prefix + "steps", value("steps", goal ? goal->steps : ""))},
      {"helpers",
       Field(context, error, prefix + "helpers", value("helpers", goal ? goal->helpers : ""))}};
}

// Row `row` of the warning signs of the form, as GoalFormRow, with a checkbox per condition.
mstch::map SignFormRow(const Context& context, const PlanPage& page, int row,
                       const domain::WarningSign* sign, const Form* form, const Error* error) {
  const std::string prefix = "sign_" + std::to_string(row) + "_";
  auto value = [&](const char* part, const std::string& stored) {
    return form ? form->Get(prefix + part) : stored;
  };
  const auto ticked = form ? form->All(prefix + "conditions") : std::vector<std::string>{};
  mstch::array conditions;
  for (const auto& [id, condition] : page.conditions) {
    const bool checked =
        form ? std::find(ticked.begin(), ticked.end(), std::to_string(id)) != ticked.end()
             : sign && std::find(sign->condition_ids.begin(), sign->condition_ids.end(), id) !=
                           sign->condition_ids.end();
    conditions.push_back(mstch::map{{"id", std::to_string(id)},
                                    {"line", ConditionLine(context, condition)},
                                    {"checked", checked}});
  }
  return mstch::map{
      {"row", std::to_string(row)},
      {"text", Field(context, error, prefix + "text", value("text", sign ? sign->sign : ""))},
      {"response",
       Field(context, error, prefix + "response", value("response", sign ? sign->response : ""))},
      {"called",
       Field(context, error, prefix + "called", value("called", sign ? sign->who_is_called : ""))},
      {"conditions_field", Field(context, error, prefix + "conditions", "")},
      {"has_conditions", !conditions.empty()},
      {"conditions", conditions}};
}

// How many rows of a list the form shows: those it was sent, or the plan's and blank ones.
int RowCount(const Form* form, const char* field, std::size_t stored) {
  if (form) {
    const auto sent = ParseId(form->Get(field));
    return sent ? static_cast<int>(std::min<std::int64_t>(*sent, kMostRows)) : 0;
  }
  return static_cast<int>(stored) + kBlankRows;
}

// The form of a new version.
mstch::map PlanForm(const Context& context, const PlanPage& page, const Form* form,
                    const Error* error) {
  const auto& draft = page.draft;
  mstch::array goals;
  const int goal_rows = RowCount(form, "goal_rows", draft.goals.size());
  for (int row = 1; row <= goal_rows; ++row) {
    const auto index = static_cast<std::size_t>(row - 1);
    goals.push_back(GoalFormRow(
        context, row, index < draft.goals.size() ? &draft.goals[index] : nullptr, form, error));
  }
  mstch::array signs;
  const int sign_rows = RowCount(form, "sign_rows", draft.signs.size());
  for (int row = 1; row <= sign_rows; ++row) {
    const auto index = static_cast<std::size_t>(row - 1);
    signs.push_back(SignFormRow(context, page, row,
                                index < draft.signs.size() ? &draft.signs[index] : nullptr, form,
                                error));
  }
  return mstch::map{{"action", PlanHref(page.circle.id)},
                    {"first", !page.shown},
                    {"open", error != nullptr || !page.shown},
                    {"note", Field(context, error, "note", form ? form->Get("note") : "")},
                    {"plan_error", ErrorOf(context, error, "plan")},
                    {"goal_rows", std::to_string(goal_rows)},
                    {"sign_rows", std::to_string(sign_rows)},
                    {"goals", goals},
                    {"signs", signs}};
}

// The list of versions, each linked, the one shown marked.
mstch::array VersionRows(const Context& context, const PlanPage& page) {
  mstch::array rows;
  for (auto it = page.versions.rbegin(); it != page.versions.rend(); ++it) {
    rows.push_back(mstch::map{
        {"number", std::to_string(it->version)},
        {"href", PlanHref(page.circle.id) + "?version=" + std::to_string(it->version)},
        {"when", context.services.translator.FormatDate(context.language, it->created_at)},
        {"note", it->note},
        {"shown", page.shown && page.shown->version.id == it->id}});
  }
  return rows;
}

Response RenderPlan(Context& context, const PlanPage& page, const Form* form, const Error* error,
                    const std::string& notice) {
  const auto& circle = page.circle;
  mstch::map model{{"code_name", circle.code_name},
                   {"circle_href", CircleHref(circle.id)},
                   {"core_member", page.core_member},
                   {"versions", VersionRows(context, page)}};
  if (page.shown) {
    model["shown"] =
        mstch::map{{"number", std::to_string(page.shown->version.version)},
                   {"note", page.shown->version.note},
                   {"earlier", !page.shown_is_current},
                   {"current_href", PlanHref(circle.id)},
                   {"goals", GoalRows(context, page.shown->goals)},
                   {"has_goals", !page.shown->goals.empty()},
                   {"signs", SignRows(page.shown->signs,
                                      [&](std::int64_t id) {
                                        const auto found = page.conditions.find(id);
                                        return found == page.conditions.end()
                                                   ? std::string()
                                                   : ConditionLine(context, found->second);
                                      })},
                   {"has_signs", !page.shown->signs.empty()}};
  }
  if (!circle.closed()) model["form"] = PlanForm(context, page, form, error);
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "circle_plan",
                    context.Translate(N_("Circle plan")) + " — " + circle.code_name,
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The version ?version=N asks for, if any.
std::optional<int> AskedVersion(const Context& context) {
  const auto query = context.request.QueryParameters();
  const auto found = query.find("version");
  if (found == query.end()) return std::nullopt;
  const auto number = ParseId(found->second);
  if (!number || *number > 1000000) return std::nullopt;
  return static_cast<int>(*number);
}

// The rows of a list posted on the form that are not blank, each with its form row as position.
app::circles::PlanCommand ReadPlan(std::int64_t circle_id, const Form& form) {
  app::circles::PlanCommand command{.circle_id = circle_id, .note = form.Get("note")};
  const int goal_rows = RowCount(&form, "goal_rows", 0);
  for (int row = 1; row <= goal_rows; ++row) {
    const std::string prefix = "goal_" + std::to_string(row) + "_";
    domain::PlanGoal goal;
    goal.position = row;
    goal.goal = form.Get(prefix + "text");
    goal.steps = form.Get(prefix + "steps");
    goal.helpers = form.Get(prefix + "helpers");
    if (Trimmed(goal.goal).empty() && Trimmed(goal.steps).empty() &&
        Trimmed(goal.helpers).empty()) {
      continue;
    }
    goal.goal_key = static_cast<int>(ParseId(form.Get(prefix + "key")).value_or(0) % 1000000);
    const auto area = domain::ParseEnum<domain::GoalArea>(form.Get(prefix + "area"));
    if (area) {
      goal.area = *area;
    } else {
      command.unreadable_areas.push_back(row);
    }
    command.goals.push_back(std::move(goal));
  }
  const int sign_rows = RowCount(&form, "sign_rows", 0);
  for (int row = 1; row <= sign_rows; ++row) {
    const std::string prefix = "sign_" + std::to_string(row) + "_";
    domain::WarningSign sign;
    sign.position = row;
    sign.sign = form.Get(prefix + "text");
    sign.response = form.Get(prefix + "response");
    sign.who_is_called = form.Get(prefix + "called");
    if (Trimmed(sign.sign).empty() && Trimmed(sign.response).empty() &&
        Trimmed(sign.who_is_called).empty()) {
      continue;
    }
    for (const auto& id : form.All(prefix + "conditions")) {
      // An unreadable id names no condition of his: the check refuses it as such.
      sign.condition_ids.push_back(ParseId(id).value_or(0));
    }
    command.signs.push_back(std::move(sign));
  }
  return command;
}

Result<PlanPage> LoadPlanForForm(const app::Services& services, const auth::Actor& actor,
                                 std::int64_t circle_id, app::circles::ViewAudit audit) {
  return app::circles::LoadPlanPage(services, actor, circle_id, std::nullopt, audit);
}

const RecordPage<PlanPage> kPlanPage{"circle", LoadPlanForForm, RenderPlan};

// The rows of the progress form: each goal of the plan in force, where it stood before this
// review, and what this review recorded (or what was typed).
mstch::array ProgressRows(const Context& context, const GoalProgressPage& page, const Form* form,
                          const Error* error) {
  mstch::array rows;
  for (const auto& goal : page.goals) {
    const std::string prefix = "progress_" + std::to_string(goal.goal_key);
    const auto recorded = page.recorded.find(goal.goal_key);
    const bool has = recorded != page.recorded.end();
    const std::string chosen =
        form ? form->Get(prefix)
             : (has ? std::string(domain::NameOf(recorded->second.progress)) : std::string());
    mstch::array choices{mstch::map{{"value", std::string()},
                                    {"label", context.Translate(N_("Not assessed at this review"))},
                                    {"selected", chosen.empty()}}};
    for (auto& choice : Choices(context, domain::EnumValues<domain::GoalProgress>(), chosen)) {
      choices.push_back(std::move(choice));
    }
    const auto before = page.before.find(goal.goal_key);
    rows.push_back(
        mstch::map{{"name", prefix},
                   {"area", context.Translate(domain::LabelOf(goal.area))},
                   {"goal", goal.goal},
                   {"before", before == page.before.end()
                                  ? context.Translate(N_("No progress recorded yet"))
                                  : context.Translate(domain::LabelOf(before->second))},
                   {"choices", choices},
                   {"comment", Field(context, error, prefix + "_comment",
                                     form ? form->Get(prefix + "_comment")
                                          : (has ? recorded->second.comment : std::string()))}});
  }
  return rows;
}

Response RenderProgress(Context& context, const GoalProgressPage& page, const Form* form,
                        const Error* error, const std::string& notice) {
  const auto& circle = page.circle;
  mstch::map model{{"code_name", circle.code_name},
                   {"circle_href", CircleHref(circle.id) + "#reviews"},
                   {"plan_href", PlanHref(circle.id)},
                   {"held_on", FormatDay(context, page.review.held_on)},
                   {"action", ProgressHref(page.review.id)},
                   {"has_goals", !page.goals.empty()},
                   {"goals", ProgressRows(context, page, form, error)},
                   {"can_record", !circle.closed()},
                   {"progress_error", ErrorOf(context, error, "progress")}};
  if (!notice.empty()) model["notice"] = notice;
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "circle_goal_progress",
                    context.Translate(N_("Progress of the goals")) + " — " + circle.code_name,
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The progress form as typed: each goal given a progress; an unknown progress is unreadable.
app::circles::GoalProgressCommand ReadProgress(const GoalProgressPage& page, const Form& form) {
  app::circles::GoalProgressCommand command{.review_id = page.review.id};
  for (const auto& goal : page.goals) {
    const std::string prefix = "progress_" + std::to_string(goal.goal_key);
    const auto chosen = form.Get(prefix);
    if (chosen.empty()) continue;
    const auto progress = domain::ParseEnum<domain::GoalProgress>(chosen);
    if (!progress) {
      command.unreadable = true;
      continue;
    }
    domain::GoalProgressEntry entry;
    entry.goal_key = goal.goal_key;
    entry.progress = *progress;
    entry.comment = form.Get(prefix + "_comment");
    command.entries.push_back(std::move(entry));
  }
  return command;
}

}  // namespace

Response ShowPlan(Context& context) {
  const auto page = CallWithPathId(context, app::circles::LoadPlanPage, AskedVersion(context),
                                   app::circles::ViewAudit::kRecord);
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  const bool saved = context.request.QueryParameters().count("saved") > 0;
  return RenderPlan(context, *page, nullptr, nullptr,
                    saved ? context.Translate(N_("The new version of the plan is recorded.")) : "");
}

Response SavePlan(Context& context) {
  return PostForm(
      context, "circle",
      [&](std::int64_t id, const Form& form) {
        return app::circles::SavePlan(context.services.app, context.signed_in(),
                                      ReadPlan(id, form));
      },
      ShowAgain(context, kPlanPage),
      [](std::int64_t id, int) { return PlanHref(id) + "?saved=1"; });
}

Response ShowGoalProgress(Context& context) {
  const auto page = CallWithPathId(context, app::circles::LoadGoalProgress);
  if (!page) return Deny(context, "circle_review", context.Parameter("id"));
  const bool saved = context.request.QueryParameters().count("saved") > 0;
  return RenderProgress(
      context, *page, nullptr, nullptr,
      saved ? context.Translate(N_("The progress of the goals is recorded.")) : "");
}

Response RecordGoalProgress(Context& context) {
  // The form names goals by the keys of the plan in force, which the page reads first; a review
  // the actor may not see answers the same audited 404 as on GET.
  const auto page = CallWithPathId(context, app::circles::LoadGoalProgress);
  if (!page) return Deny(context, "circle_review", context.Parameter("id"));
  const Form form(context.request);
  const auto done = app::circles::RecordGoalProgress(context.services.app, context.signed_in(),
                                                     ReadProgress(*page, form));
  if (done) return Response::Redirect(ProgressHref(page->review.id) + "?saved=1");
  return Refusal(
      context, done.error(), "circle_review", context.Parameter("id"),
      [&](const Error& refused) { return RenderProgress(context, *page, &form, &refused, ""); });
}

Response ShowPortalPlan(Context& context) {
  const auto page = CallWithPathId(context, app::circles::LoadPortalPlan);
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  const auto& circle = page->circle;
  mstch::map model{{"code_name", circle.code_name}, {"circle_href", PortalCircleHref(circle.id)}};
  if (page->plan) {
    model["plan"] = mstch::map{
        {"number", std::to_string(page->plan->version.version)},
        {"when",
         context.services.translator.FormatDate(context.language, page->plan->version.created_at)},
        {"goals", GoalRows(context, page->plan->goals)},
        {"has_goals", !page->plan->goals.empty()},
        {"signs", SignRows(page->plan->signs,
                           [&](std::int64_t id) {
                             const auto found = page->conditions.find(id);
                             if (found == page->conditions.end()) return std::string();
                             const auto& condition = found->second;
                             return context.Translate(condition.kind_label) + " — " +
                                    (condition.protects_victim ? context.Translate(condition.text)
                                                               : condition.text);
                           })},
        {"has_signs", !page->plan->signs.empty()}};
  }
  return RenderPage(context, "circle_portal_plan",
                    context.Translate(N_("Circle plan")) + " — " + circle.code_name,
                    std::move(model));
}

}  // namespace cercle::web::pages::circles
