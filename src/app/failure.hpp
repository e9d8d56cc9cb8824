#pragma once

#include <exception>
#include <string>

namespace cercle::app {

// A description of an unexpected failure for the log that carries no personal data: a database
// error, whose text can quote values, is named by its category only.
std::string DescribeFailure(const std::exception& failure);

}  // namespace cercle::app
