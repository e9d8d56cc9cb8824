#include "store/page_slice.hpp"

#include <algorithm>

namespace cercle::store {

std::string LimitClause(const PageSlice& slice) {
  return " LIMIT " + std::to_string(std::max<std::int64_t>(1, slice.limit)) + " OFFSET " +
         std::to_string(std::max<std::int64_t>(0, slice.offset));
}

std::string IdList(const std::vector<std::int64_t>& ids) {
  std::string list;
  for (const auto id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  return list;
}

}  // namespace cercle::store
