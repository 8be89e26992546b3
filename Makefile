# The two commands: `make run` and `make test`. Everything else is a helper of theirs.
JOBS ?= 2
BUILD ?= build
ASAN_BUILD ?= build-asan
DSN ?= sqlite:./var/motcua.db
LISTEN ?= 127.0.0.1:8080
CMAKE_FLAGS ?=

.PHONY: all deps build web build-asan run test test-unit test-asan test-fuzz \
        check-format check-layering bench fuzz-long format clean

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

build: deps $(BUILD)/CMakeCache.txt web
	cmake --build $(BUILD) -j$(JOBS)

# The web UI (web/dist, served by `motcua serve`): rebuilt when one of its sources changed.
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/package.json \
               web/package-lock.json web/vite.config.ts web/tsconfig.json
web: web/dist/index.html
web/dist/index.html: $(WEB_SOURCES)
	@if [ -d web/node_modules ]; then cd web && npm run --silent build; \
	 else echo "web: no web/node_modules (run scripts/install-deps.sh); the UI is not built"; fi

# The checked build (clang, AddressSanitizer and UndefinedBehaviorSanitizer, line tables only):
# every test and the libFuzzer targets, compiled once.
build-asan: deps
	@test -f $(ASAN_BUILD)/CMakeCache.txt || CC=clang CXX=clang++ cmake -S . -B $(ASAN_BUILD) \
	  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG=-gline-tables-only \
	  -DCMAKE_CXX_FLAGS_DEBUG=-gline-tables-only -DMOTCUA_SANITIZE=ON -DMOTCUA_FUZZ=ON \
	  -DMOTCUA_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j$(JOBS)

run: build
	@mkdir -p var
	./$(BUILD)/src/main/motcua serve --demo --dsn $(DSN) --listen $(LISTEN)

# Every test: format and layering checks, all tests (both back ends), the sanitizer build's unit
# tests, and a bounded fuzzing run.
test: check-format check-layering test-unit test-asan test-fuzz

test-unit: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 600

test-asan: build-asan
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j$(JOBS) -L "unit|pg" --timeout 900

test-fuzz: build-asan
	./tools/run-fuzzers.sh $(ASAN_BUILD)

check-format:
	@./tools/check-format.sh

check-layering:
	@./tools/check-layering.sh

bench: build
	./tools/run-benchmarks.sh $(BUILD)

# Each fuzzer for long (10 minutes each unless FUZZ_SECONDS says otherwise).
fuzz-long: build-asan
	FUZZ_SECONDS=$${FUZZ_SECONDS:-600} ./tools/run-fuzzers.sh $(ASAN_BUILD)

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
