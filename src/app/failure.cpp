#include "app/failure.hpp"

#include <soci/soci.h>

#include <typeinfo>

#include "store/database.hpp"

namespace cercle::app {

std::string DescribeFailure(const std::exception& failure) {
  if (dynamic_cast<const soci::soci_error*>(&failure)) return store::DescribeFailure(failure);
  return std::string(typeid(failure).name()) + ": " + failure.what();
}

}  // namespace cercle::app
