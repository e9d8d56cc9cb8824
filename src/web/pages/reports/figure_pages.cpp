// One figure of the funder's report with the records it counts, each linked to its page.
#include "app/reports/report_queries.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_pages.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::reports {
namespace {

// Where a counted record is shown: its label and address, and a second link for some.
struct RecordLink {
  std::string label;
  std::string href;
  std::string secondary_label;
  std::string secondary_href;
};

// The file number and name of core member `id`, or "" when the records lack him.
std::string CoreMemberLabel(const domain::ReportRecords& records, std::int64_t id,
                            const std::string& what) {
  const auto* core_member = records.FindCoreMember(id);
  return core_member ? core_member->file_number + " — " + what : std::string();
}

RecordLink LinkOf(const Context& context, const domain::ReportRecords& records,
                  const domain::CountedRecord& counted) {
  RecordLink link;
  const std::string id = std::to_string(counted.id);
  const auto volunteer_name = [&](std::int64_t volunteer_id) {
    const auto* volunteer = records.FindVolunteer(volunteer_id);
    return volunteer ? volunteer->name : std::string();
  };
  switch (counted.kind) {
    case domain::RecordKind::kVolunteer:
      return {volunteer_name(counted.id), "/volunteers/" + id, "", ""};
    case domain::RecordKind::kTrainingAttendance:
      return {volunteer_name(counted.id), "/volunteers/" + id,
              context.Translate(N_("Training session")),
              "/volunteers/training/" + std::to_string(counted.secondary_id)};
    case domain::RecordKind::kLoggedHours:
      for (const auto& hours : records.logged_hours) {
        if (hours.id != counted.id) continue;
        link.label = volunteer_name(hours.volunteer_id);
        link.href = "/volunteers/" + std::to_string(hours.volunteer_id) + "#hours";
      }
      return link;
    case domain::RecordKind::kReferral:
      if (const auto* referral = records.FindReferral(counted.id))
        link.label = referral->person_name;
      link.href = "/referrals/" + id;
      return link;
    case domain::RecordKind::kCoreMember:
      if (const auto* core_member = records.FindCoreMember(counted.id)) {
        link.label = CoreMemberLabel(records, counted.id, core_member->name);
      }
      link.href = "/core-members/" + id;
      return link;
    case domain::RecordKind::kOutreach:
      for (const auto& activity : records.outreach) {
        if (activity.id == counted.id) link.label = activity.title;
      }
      link.href = "/outreach/" + id + "/edit";
      return link;
    case domain::RecordKind::kEvent:
      for (const auto& event : records.events) {
        if (event.id != counted.id) continue;
        link.label = CoreMemberLabel(records, event.core_member_id,
                                     context.Translate(domain::LabelOf(event.kind)));
        link.href = "/core-members/" + std::to_string(event.core_member_id) + "/outcomes";
      }
      return link;
    case domain::RecordKind::kExpenseClaim:
      return {volunteer_name(counted.secondary_id),
              "/volunteers/" + std::to_string(counted.secondary_id), "", ""};
    case domain::RecordKind::kCircle:
      for (const auto& circle : records.circles) {
        if (circle.id == counted.id) link.label = circle.code_name;
      }
      link.href = "/circles/" + id;
      return link;
  }
  return link;
}

// One counted record's row: its date, link, note and amount.
mstch::map RecordRow(const Context& context, const domain::ReportRecords& records,
                     const domain::FigureDefinition& definition,
                     const domain::CountedRecord& counted) {
  const auto link = LinkOf(context, records, counted);
  mstch::map row{{"date", ShowDate(context, counted.date)},
                 {"label", link.label},
                 {"href", link.href},
                 {"note", counted.note.empty() ? std::string() : context.Translate(counted.note)}};
  if (definition.unit == domain::FigureUnit::kMinutes ||
      definition.unit == domain::FigureUnit::kCents) {
    row["amount"] = FormatHours(context, counted.amount) + " h";
  } else if (counted.amount != 1) {
    row["amount"] = FormatCount(context, counted.amount);
  }
  if (!link.secondary_href.empty()) {
    row["secondary_label"] = link.secondary_label;
    row["secondary_href"] = link.secondary_href;
  }
  return row;
}

// The check list's template data.
mstch::map FigureView(const Context& context, const app::reports::FunderReportPage& page,
                      const domain::FigureDefinition& definition) {
  // The report computed every figure already: take this one from them.
  const auto computed =
      std::find_if(page.figures.begin(), page.figures.end(),
                   [&](const ComputedFigure& figure) { return figure.definition == &definition; });
  const auto& figure = computed->result;
  mstch::array rows;
  for (const auto& counted : figure.records) {
    rows.push_back(RecordRow(context, page.records, definition, counted));
  }
  mstch::array breakdown;
  for (const auto& line : figure.breakdown) {
    breakdown.push_back(mstch::map{{"label", BreakdownLabel(context, line)},
                                   {"value", FormatFigure(context, definition.unit, line.value)}});
  }
  return mstch::map{{"label", context.Translate(definition.label)},
                    {"definition", context.Translate(definition.definition)},
                    {"value", FormatFigure(context, definition.unit, figure.value)},
                    {"raw", std::to_string(figure.value)},
                    {"key", std::string(definition.key)},
                    {"period_text", PeriodText(context, page.period)},
                    {"back", "/reports/funder?" + PeriodQuery(page.period)},
                    {"rows", rows},
                    {"empty", rows.empty()},
                    {"breakdown", breakdown},
                    {"has_breakdown", !breakdown.empty()},
                    {"has_amount", definition.unit != domain::FigureUnit::kCount ||
                                       definition.key == "people_reached"}};
}

}  // namespace

Response ShowFigure(Context& context) {
  const auto request = ReadPeriod(context);
  const auto* definition = domain::FindFunderFigure(context.Parameter("figure"));
  const auto page = app::reports::LoadFunderReport(
      context.services.app, context.signed_in(),
      {.period = request.period, .use = app::reports::FunderUse::kFigure, .figure = definition});
  if (!page && page.error().kind == ErrorKind::kNotFound) {
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  }
  if (!page) return Deny(context, "report", "", 403);
  return RenderPage(context, "report_figure", context.Translate(definition->label),
                    FigureView(context, *page, *definition));
}

}  // namespace cercle::web::pages::reports
