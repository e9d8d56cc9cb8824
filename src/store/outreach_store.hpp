#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "base/clock.hpp"
#include "domain/outreach.hpp"
#include "store/page_slice.hpp"

namespace cercle::store {

// Reads and writes the organisation's outreach activities and significant stories, within the
// caller's transaction. Every query names the organisation, on top of row-level security.
class OutreachStore {
 public:
  explicit OutreachStore(soci::session& session) : session_(session) {}

  // Every activity, newest first.
  std::vector<domain::OutreachActivity> ListActivities(std::int64_t organisation_id);
  // One page of them, newest first.
  std::vector<domain::OutreachActivity> ListActivities(std::int64_t organisation_id,
                                                       const PageSlice& slice);
  // How many activities the organisation recorded.
  std::int64_t CountActivities(std::int64_t organisation_id);
  std::optional<domain::OutreachActivity> FindActivity(std::int64_t id,
                                                       std::int64_t organisation_id);
  // Stores a new activity; returns its id.
  std::int64_t InsertActivity(const domain::OutreachActivity& activity);
  // Stores everything the form changes.
  void UpdateActivity(const domain::OutreachActivity& activity);
  void DeleteActivity(std::int64_t id, std::int64_t organisation_id);

  // Every story, newest first.
  std::vector<domain::SignificantStory> ListStories(std::int64_t organisation_id);
  // One page of them, newest first.
  std::vector<domain::SignificantStory> ListStories(std::int64_t organisation_id,
                                                    const PageSlice& slice);
  // How many stories the organisation wrote.
  std::int64_t CountStories(std::int64_t organisation_id);
  std::optional<domain::SignificantStory> FindStory(std::int64_t id, std::int64_t organisation_id);
  std::int64_t InsertStory(const domain::SignificantStory& story);
  // Stores the story's date, title and text, and clears its review: a changed story is reviewed
  // again.
  void UpdateStory(const domain::SignificantStory& story);
  // Marks the story as reviewed by `by`; false, with nothing changed, when it was reviewed already.
  bool MarkReviewed(std::int64_t id, std::int64_t organisation_id, std::optional<std::int64_t> by,
                    Instant now);
  void DeleteStory(std::int64_t id, std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
