#include "app/failure.hpp"

#include <soci/soci.h>

#include <typeinfo>

namespace cercle::app {

std::string DescribeFailure(const std::exception& failure) {
  if (const auto* database = dynamic_cast<const soci::soci_error*>(&failure)) {
    return "database error (category " +
           std::to_string(static_cast<int>(database->get_error_category())) + ")";
  }
  return std::string(typeid(failure).name()) + ": " + failure.what();
}

}  // namespace cercle::app
