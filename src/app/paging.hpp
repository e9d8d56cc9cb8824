#pragma once

#include <algorithm>
#include <cstdint>

#include "store/page_slice.hpp"

namespace cercle::app {

// The page of a list its reader asks for (1-based; the web layer reads it from ?page=), and how
// many rows a page holds.
struct PageRequest {
  std::int64_t page = 1;
  std::int64_t size = store::PageSlice{}.limit;
};

// The slice of the page `request` asks for among `total` rows: page 1 below 1, the last page past
// the end, as web::Paginate() numbers them.
inline store::PageSlice SliceOf(const PageRequest& request, std::int64_t total) {
  const std::int64_t size = std::max<std::int64_t>(1, request.size);
  const std::int64_t pages = std::max<std::int64_t>(1, (total + size - 1) / size);
  const std::int64_t page = std::clamp<std::int64_t>(request.page, 1, pages);
  return {size, (page - 1) * size};
}

}  // namespace cercle::app
