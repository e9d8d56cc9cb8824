#include "web/pages/volunteers/volunteer_care_pages.hpp"

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
  const auto page = CallWithPathId(context, app::volunteers::LoadDebrief);
  if (!page) return Deny(context, "volunteer_debrief", context.Parameter("id"));
  return RenderDebrief(context, *page, nullptr, nullptr, context.request.query == "saved=1");
}

Response RecordDebrief(Context& context) {
  return PostForm(
      context, "volunteer_debrief",
      [&](std::int64_t id, const Form& form) {
        app::volunteers::RecordDebriefCommand command{
            id, {ParseIsoDate(Trimmed(form.Get("held_on"))), form.Get("note")}};
        return app::volunteers::RecordDebrief(context.services.app, context.signed_in(), command);
      },
      [&](std::int64_t id, const Form& form, const Error& error) {
        return Refusal(
            context, error, "volunteer_debrief", std::to_string(id), [&](const Error& refused) {
              const auto page =
                  app::volunteers::LoadDebrief(context.services.app, context.signed_in(), id);
              if (!page) return Deny(context, "volunteer_debrief", std::to_string(id));
              return RenderDebrief(context, *page, &form, &refused, false);
            });
      },
      [](std::int64_t id, std::int64_t) {
        return kDebriefPrefix + std::to_string(id) + "?saved=1";
      });
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
