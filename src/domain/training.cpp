#include "domain/training.hpp"

#include <algorithm>
#include <map>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

constexpr int kBasicTrainingMinutes = 15 * 60;
constexpr int kMaxRequiredMinutes = 200 * 60;
constexpr int kShortestSession = 15;
constexpr int kLongestSession = 12 * 60;

}  // namespace

std::vector<TrainingModule> DefaultTrainingModules() {
  return {
      {0, 0, N_("Basic training"), true, kBasicTrainingMinutes, 1, true},
      {0, 0, N_("Continuing training"), false, 0, 2, true},
  };
}

std::vector<TrainingProgress> SummariseTraining(const std::vector<TrainingModule>& modules,
                                                const std::vector<TrainingAttendance>& attendance) {
  std::map<std::int64_t, std::pair<int, int>> attended;  // module → minutes, sessions
  for (const auto& entry : attendance) {
    auto& [minutes, sessions] = attended[entry.module_id];
    minutes += entry.minutes;
    ++sessions;
  }
  std::vector<TrainingProgress> progress;
  for (const auto& module : modules) {
    const auto found = attended.find(module.id);
    if (!module.active && found == attended.end()) continue;
    TrainingProgress entry{module, 0, 0};
    if (found != attended.end()) {
      entry.attended_minutes = found->second.first;
      entry.sessions = found->second.second;
    }
    progress.push_back(std::move(entry));
  }
  return progress;
}

Status CheckTrainingModule(TrainingModule& module) {
  std::vector<FieldError> errors;
  CheckText(errors, "name", module.name, 120, N_("Enter a name."));
  if (module.required_minutes < 0 || module.required_minutes > kMaxRequiredMinutes) {
    errors.push_back({"required_hours",
                      {N_("Enter a number of hours from {minimum} to {maximum}."),
                       {{"minimum", "0"}, {"maximum", "200"}}}});
  }
  return Checked(std::move(errors));
}

int SessionDays(const TrainingSession& session) {
  if (!session.ends_on) return 1;
  return std::max(1, DaysBetween(session.held_on, *session.ends_on) + 1);
}

Status CheckTrainingSession(TrainingSession& session) {
  std::vector<FieldError> errors;
  if (session.ends_on && *session.ends_on == session.held_on) session.ends_on.reset();
  if (session.ends_on && *session.ends_on < session.held_on) {
    AddError(errors, "ends_on", N_("The last day must come after the first."));
  } else if (session.ends_on &&
             DaysBetween(session.held_on, *session.ends_on) >= kLongestTrainingDays) {
    errors.push_back({"ends_on",
                      {N_("Record a training of at most {days} days as one entry."),
                       {{"days", std::to_string(kLongestTrainingDays)}}}});
  }
  const int days = errors.empty() ? SessionDays(session) : 1;
  const int longest = std::min(kLongestSession * days, kMaxRequiredMinutes);
  if (days == 1 &&
      (session.duration_minutes < kShortestSession || session.duration_minutes > longest)) {
    AddError(errors, "duration", N_("Enter a duration from 15 minutes to 12 hours."));
  } else if (session.duration_minutes < kShortestSession || session.duration_minutes > longest) {
    errors.push_back({"duration",
                      {N_("Enter a total from 15 minutes to {hours} hours over these days."),
                       {{"hours", std::to_string(longest / 60)}}}});
  }
  CheckText(errors, "title", session.title, 200);
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
