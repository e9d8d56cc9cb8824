#pragma once

#include <cstdint>

namespace cercle {

// One page of a list that grows with the data: at most `limit` rows after skipping `offset`. The
// web layer works it out from ?page=, the application layer passes it on, the stores turn it into
// LIMIT and OFFSET.
struct PageSlice {
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

}  // namespace cercle
