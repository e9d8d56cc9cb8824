// In-process costs of the request pipeline, without a socket: what a page costs before the network.
#include <benchmark/benchmark.h>

#include <spdlog/spdlog.h>
#include <filesystem>
#include <memory>

#include "cli/runtime.hpp"
#include "config/secrets.hpp"
#include "demo/demo_data.hpp"
#include "store/organisation_store.hpp"

namespace cercle {
namespace {

// A runtime on a temporary SQLite database with the demo data.
class BenchRuntime {
 public:
  BenchRuntime() {
    folder_ =
        std::filesystem::temp_directory_path() / ("cercle-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder_);
    config::Config config;
    config.database.url = "sqlite:" + (folder_ / "cercle.db").string();
    config.secrets.key_file = (folder_ / "cercle.key").string();
    config.log.level = "off";
    spdlog::set_level(spdlog::level::off);
    (void)config::CreateKeyFile(config.secrets.key_file);
    auto runtime = cli::Runtime::Create(config, std::make_shared<SystemClock>());
    if (!runtime) throw std::runtime_error("runtime");
    runtime_ = std::move(runtime).value();
    (void)demo::Load(runtime_->database(), runtime_->clock(), 1);
  }
  ~BenchRuntime() {
    runtime_.reset();
    std::filesystem::remove_all(folder_);
  }
  cli::Runtime& get() { return *runtime_; }

 private:
  std::filesystem::path folder_;
  std::unique_ptr<cli::Runtime> runtime_;
};

BenchRuntime& Shared() {
  static BenchRuntime runtime;
  return runtime;
}

void BM_HandleHealthz(benchmark::State& state) {
  auto& application = Shared().get().application();
  web::Request request;
  request.path = request.target = "/healthz";
  for (auto _ : state) benchmark::DoNotOptimize(application.Handle(request));
}
BENCHMARK(BM_HandleHealthz);

void BM_HandleHomePage(benchmark::State& state) {
  auto& application = Shared().get().application();
  web::Request request;
  request.path = request.target = "/";
  for (auto _ : state) benchmark::DoNotOptimize(application.Handle(request));
}
BENCHMARK(BM_HandleHomePage);

void BM_SqlitePointRead(benchmark::State& state) {
  auto& database = Shared().get().database();
  const auto organisations = store::ListOrganisations(database);
  store::OrganisationStore store(database);
  for (auto _ : state) benchmark::DoNotOptimize(store.Find(organisations.front().id));
}
BENCHMARK(BM_SqlitePointRead);

}  // namespace
}  // namespace cercle
