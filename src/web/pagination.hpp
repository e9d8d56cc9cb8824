#pragma once

#include <mstch/mstch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/page_slice.hpp"
#include "base/result.hpp"
#include "web/context.hpp"

// Pages of the lists that grow with the data: which page a request asks for (?page=), and the
// navigation below the list (templates/pagination.mustache: "Page 2 of 7", previous and next links
// that keep the other query parameters, such as filters).
namespace cercle::web {

// Rows on one page of a list, everywhere. Never unbounded.
inline constexpr std::int64_t kPageSize = 50;

// A total for Paginate() when a store counts and pages in one call: the page as requested.
inline constexpr std::int64_t kUnknownTotal = 1'000'000'000'000;

// One page of a list of `total` rows.
struct Pagination {
  std::int64_t page = 1;   // 1-based, always within 1..pages
  std::int64_t pages = 1;  // at least 1, even for an empty list
  std::int64_t total = 0;  // rows in the whole list (what counts on the page show)
  std::int64_t size = kPageSize;
  std::string parameter = "page";  // the query parameter that names the page

  // The LIMIT and OFFSET of this page for the store.
  PageSlice Slice() const { return {size, (page - 1) * size}; }
};

// The page ?page= (or ?`parameter`=, for a second list on the same page) asks for among `total`
// rows: page 1 when it is absent, empty, not a whole number or under 1; the last page when it is
// past the end.
Pagination Paginate(const Request& request, std::int64_t total, std::int64_t size = kPageSize,
                    std::string_view parameter = "page");

// The rows of `rows` on `pagination`'s page, for a list whose rows are all read anyway (for totals
// or flags computed over the whole list): the page stays small even when the list is not.
template <class Row>
std::vector<Row> PageOf(const std::vector<Row>& rows, const Pagination& pagination) {
  const auto slice = pagination.Slice();
  const auto size = static_cast<std::int64_t>(rows.size());
  const auto first = std::min(slice.offset, size);
  const auto last = std::min(slice.offset + slice.limit, size);
  return std::vector<Row>(rows.begin() + static_cast<std::ptrdiff_t>(first),
                          rows.begin() + static_cast<std::ptrdiff_t>(last));
}

// The data templates/pagination.mustache displays, under `key` of `model` (the template writes
// {{> pagination}} for the key "pagination", {{#key}}{{> pagination}}{{/key}} for another); nothing
// when the list fits on one page. Links go to the request's path with its other query parameters.
// `label` (an English msgid) names the navigation for screen readers; a page with two lists names
// each.
void AddPagination(const Context& context, const Pagination& pagination, mstch::map& model,
                   const std::string& key = "pagination", std::string_view label = N_("Pages"));

}  // namespace cercle::web
