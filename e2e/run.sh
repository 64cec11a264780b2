#!/usr/bin/env bash
# GpuPool end to end on kind, from nothing to proof. Needs Docker and kind (v0.20+); helm and
# kubectl come from .cache/tools (run .ci/chart-tools once) or PATH.
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

k() { "$kubectl" "$@"; }
say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

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

# wait_until SECONDS WHAT COMMAND...: polls every 5 s until COMMAND succeeds.
wait_until() {
  local limit=$1 deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "timed out after ${limit}s waiting for $what"
    sleep 5
  done
}

job_field() { k get gpujob "$1" -n "$samples_ns" -o "jsonpath={$2}"; }
job_finished() { [[ $(job_field "$1" .status.phase) =~ ^(Succeeded|Failed)$ ]]; }
# node_has_gpus NODE N: the device plugin registered $gpu_resource-0..N-1, 100 devices (percent) each.
node_has_gpus() {
  local i
  for ((i = 0; i < $2; i++)); do
    [[ $(k get "$1" -o "jsonpath={.status.allocatable.${gpu_resource//./\\.}-$i}") == 100 ]] || return 1
  done
}
# pod_gpu_limits JOB: "RESOURCE=UNITS" for each GPU limit (the bare prefix or "<prefix>-i") of the
# job's pod, one a line (jsonpath prints each container's limits as a JSON map).
pod_gpu_limits() {
  k get pod "$1-gpupool" -n "$samples_ns" -o 'jsonpath={.spec.containers[*].resources.limits}' |
    grep -oE "\"${gpu_resource//./\\.}(-[0-9]+)?\":\"[^\"]*\"" | tr -d '"' | tr : = || true
}
# gpu_units JOB: the units of its GPU the job's pod asks for; dies unless the pod asks for exactly
# one GPU resource and it is "<prefix>-<status.gpu>".
gpu_units() {
  local limits want
  limits=$(pod_gpu_limits "$1")
  want="$gpu_resource-$(job_field "$1" .status.gpu)"
  [[ -n $limits && $limits != *$'\n'* && ${limits%%=*} == "$want" ]] ||
    die "$1's pod asks for GPU resources '${limits//$'\n'/ }', want exactly $want"
  echo "${limits#*=}"
}

# at_least A B: A >= B as decimals.
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }

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
pair_partner() { [[ $(job_field "$1" .status.partner) == "$samples_ns/$2" ]] || die "$1's partner is '$(job_field "$1" .status.partner)', want $samples_ns/$2"; }
pair_partner train-sgemm etl-stream
pair_partner etl-stream train-sgemm
[[ $(job_field train-sgemm .status.node)/$(job_field train-sgemm .status.gpu) == \
   $(job_field etl-stream .status.node)/$(job_field etl-stream .status.gpu) ]] || die "the pair is not on one GPU"
# Each pod asks for units of its own GPU only: partners floor(share x 100) each, never above 100
# together; a job alone all 100.
pair_units=0
for job in train-sgemm etl-stream; do
  units=$(gpu_units "$job")
  ((units >= 1 && units < 100)) || die "$job shares its GPU but asks for $units units of it"
  pair_units=$((pair_units + units))
done
((pair_units <= 100)) || die "the pair asks for $pair_units units of one GPU"
for job in solver-spmv etl-stream-strict; do
  units=$(gpu_units "$job")
  ((units == 100)) || die "$job runs alone but asks for $units units of its GPU"
done
for job in "${finished[@]}"; do
  qos=$(job_field "$job" .spec.qosTarget)
  measured=$(job_field "$job" .status.measuredNP)
  [[ -n $measured ]] || die "$job has no measuredNP"
  at_least "$measured" "$qos" || die "$job measured NP $measured below its QoS target $qos"
  echo "    $job: partner='$(job_field "$job" .status.partner)' predicted=$(job_field "$job" .status.predictedNP) measured=$measured qos=$qos"
done
for job in solver-spmv etl-stream-strict; do
  [[ -z $(job_field "$job" .status.partner) ]] || die "$job was paired with $(job_field "$job" .status.partner); it must run alone"
done
[[ $(job_field unprofiled .status.phase) == Pending ]] || die "unprofiled is $(job_field unprofiled .status.phase), want Pending"
[[ $(job_field unprofiled '.status.conditions[?(@.type=="ProfileMissing")].status') == True ]] ||
  die "unprofiled lacks condition ProfileMissing=True"
[[ $(job_field unprofiled '.status.conditions[?(@.type=="Scheduled")].status')/$(job_field unprofiled '.status.conditions[?(@.type=="Scheduled")].reason') == False/ProfileMissing ]] ||
  die "unprofiled lacks condition Scheduled=False reason ProfileMissing"
! k get pod unprofiled-gpupool -n "$samples_ns" >/dev/null 2>&1 || die "unprofiled has a pod; it must wait for its profile"
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
