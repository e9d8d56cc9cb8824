#include "store/sqlite_statement_cache.hpp"

#include <dlfcn.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cercle::store {
namespace {

using PrepareFunction = int (*)(sqlite3*, const char*, int, sqlite3_stmt**, const char**);
using FinalizeFunction = int (*)(sqlite3_stmt*);
using CloseFunction = int (*)(sqlite3*);

// libsqlite3's own definition of `name`, the next after ours.
template <class Function>
Function Real(const char* name) {
  auto* found = reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
  if (!found) std::abort();  // no SQLite below us: nothing could work
  return found;
}

// A page runs a few dozen statements, the whole application a few hundred.
constexpr std::size_t kMostKeptPerConnection = 300;

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// One connection's finished statements, by their text.
struct Kept {
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>, TextHash, std::equal_to<>> idle;
  std::size_t count = 0;
};

struct Cache {
  std::mutex mutex;
  std::unordered_map<sqlite3*, Kept> connections;
  std::atomic<bool> on = false;
  std::atomic<std::uint64_t> hits = 0;
  std::atomic<std::uint64_t> misses = 0;
};

// Never destroyed: connections may close during the destruction of other statics.
Cache& TheCache() {
  static auto* cache = new Cache();
  return *cache;
}

// Every statement `kept` holds, which it forgets.
std::vector<sqlite3_stmt*> TakeAll(Kept& kept) {
  std::vector<sqlite3_stmt*> statements;
  for (auto& [text, idle] : kept.idle)
    statements.insert(statements.end(), idle.begin(), idle.end());
  kept.idle.clear();
  kept.count = 0;
  return statements;
}

// Takes a kept statement of `text` on `connection`, or none.
sqlite3_stmt* TakeKept(sqlite3* connection, std::string_view text) {
  auto& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  const auto found = cache.connections.find(connection);
  if (found == cache.connections.end()) return nullptr;
  const auto statements = found->second.idle.find(text);
  if (statements == found->second.idle.end() || statements->second.empty()) return nullptr;
  sqlite3_stmt* statement = statements->second.back();
  statements->second.pop_back();
  --found->second.count;
  return statement;
}

// Keeps a finished, reset statement. A connection holding the most already lets go of all it
// kept, to be finalised by the caller: texts that never come back (a list of ids written into the
// statement) cannot crowd out those that do for good.
std::vector<sqlite3_stmt*> Keep(sqlite3_stmt* statement) {
  const char* text = sqlite3_sql(statement);
  sqlite3* connection = sqlite3_db_handle(statement);
  if (!text || !connection) return {statement};
  std::vector<sqlite3_stmt*> released;
  auto& cache = TheCache();
  std::lock_guard lock(cache.mutex);
  auto& kept = cache.connections[connection];
  if (kept.count >= kMostKeptPerConnection) released = TakeAll(kept);
  kept.idle[text].push_back(statement);
  ++kept.count;
  return released;
}

// Finalises every statement kept for `connection`, before it closes.
void Forget(sqlite3* connection) {
  static const auto finalize = Real<FinalizeFunction>("sqlite3_finalize");
  std::vector<sqlite3_stmt*> statements;
  {
    auto& cache = TheCache();
    std::lock_guard lock(cache.mutex);
    const auto found = cache.connections.find(connection);
    if (found == cache.connections.end()) return;
    statements = TakeAll(found->second);
    cache.connections.erase(found);
  }
  for (auto* statement : statements) finalize(statement);
}

}  // namespace

SqliteStatementCounts CountSqliteStatements() {
  auto& cache = TheCache();
  return {cache.hits.load(), cache.misses.load()};
}

void KeepSqliteStatements(bool keep) { TheCache().on.store(keep); }

}  // namespace cercle::store

// The definitions SOCI's SQLite backend reaches instead of libsqlite3's (see the header).
extern "C" {

int sqlite3_prepare_v2(sqlite3* connection, const char* sql, int bytes, sqlite3_stmt** statement,
                       const char** tail) {
  using namespace cercle::store;
  static const auto prepare = Real<PrepareFunction>("sqlite3_prepare_v2");
  auto& cache = TheCache();
  if (!cache.on.load(std::memory_order_relaxed) || !connection || !sql || !statement) {
    return prepare(connection, sql, bytes, statement, tail);
  }
  const std::string_view text(
      sql, bytes < 0 ? std::strlen(sql) : ::strnlen(sql, static_cast<std::size_t>(bytes)));
  // Kept statements are keyed by their whole text, so one found compiled all of `sql`.
  if (sqlite3_stmt* kept = TakeKept(connection, text)) {
    cache.hits.fetch_add(1, std::memory_order_relaxed);
    *statement = kept;
    if (tail) *tail = text.data() + text.size();
    return SQLITE_OK;
  }
  cache.misses.fetch_add(1, std::memory_order_relaxed);
  return prepare(connection, sql, bytes, statement, tail);
}

int sqlite3_finalize(sqlite3_stmt* statement) {
  using namespace cercle::store;
  static const auto finalize = Real<FinalizeFunction>("sqlite3_finalize");
  if (!statement || !TheCache().on.load(std::memory_order_relaxed)) return finalize(statement);
  // sqlite3_reset answers what sqlite3_finalize would: the last evaluation's error, if any.
  const int outcome = sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  for (auto* released : Keep(statement)) finalize(released);
  return outcome;
}

int sqlite3_close(sqlite3* connection) {
  using namespace cercle::store;
  static const auto close = Real<CloseFunction>("sqlite3_close");
  if (connection) Forget(connection);
  return close(connection);
}

int sqlite3_close_v2(sqlite3* connection) {
  using namespace cercle::store;
  static const auto close = Real<CloseFunction>("sqlite3_close_v2");
  if (connection) Forget(connection);
  return close(connection);
}

}  // extern "C"
