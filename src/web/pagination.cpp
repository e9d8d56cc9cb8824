#include "web/pagination.hpp"

#include <algorithm>
#include <charconv>

namespace cercle::web {
namespace {

// Page numbers beyond this are read as "past the end", whatever the list (no overflow).
constexpr std::int64_t kLargestPage = 1'000'000'000;

// The page number ?`parameter`= holds, or 1.
std::int64_t RequestedPage(const Request& request, const std::string& parameter) {
  const auto parameters = request.QueryParameters();
  const auto found = parameters.find(parameter);
  if (found == parameters.end()) return 1;
  const std::string& text = found->second;
  std::int64_t page = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (error == std::errc::result_out_of_range) return kLargestPage;
  if (error != std::errc() || end != text.data() + text.size() || page < 1) return 1;
  return std::min(page, kLargestPage);
}

// `path` with each segment percent-encoded (the request's path arrives decoded).
std::string EncodePath(std::string_view path) {
  std::string encoded;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = std::min(path.find('/', start), path.size());
    encoded += PercentEncode(path.substr(start, slash - start));
    if (slash < path.size()) encoded += '/';
    start = slash + 1;
  }
  return encoded;
}

// The request's path and query with ?`parameter`= set to `page` (dropped for page 1).
std::string PageHref(const Request& request, const std::string& parameter, std::int64_t page) {
  std::string query;
  for (const auto& [name, value] : request.QueryParameters()) {
    if (name == parameter) continue;
    query += (query.empty() ? "" : "&") + PercentEncode(name) + "=" + PercentEncode(value);
  }
  if (page > 1) {
    query += (query.empty() ? "" : "&") + PercentEncode(parameter) + "=" + std::to_string(page);
  }
  return EncodePath(request.path) + (query.empty() ? "" : "?" + query);
}

}  // namespace

Pagination Paginate(const Request& request, std::int64_t total, std::int64_t size,
                    std::string_view parameter) {
  Pagination pagination;
  pagination.parameter = std::string(parameter);
  pagination.size = std::max<std::int64_t>(1, size);
  pagination.total = std::max<std::int64_t>(0, total);
  pagination.pages =
      std::max<std::int64_t>(1, (pagination.total + pagination.size - 1) / pagination.size);
  pagination.page = std::min(RequestedPage(request, pagination.parameter), pagination.pages);
  return pagination;
}

void AddPagination(const Context& context, const Pagination& pagination, mstch::map& model,
                   const std::string& key, std::string_view label) {
  if (pagination.pages <= 1) return;
  mstch::map navigation{
      {"label", context.Translate(std::string(label))},
      {"status", context.Format({N_("Page {page} of {pages}"),
                                 {{"page", std::to_string(pagination.page)},
                                  {"pages", std::to_string(pagination.pages)}}})}};
  // Both keys are always set, so that a section never finds a "previous" or "next" of the page
  // around it.
  navigation["previous"] =
      pagination.page > 1
          ? mstch::node(PageHref(context.request, pagination.parameter, pagination.page - 1))
          : mstch::node(false);
  navigation["next"] =
      pagination.page < pagination.pages
          ? mstch::node(PageHref(context.request, pagination.parameter, pagination.page + 1))
          : mstch::node(false);
  // The partial reads "pagination": another key holds it, for a template to write
  // {{#key}}{{> pagination}}{{/key}}.
  if (key == "pagination") {
    model[key] = std::move(navigation);
  } else {
    model[key] = mstch::map{{"pagination", std::move(navigation)}};
  }
}

}  // namespace cercle::web
