# GpuPool: every everyday command. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
DOTNET ?= dotnet
CONFIG ?= Release
CLI := $(DOTNET) run --project src/GpuPool.Cli -c $(CONFIG) --
TEST_FILTER ?=

.PHONY: help build test format format-fix demo bench clean model

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

build: ## Build every project
	$(DOTNET) build Scheduler.sln -c $(CONFIG)

test: ## Run every test project and print one "N passed, N failed" line
	@.ci/test-summary $(DOTNET) test Scheduler.sln -c $(CONFIG) $(if $(TEST_FILTER),--filter "$(TEST_FILTER)")

format: ## Verify formatting and analyzer fixes (fails on any change needed)
	$(DOTNET) format Scheduler.sln --verify-no-changes

format-fix: ## Apply formatting and analyzer fixes
	$(DOTNET) format Scheduler.sln

demo: ## The main job: compare every sharing policy on the embedded default workload
	$(CLI) simulate

bench: ## Matching benchmark (1,000 and 5,000 vertices, dense and sparse)
	$(DOTNET) run --project bench/GpuPool.Benchmarks -c Release -- matching

clean: ## Remove build outputs
	$(DOTNET) clean Scheduler.sln -c $(CONFIG)

# The shipped model may only learn from data the repository may hold: the embedded synthetic kernel
# set and co-runs answered by the simulated GPU's contention model.
model: ## Train the embedded default model (synthetic kernels + simulated co-runs) -> src/GpuPool.Prediction/DefaultModel/default-model.zip
	$(CLI) train --simulated --out src/GpuPool.Prediction/DefaultModel/default-model.zip
