#include "web/pages/volunteers/volunteer_care_pages.hpp"

#include <algorithm>

#include "app/portal/wellbeing.hpp"
#include "app/volunteers/volunteer_care.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::volunteers {
namespace {

const std::string kDebriefPrefix = "/volunteers/debriefs/";

// "4 — Rather well", the point of the scale and its label.
std::string ScoreText(const Context& context, int score) {
  return std::to_string(score) + " — " + context.Translate(domain::WellbeingLabel(score));
}

// "octobre 2026" for "2026-10", as the hours' months read.
std::string MonthText(const Context& context, const std::string& month) {
  const auto first = ParseIsoDate(month + "-01");
  if (!first) return month;
  domain::HoursTotals one;
  one.by_month[{static_cast<int>(first->year()), static_cast<unsigned>(first->month())}] = 0;
  const auto row = boost::get<mstch::map>(MonthRows(context, one, 0).front());
  return boost::get<std::string>(row.at("month"));
}

// The page of a debrief, with the form as typed and its error when one was refused.
Response RenderDebrief(Context& context, const app::volunteers::DebriefPage& page, const Form* form,
                       const Error* error, bool saved) {
  const auto& debrief = page.debrief;
  mstch::map model{{"volunteer", page.volunteer.FullName()},
                   {"volunteer_href", "/volunteers/" + std::to_string(page.volunteer.id)},
                   {"circle", page.circle_code_name},
                   {"concern_href", "/concerns/" + std::to_string(debrief.concern_id)},
                   {"due_on", FormatDate(context, debrief.due_on)},
                   {"late", !debrief.held() && debrief.due_on < page.today},
                   {"action", kDebriefPrefix + std::to_string(debrief.id)}};
  if (debrief.held()) {
    model["held_date"] = FormatDate(context, *debrief.held_on);
    if (!debrief.note.empty()) model["note"] = debrief.note;
  } else {
    mstch::map fields =
        form ? form->Model(context, {"held_on", "note"}, error) : EmptyForm({"held_on", "note"});
    if (!form) fields["held_on"] = mstch::map{{"value", FormatIsoDate(page.today)}};
    model["form"] = std::move(fields);
  }
  if (saved) model["notice"] = context.Translate(N_("The debrief is recorded."));
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "volunteer_debrief", context.Translate(N_("Debriefing")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The exit interview's page: the interview recorded, or its form (as typed, with its error).
Response RenderExitInterview(Context& context, const app::volunteers::ExitInterviewPage& page,
                             const Form* form, const Error* error, bool saved) {
  const auto& volunteer = page.volunteer;
  const std::string href = "/volunteers/" + std::to_string(volunteer.id);
  mstch::map model{{"volunteer", volunteer.FullName()},
                   {"volunteer_href", href},
                   {"action", href + "/exit-interview"}};
  if (page.interview) {
    mstch::array reasons;
    for (const auto reason : page.interview->reasons) {
      reasons.push_back(mstch::map{{"label", context.Translate(domain::LabelOf(reason))}});
    }
    model["interview"] = mstch::map{{"held_on", FormatDate(context, page.interview->held_on)},
                                    {"reasons", reasons},
                                    {"note", page.interview->note}};
  } else if (page.can_record) {
    mstch::map fields = form ? form->Model(context, {"held_on", "reasons", "note"}, error)
                             : EmptyForm({"held_on", "reasons", "note"});
    if (!form) fields["held_on"] = mstch::map{{"value", FormatIsoDate(page.today)}};
    const auto ticked = form ? form->All("reasons") : std::vector<std::string>{};
    mstch::array choices;
    for (const auto reason : domain::EnumValues<domain::ExitReason>()) {
      const std::string name(domain::NameOf(reason));
      choices.push_back(
          mstch::map{{"value", name},
                     {"label", context.Translate(domain::LabelOf(reason))},
                     {"checked", std::find(ticked.begin(), ticked.end(), name) != ticked.end()}});
    }
    fields["choices"] = choices;
    model["form"] = std::move(fields);
  } else {
    model["not_exited"] = true;
  }
  if (saved) model["notice"] = context.Translate(N_("The exit interview is recorded."));
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "volunteer_exit_interview",
                    context.Translate(N_("Exit interview")) + " — " + volunteer.FullName(),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

// The exit interview as typed.
domain::ExitInterviewDraft ReadExitInterview(const Form& form) {
  domain::ExitInterviewDraft draft{
      ParseIsoDate(Trimmed(form.Get("held_on"))), {}, false, form.Get("note")};
  for (const auto& name : form.All("reasons")) {
    if (const auto reason = domain::ParseEnum<domain::ExitReason>(name)) {
      draft.reasons.push_back(*reason);
    } else {
      draft.unknown_reason = true;
    }
  }
  return draft;
}

// The page of the record of the {id} path parameter that `load` reads, shown by `render` (with
// the notice of a form just saved); the audited 404 when the actor may not see it.
template <class Load, class Render>
Response ShowRecordPage(Context& context, std::string_view object_type, Load load, Render render) {
  const auto page = CallWithPathId(context, load);
  if (!page) return Deny(context, object_type, context.Parameter("id"));
  return render(context, *page, nullptr, nullptr, context.request.query == "saved=1");
}

// Answers the form of such a page: `act(id, form)` calls the app; a success goes back to the page
// at `href(id)` with its notice, a refusal shows the page again with what was typed and the error.
template <class Act, class Load, class Render, class Href>
Response PostToRecordPage(Context& context, std::string_view object_type, Act&& act, Load load,
                          Render render, Href href) {
  return PostForm(
      context, object_type, std::forward<Act>(act),
      [&](std::int64_t id, const Form& form, const Error& error) {
        return Refusal(context, error, object_type, std::to_string(id), [&](const Error& refused) {
          const auto page = load(context.services.app, context.signed_in(), id);
          if (!page) return Deny(context, object_type, std::to_string(id));
          return render(context, *page, &form, &refused, false);
        });
      },
      [&](std::int64_t id, std::int64_t) { return href(id) + "?saved=1"; });
}

}  // namespace

Message WellbeingFlagMessage(const Context& context, const std::string& name,
                             const domain::WellbeingFlag& flag) {
  switch (flag.reason) {
    case domain::WellbeingFlagReason::kLowest:
      return {N_("{name}: wellbeing at the bottom of the scale ({score})."),
              {{"name", name}, {"score", ScoreText(context, flag.score)}}};
    case domain::WellbeingFlagReason::kFell:
      return {N_("{name}: wellbeing fell from {previous} to {score}."),
              {{"name", name},
               {"previous", ScoreText(context, flag.previous)},
               {"score", ScoreText(context, flag.score)}}};
    case domain::WellbeingFlagReason::kUnanswered:
      break;
  }
  return {N_("{name}: no wellbeing check answered for two months."), {{"name", name}}};
}

Response ShowDebrief(Context& context) {
  return ShowRecordPage(context, "volunteer_debrief", app::volunteers::LoadDebrief, RenderDebrief);
}

Response RecordDebrief(Context& context) {
  return PostToRecordPage(
      context, "volunteer_debrief",
      [&](std::int64_t id, const Form& form) {
        app::volunteers::RecordDebriefCommand command{
            id, {ParseIsoDate(Trimmed(form.Get("held_on"))), form.Get("note")}};
        return app::volunteers::RecordDebrief(context.services.app, context.signed_in(), command);
      },
      app::volunteers::LoadDebrief, RenderDebrief,
      [](std::int64_t id) { return kDebriefPrefix + std::to_string(id); });
}

Response ShowWellbeing(Context& context) {
  const auto history = CallWithPathId(context, app::volunteers::LoadWellbeingHistory);
  if (!history) return Deny(context, "volunteer", context.Parameter("id"));
  mstch::array answers;
  for (const auto& answer : history->answers) {
    answers.push_back(mstch::map{{"month", MonthText(context, answer.month)},
                                 {"score", ScoreText(context, answer.score)},
                                 {"low", answer.score <= 2},
                                 {"note", answer.note}});
  }
  mstch::map model{{"volunteer", history->volunteer.FullName()},
                   {"volunteer_href", "/volunteers/" + std::to_string(history->volunteer.id)},
                   {"has_answers", !answers.empty()},
                   {"answers", answers}};
  if (history->flag) {
    model["flag"] = context.Format(
        WellbeingFlagMessage(context, history->volunteer.FullName(), *history->flag));
  }
  return RenderPage(
      context, "volunteer_wellbeing",
      context.Translate(N_("Wellbeing checks")) + " — " + history->volunteer.FullName(),
      std::move(model));
}

Response ShowExitInterview(Context& context) {
  return ShowRecordPage(context, "volunteer", app::volunteers::LoadExitInterview,
                        RenderExitInterview);
}

Response RecordExitInterview(Context& context) {
  return PostToRecordPage(
      context, "volunteer",
      [&](std::int64_t id, const Form& form) {
        return app::volunteers::RecordExitInterview(context.services.app, context.signed_in(),
                                                    {id, ReadExitInterview(form)});
      },
      app::volunteers::LoadExitInterview, RenderExitInterview,
      [](std::int64_t id) { return "/volunteers/" + std::to_string(id) + "/exit-interview"; });
}

}  // namespace cercle::web::pages::volunteers

namespace cercle::web::pages::portal {
namespace {

// The scale's points as radio buttons, `chosen` checked.
mstch::array ScoreChoices(const Context& context, const std::string& chosen) {
  mstch::array choices;
  for (int score = domain::kWellbeingLowest; score <= domain::kWellbeingHighest; ++score) {
    const std::string value = std::to_string(score);
    choices.push_back(
        mstch::map{{"value", value},
                   {"label", value + " — " + context.Translate(domain::WellbeingLabel(score))},
                   {"selected", value == chosen}});
  }
  return choices;
}

Response RenderCheck(Context& context, const app::portal::WellbeingCheck& check, const Form* form,
                     const Error* error) {
  mstch::map model;
  if (check.answer) {
    model["answered"] =
        mstch::map{{"score", std::to_string(check.answer->score) + " — " +
                                 context.Translate(domain::WellbeingLabel(check.answer->score))},
                   {"note", check.answer->note}};
    if (context.request.query == "answered=1") {
      model["notice"] = context.Translate(N_("Thank you: your answer is recorded."));
    }
  } else {
    mstch::map fields =
        form ? form->Model(context, {"score", "note"}, error) : EmptyForm({"score", "note"});
    fields["choices"] = ScoreChoices(context, form ? form->Get("score") : "");
    model["form"] = std::move(fields);
  }
  if (error) model["form_error"] = context.Format(error->message);
  return RenderPage(context, "portal_wellbeing", context.Translate(N_("My wellbeing this month")),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response ShowWellbeingCheck(Context& context) {
  const auto check = app::portal::LoadWellbeingCheck(context.services.app, context.signed_in());
  if (!check) return Deny(context, "volunteer", "");
  return RenderCheck(context, *check, nullptr, nullptr);
}

Response AnswerWellbeing(Context& context) {
  const Form form(context.request);
  domain::WellbeingReply reply;
  const std::string score = Trimmed(form.Get("score"));
  if (score.size() == 1 && score[0] >= '0' && score[0] <= '9') reply.score = score[0] - '0';
  reply.note = form.Get("note");
  const auto answered =
      app::portal::AnswerWellbeing(context.services.app, context.signed_in(), reply);
  if (!answered) {
    return Refusal(context, answered.error(), "volunteer", "", [&](const Error& error) {
      const auto check = app::portal::LoadWellbeingCheck(context.services.app, context.signed_in());
      if (!check) return Deny(context, "volunteer", "");
      return RenderCheck(context, *check, &form, &error);
    });
  }
  return Response::Redirect("/portal/wellbeing?answered=1");
}

}  // namespace cercle::web::pages::portal
