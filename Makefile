# GpuPool: every everyday command. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
DOTNET ?= dotnet
CONFIG ?= Release
CLI := $(DOTNET) run --project src/GpuPool.Cli -c $(CONFIG) --
TEST_FILTER ?=

.PHONY: help build test format format-fix demo bench bench-churn clean model

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

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

bench-churn: ## Churn benchmark: the operator on the in-memory port for 200 windows, memory every 20 (fails past its bound or on an upward trend)
	$(DOTNET) run --project bench/GpuPool.Benchmarks -c Release -- churn

clean: ## Remove build outputs
	$(DOTNET) clean Scheduler.sln -c $(CONFIG)

# Kubernetes: image, kind cluster, chart and samples. image, kind-*, deploy, samples and e2e-kind need
# Docker and kind; chart-check, node-* and e2e need neither. helm and kubectl come from .cache/tools (installed by
# .ci/chart-tools) when present, else from PATH.
IMAGE_REPOSITORY ?= gpupool
IMAGE_TAG ?= dev
KIND_CLUSTER ?= gpupool
RELEASE ?= gpupool
NAMESPACE ?= gpupool-system
SAMPLES_NAMESPACE ?= default
HELM_ARGS ?=
HELM ?= $(or $(wildcard .cache/tools/layer/helm/helm),helm)
KUBECTL ?= $(or $(wildcard .cache/tools/layer/kubectl/kubectl),kubectl)
SAMPLES := samples/profiles.yaml samples/compatible-pair.yaml samples/incompatible-pair.yaml samples/missing-profile.yaml

.PHONY: image kind-up kind-load deploy samples e2e e2e-kind undeploy kind-down chart-check node-up node-down node-test

# A real node without Docker: kubelet + containerd from Debian's packages and source (e2e/node).
NODE_STATE ?= $(or $(GPUPOOL_NODE_STATE),$${TMPDIR:-/tmp}/gpupool-node)

node-up: ## Bring up a real single-node cluster without Docker (kubelet, containerd, the GpuPool image)
	GPUPOOL_NODE_STATE=$(NODE_STATE) e2e/node/up.sh

node-down: ## Stop everything node-up started and remove its state
	GPUPOOL_NODE_STATE=$(NODE_STATE) e2e/node/down.sh

node-test: ## The Node tests on the node node-up brought up (device plugin, operator, pods run to completion)
	@GPUPOOL_NODE_ENV=$(NODE_STATE)/node.env .ci/test-summary $(DOTNET) test tests/GpuPool.Node.Tests -c $(CONFIG)

image: ## Build the one GpuPool image (Docker)
	docker build -t $(IMAGE_REPOSITORY):$(IMAGE_TAG) --build-arg VERSION=$(IMAGE_TAG) \
	  --build-arg REVISION=$$(git rev-parse --short HEAD 2>/dev/null || echo unknown) \
	  --build-arg CREATED=$$(date -u +%Y-%m-%dT%H:%M:%SZ) .

kind-up: ## Create the kind cluster (e2e/kind-config.yaml) unless it exists
	@kind get clusters 2>/dev/null | grep -qx '$(KIND_CLUSTER)' || \
	  kind create cluster --name $(KIND_CLUSTER) --config e2e/kind-config.yaml --wait 180s

kind-load: ## Load the image into the kind cluster's nodes
	kind load docker-image $(IMAGE_REPOSITORY):$(IMAGE_TAG) --name $(KIND_CLUSTER)

deploy: ## helm upgrade --install the chart (simulated GPUs by default; extra flags in HELM_ARGS)
	$(HELM) upgrade --install $(RELEASE) charts/gpupool --namespace $(NAMESPACE) --create-namespace \
	  --set image.repository=$(IMAGE_REPOSITORY) --set image.tag=$(IMAGE_TAG) --wait --timeout 5m $(HELM_ARGS)

samples: ## Apply the sample GpuProfiles and GpuJobs (into SAMPLES_NAMESPACE)
	$(KUBECTL) apply --namespace $(SAMPLES_NAMESPACE) $(addprefix -f ,$(SAMPLES))

e2e: ## On a real node without Docker: helm install, Prometheus, samples + batch, dashboard, upgrade, uninstall (e2e/node/e2e.sh)
	e2e/node/e2e.sh

e2e-kind: ## Where Docker exists: kind cluster, image, deploy, the samples asserted, torn down (e2e/run.sh)
	e2e/run.sh

undeploy: ## Delete the samples and uninstall the chart (the CRDs stay, as Helm leaves them)
	$(KUBECTL) delete --namespace $(SAMPLES_NAMESPACE) --ignore-not-found $(addprefix -f ,$(SAMPLES))
	$(HELM) uninstall $(RELEASE) --namespace $(NAMESPACE) --ignore-not-found

kind-down: ## Delete the kind cluster
	kind delete cluster --name $(KIND_CLUSTER)

chart-check: ## Chart, samples, dashboard and script checks that need no Docker (.ci/chart-checks)
	.ci/chart-checks

# The shipped model may only learn from data the repository may hold: the embedded synthetic kernel
# set and co-runs answered by the simulated GPU's contention model.
model: ## Train the embedded default model (synthetic kernels + simulated co-runs) -> src/GpuPool.Prediction/DefaultModel/default-model.zip
	$(CLI) train --simulated --out src/GpuPool.Prediction/DefaultModel/default-model.zip
