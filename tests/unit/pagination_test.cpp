// Which page a request asks for: whole numbers within the list only; anything else reads page 1,
// and a page past the end reads the last one.
#include <gtest/gtest.h>

#include "web/pagination.hpp"

namespace cercle::web {
namespace {

Request WithQuery(const std::string& query) {
  Request request;
  request.path = "/core-members";
  request.query = query;
  request.target = request.path + "?" + query;
  return request;
}

TEST(Paginate, ReadsThePageAskedForAndItsSlice) {
  const auto pagination = Paginate(WithQuery("region=Abitibi&page=2"), 120);
  EXPECT_EQ(pagination.page, 2);
  EXPECT_EQ(pagination.pages, 3);
  EXPECT_EQ(pagination.total, 120);
  EXPECT_EQ(pagination.Slice().limit, kPageSize);
  EXPECT_EQ(pagination.Slice().offset, kPageSize);
}

TEST(Paginate, AnythingButAWholePageNumberReadsTheFirstPage) {
  for (const std::string bad : {"", "page=", "page=abc", "page=0", "page=-1", "page=1.5", "page=2x",
                                "page=%00", "page=+2", "page=%202"}) {
    EXPECT_EQ(Paginate(WithQuery(bad), 120).page, 1) << bad;
  }
}

TEST(Paginate, APagePastTheEndReadsTheLast) {
  EXPECT_EQ(Paginate(WithQuery("page=4"), 120).page, 3);
  EXPECT_EQ(Paginate(WithQuery("page=99999999999999999999999999"), 120).page, 3);
  EXPECT_EQ(Paginate(WithQuery("page=9223372036854775807"), 120).page, 3);
}

TEST(Paginate, AnEmptyListHasOnePage) {
  const auto pagination = Paginate(WithQuery("page=3"), 0);
  EXPECT_EQ(pagination.page, 1);
  EXPECT_EQ(pagination.pages, 1);
  EXPECT_EQ(pagination.Slice().offset, 0);
}

TEST(Paginate, ASecondListReadsItsOwnParameter) {
  const auto request = WithQuery("page=2&stories_page=3");
  EXPECT_EQ(Paginate(request, 500, kPageSize, "stories_page").page, 3);
  EXPECT_EQ(Paginate(request, 500).page, 2);
}

TEST(PageOf, CutsTheRowsOfThePage) {
  std::vector<int> rows(120);
  for (int i = 0; i < 120; ++i) rows[static_cast<std::size_t>(i)] = i;
  const auto last = PageOf(rows, Paginate(WithQuery("page=3"), 120));
  ASSERT_EQ(last.size(), 20u);
  EXPECT_EQ(last.front(), 100);
  EXPECT_EQ(PageOf(rows, Paginate(WithQuery(""), 120)).size(), static_cast<std::size_t>(kPageSize));
}

}  // namespace
}  // namespace cercle::web
