#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/page_slice.hpp"

// The store-side convention for lists that grow with the data: a page is a LIMIT and an OFFSET
// after an ORDER BY that ends on a unique column (the id), so that pages neither overlap nor skip
// rows; the same on SQLite and PostgreSQL. Each paginated list has a Count…() beside it, so that
// a page costs two queries whatever the data.
namespace cercle::store {

// The stores' name for a page of a list (base/page_slice.hpp), until every caller names it
// cercle::PageSlice.
using cercle::PageSlice;

// " LIMIT n OFFSET m" for `slice` (both whole numbers the code computed, never user text; a limit
// under 1 reads 1 and an offset under 0 reads 0).
std::string LimitClause(const PageSlice& slice);

// "1,2,3" for an SQL IN list of the rows on a page (ids the code read, never text from a request;
// the caller skips the query when there are none).
std::string IdList(const std::vector<std::int64_t>& ids);

}  // namespace cercle::store
