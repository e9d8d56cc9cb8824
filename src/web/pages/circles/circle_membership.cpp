#include "web/pages/circles/circle_membership.hpp"

#include "web/pages/volunteers/volunteer_views.hpp"

namespace cercle::web::pages::circles {

std::string DescribeGateFailure(const Context& context, const domain::GateFailure& failure) {
  domain::GateResult one;
  one.failures.push_back(failure);
  const auto texts = volunteers::GateFailureTexts(context, one);
  return boost::get<std::string>(boost::get<mstch::map>(texts.front()).at("text"));
}

}  // namespace cercle::web::pages::circles
