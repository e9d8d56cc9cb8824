# Cercle: the two commands are `make run` and `make test`. See README.md.
.PHONY: run test bench build deps format tidy clean fuzz package

JOBS ?= $(shell nproc)
RELEASE_DIR := build/release

# Sets everything up and serves on http://127.0.0.1:8080 with French demo data (SQLite in var/).
run: build
	scripts/run

# Builds and runs every test suite (unit, integration on SQLite and PostgreSQL, browser) and prints a summary.
test:
	scripts/test-all

# Measures the server against nginx with wrk, side by side, and runs the micro-benchmarks. Never asserts.
bench: deps
	bench/run

# Runs each libFuzzer target (tests/fuzz/) for FUZZ_SECONDS seconds, from its committed corpus.
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz run $(FUZZ_SECONDS)

deps:
	scripts/install-deps

build: deps
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCERCLE_TESTS=OFF >/dev/null
	cmake --build $(RELEASE_DIR) --target cercle -j $(JOBS)

# Builds the Debian package $(RELEASE_DIR)/cercle_VERSION-1_amd64.deb from the release build (CPack; packaging/).
# README, "Install on a server", says how to install it.
package: build
	cd $(RELEASE_DIR) && cpack -G DEB

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

tidy: build
	clang-tidy -p $(RELEASE_DIR) $$(git ls-files 'src/*.cpp')

clean:
	rm -rf build
