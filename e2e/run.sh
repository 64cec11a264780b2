#!/usr/bin/env bash
# GpuPool end to end on kind, from nothing to proof, where Docker exists (`make e2e-kind`; `make e2e`
# runs the fuller e2e/node/e2e.sh on a real node without Docker). Needs Docker and kind (v0.20+);
# helm and kubectl come from .cache/tools (run .ci/chart-tools once) or PATH.
#   1 cluster up   2 image built and loaded   3 chart installed (simulated GPUs)
#   4 GPUs advertised (one resource per GPU)   5 samples applied   6 jobs finished
#   7 pairing, per-GPU requests, NP and QoS asserted
#   8 /metrics scraped and asserted   then the cluster is deleted (E2E_KEEP_CLUSTER=1 keeps it).
# Any failure prints the step that failed and the cluster's state, and exits non-zero.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

cluster=${KIND_CLUSTER:-gpupool-e2e}
namespace=gpupool-system
samples_ns=gpupool-e2e
release=gpupool
job_timeout=${E2E_JOB_TIMEOUT_SECONDS:-900}
# The chart's gpuResourcePrefix: GPU i of a node is the extended resource "$gpu_resource-i", 100 units.
gpu_resource=gpupool.io/gpu
helm=$( [[ -x .cache/tools/layer/helm/helm ]] && echo "$PWD/.cache/tools/layer/helm/helm" || command -v helm || true)
kubectl=$( [[ -x .cache/tools/layer/kubectl/kubectl ]] && echo "$PWD/.cache/tools/layer/kubectl/kubectl" || command -v kubectl || true)
# A private kubeconfig: the run never touches the user's current context.
KUBECONFIG=$(mktemp)
export KUBECONFIG
step="0 prerequisites"
cluster_created=0

# shellcheck source=e2e/lib.sh
source e2e/lib.sh

diagnostics() {
  echo "---- cluster state at failure ----" >&2
  k get nodes -o wide >&2 || true
  k get gpujobs,pods -n "$samples_ns" -o wide >&2 || true
  k get gpujobs -n "$samples_ns" -o yaml >&2 || true
  k get pods -n "$namespace" -o wide >&2 || true
  k logs -n "$namespace" -l app.kubernetes.io/component=operator --tail=80 >&2 || true
  k logs -n "$namespace" -l app.kubernetes.io/component=device-plugin --tail=80 >&2 || true
  k get events -A --sort-by=.lastTimestamp >&2 || true
}

finish() {
  local status=$?
  if ((status != 0)); then
    echo "E2E FAILED in step \"$step\" (exit $status)" >&2
    ((cluster_created)) && diagnostics
  fi
  if ((!cluster_created)); then
    rm -f "$KUBECONFIG"
  elif [[ ${E2E_KEEP_CLUSTER:-0} == 1 ]]; then
    echo "keeping cluster $cluster (KUBECONFIG=$KUBECONFIG)"
  else
    kind delete cluster --name "$cluster" >/dev/null 2>&1 || true
    rm -f "$KUBECONFIG"
  fi
  exit "$status"
}
trap finish EXIT

step="0 prerequisites"
docker info >/dev/null 2>&1 || die "Docker is not running"
command -v kind >/dev/null || die "kind is not installed"
[[ -n $helm ]] || die "helm not found: run .ci/chart-tools or install helm"
[[ -n $kubectl ]] || die "kubectl not found: run .ci/chart-tools or install kubectl"

step="1 cluster up"
say "$step"
kind delete cluster --name "$cluster" >/dev/null 2>&1 || true
cluster_created=1
make --no-print-directory kind-up KIND_CLUSTER="$cluster"

step="2 image built and loaded"
say "$step"
make --no-print-directory image IMAGE_TAG=dev
make --no-print-directory kind-load KIND_CLUSTER="$cluster" IMAGE_TAG=dev

