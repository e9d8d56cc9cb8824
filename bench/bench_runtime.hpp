#pragma once

// The runtime the benchmarks share: the demo data on a database of its own, made at first use and
// removed at exit.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "cli/runtime.hpp"
#include "config/secrets.hpp"
#include "demo/demo_data.hpp"

namespace cercle::bench {

class DemoRuntime {
 public:
  // The demo `scale` times on `url`, or on a temporary SQLite file when `url` is empty; `name`
  // tells the temporary folders of several runtimes apart.
  DemoRuntime(const std::string& name, const std::string& url, int scale, int pool_size) {
    folder_ = std::filesystem::temp_directory_path() /
              ("cercle-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder_);
    config::Config config;
    config.database.url = url.empty() ? "sqlite:" + (folder_ / "cercle.db").string() : url;
    config.database.pool_size = pool_size;
    config.secrets.key_file = (folder_ / "cercle.key").string();
    config.log.level = "off";
    spdlog::set_level(spdlog::level::off);
    (void)config::CreateKeyFile(config.secrets.key_file);
    auto runtime = cli::Runtime::Create(config, std::make_shared<SystemClock>());
    if (!runtime) throw std::runtime_error("runtime");
    runtime_ = std::move(runtime).value();
    if (!demo::Load(runtime_->app(), scale)) throw std::runtime_error("demo");
  }
  ~DemoRuntime() {
    runtime_.reset();
    std::filesystem::remove_all(folder_);
  }
  DemoRuntime(const DemoRuntime&) = delete;
  DemoRuntime& operator=(const DemoRuntime&) = delete;

  cli::Runtime& get() { return *runtime_; }

 private:
  std::filesystem::path folder_;
  std::unique_ptr<cli::Runtime> runtime_;
};

}  // namespace cercle::bench
