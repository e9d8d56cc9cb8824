#include "web/badges.hpp"

#include <array>

#include "domain/concern.hpp"

namespace cercle::web {
namespace {

// From information to immediate danger: grey and an "i", blue and a flag, orange and a clock (an
// answer within hours), red and a warning sign. The colours are those of the badges' CSS.
constexpr std::array<SeverityLook, 4> kLooks{{
    {"information", "#4a5263", "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM7 3.5h2v2H7zM7 6.75h2v5.75H7z"},
    {"concern", "#1f4e79", "M2.5 1h1.75v14H2.5zM5.5 1.75h8.5l-2.5 3.6 2.5 3.6H5.5z"},
    {"urgent", "#b34700",
     "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM7.1 3.5h1.8v4l2.9 1.7-.9 1.55-3.8-2.2z"},
    {"emergency", "#a3171b", "M8 .75 15.5 14.5H.5zM7.1 5.25h1.8v4.75H7.1zM7.1 11h1.8v1.8H7.1z"},
}};

}  // namespace

const SeverityLook& LookOf(domain::Severity severity) {
  return kLooks.at(static_cast<std::size_t>(severity));
}

mstch::map SeverityBadge(const Context& context, domain::Severity severity) {
  const auto& look = LookOf(severity);
  return mstch::map{{"modifier", std::string(look.modifier)},
                    {"icon", std::string(look.icon)},
                    {"label", context.Translate(domain::LabelOf(severity))}};
}

mstch::array SeverityChoices(const Context& context,
                             const std::map<domain::Severity, std::chrono::minutes>& deadlines,
                             const std::string& chosen) {
  mstch::array choices;
  for (const auto severity : domain::EnumValues<domain::Severity>()) {
    const std::string name(domain::NameOf(severity));
    const auto meaning = domain::MeaningOf(severity);
    Message choice{meaning.choice, {}};
    if (const auto deadline = deadlines.find(severity); deadline != deadlines.end()) {
      choice.arguments.push_back({"delay", context.Format(domain::DelayMessage(deadline->second))});
    }
    const auto& look = LookOf(severity);
    choices.push_back(mstch::map{{"value", name},
                                 {"id", "severity-" + name},
                                 {"choice", context.Format(choice)},
                                 {"example", context.Translate(meaning.example)},
                                 {"modifier", std::string(look.modifier)},
                                 {"icon", std::string(look.icon)},
                                 {"checked", name == chosen}});
  }
  return choices;
}

}  // namespace cercle::web