step="3 chart installed (simulated mode)"
say "$step"
make --no-print-directory deploy HELM="$helm" IMAGE_TAG=dev NAMESPACE="$namespace" RELEASE="$release" \
  HELM_ARGS="--set devicePlugin.mode=simulated --set operator.config.windowSeconds=5"

step="4 simulated GPUs advertised"
say "$step"
for node in $(k get nodes -l '!node-role.kubernetes.io/control-plane' -o name); do
  wait_until 180 "resources $gpu_resource-0 and -1 on $node" node_has_gpus "$node" 2
  [[ -z $(k get "$node" -o "jsonpath={.status.allocatable.${gpu_resource//./\\.}}") ]] || die "$node still advertises the single resource $gpu_resource"
  [[ $(k get "$node" -o jsonpath='{.metadata.labels.gpupool\.io/gpu-model}') == V100 ]] || die "$node lacks label gpupool.io/gpu-model=V100"
done

step="5 samples applied"
say "$step"
k create namespace "$samples_ns"
make --no-print-directory samples KUBECTL="$kubectl" SAMPLES_NAMESPACE="$samples_ns"

step="6 jobs finished"
say "$step"
finished=(train-sgemm etl-stream solver-spmv etl-stream-strict)
for job in "${finished[@]}"; do
  wait_until "$job_timeout" "GpuJob $job to finish" job_finished "$job"
  phase=$(job_field "$job" .status.phase)
  [[ $phase == Succeeded ]] || die "GpuJob $job ended $phase"
done

step="7 pairing, per-GPU requests, NP and QoS asserted"
say "$step"
# Applied alone, the compatible pair shares a GPU and the strict jobs run alone.
pair_partner() { [[ $(job_field "$1" .status.partner) == "$samples_ns/$2" ]] || die "$1's partner is '$(job_field "$1" .status.partner)', want $samples_ns/$2"; }
pair_partner train-sgemm etl-stream
pair_partner etl-stream train-sgemm
[[ $(job_field train-sgemm .status.node)/$(job_field train-sgemm .status.gpu) == \
   $(job_field etl-stream .status.node)/$(job_field etl-stream .status.gpu) ]] || die "the pair is not on one GPU"
for job in solver-spmv etl-stream-strict; do
  [[ -z $(job_field "$job" .status.partner) ]] || die "$job was paired with $(job_field "$job" .status.partner); it must run alone"
done
check_units "${finished[@]}"
check_qos "${finished[@]}"
check_unprofiled
[[ $(k get pod train-sgemm-gpupool -n "$samples_ns" -o jsonpath='{.spec.schedulerName}') == gpupool ]] ||
  die "train-sgemm's pod was not scheduled by gpupool"

step="8 metrics scraped"
say "$step"
metrics=$(k get --raw "/api/v1/namespaces/$namespace/services/http:$release-operator:http-metrics/proxy/metrics")
metric() { awk -v name="$1" '$1 == name { print $2; found = 1 } END { if (!found) print 0 }' <<<"$metrics"; }
at_least "$(metric gpupool_pairs_formed_total)" 1 || die "gpupool_pairs_formed_total < 1"
at_least "$(metric 'gpupool_jobs_scheduled_total{mode="shared"}')" 2 || die "fewer than 2 shared jobs in gpupool_jobs_scheduled_total"
at_least "$(metric 'gpupool_jobs_scheduled_total{mode="alone"}')" 2 || die "fewer than 2 alone jobs in gpupool_jobs_scheduled_total"
at_least "$(metric gpupool_measured_np_count)" 4 || die "gpupool_measured_np_count < 4"
[[ $(metric gpupool_qos_violations_total) == 0 ]] || die "gpupool_qos_violations_total is $(metric gpupool_qos_violations_total)"
grep -E '^gpupool_(pairs_formed_total|jobs_scheduled_total|measured_np_count|qos_violations_total)' <<<"$metrics" | sed 's/^/    /'

step="done"
say "E2E PASSED"
