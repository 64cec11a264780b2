#!/usr/bin/env bash
# GpuPool end to end on a real node without Docker (`make e2e`): the chart installed with helm the
# way the README tells a user, a real Prometheus scraping it, the samples and a batch of 44 more
# jobs run to completion, every dashboard panel's query answered, an upgrade that rolls the
# operator while jobs wait, and an uninstall.
#   1 node   2 helm install   3 operator and plugin Ready, Lease taken, GPUs advertised
#   4 Prometheus scraping both   5 samples + batch run   6 jobs, pairs and QoS asserted
#   7 metrics agree with the statuses; promtool on each scrape   8 every dashboard panel has data
#   9 the report beside `gpupool simulate --manifests` of the same files   10 helm upgrade rolls the operator, waiting jobs run once   11 helm uninstall
# Uses the node named by GPUPOOL_NODE_ENV (node.env of a running up.sh) or brings up its own and
# takes it down again (E2E_KEEP_NODE=1 keeps it). Its jobs live in a namespace of their own, so it
# can be rerun against a node a developer keeps running. Needs helm, promtool and prometheus
# (.ci/chart-tools installs them), jq and curl.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."

namespace=gpupool-system
release=gpupool
samples_ns=gpupool-e2e-$(date +%s)
job_timeout=${E2E_JOB_TIMEOUT_SECONDS:-900}
gpus=16
# The chart's gpuResourcePrefix: GPU i of a node is the extended resource "$gpu_resource-i", 100 units.
gpu_resource=gpupool.io/gpu
values=e2e/node/values.yaml
helm=$( [[ -x .cache/tools/layer/helm/helm ]] && echo "$PWD/.cache/tools/layer/helm/helm" || command -v helm || true)
kubectl=$(command -v kubectl || true)
work=$(mktemp -d)
step="0 prerequisites"
own_node=0
prometheus_pid=

# shellcheck source=e2e/lib.sh
source e2e/lib.sh

diagnostics() {
  echo "---- cluster state at failure ----" >&2
  k get nodes -o wide >&2 || true
  k get pods -n "$namespace" -o wide >&2 || true
  k get gpujobs -n "$samples_ns" -o wide >&2 || true
  k logs -n "$namespace" -l app.kubernetes.io/component=operator --tail=60 >&2 || true
  k logs -n "$namespace" -l app.kubernetes.io/component=device-plugin --tail=40 >&2 || true
  k get events -n "$namespace" --sort-by=.lastTimestamp >&2 || true
  [[ -f $work/prometheus.log ]] && tail -n 20 "$work/prometheus.log" >&2
}

finish() {
  local status=$?
  if ((status != 0)); then
    echo "E2E FAILED in step \"$step\" (exit $status)" >&2
    [[ -n ${KUBECONFIG:-} ]] && diagnostics
  fi
  [[ -n $prometheus_pid ]] && kill "$prometheus_pid" 2>/dev/null
  if [[ -n ${KUBECONFIG:-} ]] && ((!own_node)); then
    k delete namespace "$samples_ns" --ignore-not-found --wait=false >/dev/null 2>&1 || true
  fi
  if ((own_node)) && [[ ${E2E_KEEP_NODE:-0} != 1 ]]; then
    GPUPOOL_NODE_STATE=$node_state e2e/node/down.sh >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap finish EXIT

for tool in "$helm" "$kubectl" promtool prometheus jq curl dotnet; do
  if [[ -z $tool ]] || ! command -v "$tool" >/dev/null; then die "${tool:-helm} not found: run .ci/chart-tools"; fi
done
# The gpupool CLI draws the panels and simulates the batch; built first, so its output stays clean.
dotnet build src/GpuPool.Cli -c Release >"$work/cli-build.log" 2>&1 || { cat "$work/cli-build.log" >&2; die "the gpupool CLI does not build"; }
gpupool() { dotnet src/GpuPool.Cli/bin/Release/net10.0/gpupool.dll "$@"; }

step="1 node"
say "$step"
if [[ -n ${GPUPOOL_NODE_ENV:-} ]]; then
  [[ -f $GPUPOOL_NODE_ENV ]] || die "GPUPOOL_NODE_ENV=$GPUPOOL_NODE_ENV does not exist: run make node-up"
else
  node_state=${TMPDIR:-/tmp}/gpupool-e2e-node
  own_node=1
  GPUPOOL_NODE_STATE=$node_state e2e/node/up.sh >"$work/up.log" 2>&1 || { tail -n 30 "$work/up.log" >&2; die "the node did not come up"; }
  GPUPOOL_NODE_ENV=$node_state/node.env
fi
# shellcheck source=/dev/null
source "$GPUPOOL_NODE_ENV"
export KUBECONFIG=$GPUPOOL_NODE_KUBECONFIG
node=node/$GPUPOOL_NODE_NAME
k get "$node" >/dev/null

step="2 helm install"
say "$step"
# gone: no object of the release is left in its namespace (pods included).
gone() { [[ -z $(k get deployments,daemonsets,services,configmaps,serviceaccounts,roles,rolebindings,poddisruptionbudgets,pods -n "$namespace" -l "app.kubernetes.io/instance=$release" -o name 2>/dev/null) ]]; }
# A release left by an interrupted run is removed first; the CRDs and other jobs stay.
if "$helm" status "$release" -n "$namespace" >/dev/null 2>&1; then
  "$helm" uninstall "$release" -n "$namespace" --wait >/dev/null
  wait_until 120 "the earlier release's objects to be deleted" gone
fi
"$helm" install "$release" charts/gpupool --namespace "$namespace" --create-namespace -f "$values" --wait --timeout 5m
echo "    $ kubectl get pods -n $namespace"
k get pods -n "$namespace" -o wide | sed 's/^/    /'

step="3 operator and plugin Ready, Lease taken, GPUs advertised"
say "$step"
operator_pod=$(k get pods -n "$namespace" -l app.kubernetes.io/component=operator -o jsonpath='{.items[0].metadata.name}')
plugin_pod=$(k get pods -n "$namespace" -l app.kubernetes.io/component=device-plugin -o jsonpath='{.items[0].metadata.name}')
for pod in "$operator_pod" "$plugin_pod"; do
  [[ $(k get pod "$pod" -n "$namespace" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}') == True ]] || die "$pod is not Ready"
  [[ $(k get pod "$pod" -n "$namespace" -o jsonpath='{.spec.containers[0].securityContext.readOnlyRootFilesystem}/{.spec.containers[0].securityContext.allowPrivilegeEscalation}/{.spec.containers[0].securityContext.capabilities.drop[0]}') == true/false/ALL ]] ||
    die "$pod runs without the chart's container securityContext"
done
[[ $(k get pod "$operator_pod" -n "$namespace" -o jsonpath='{.spec.securityContext.runAsNonRoot}') == true ]] || die "the operator does not run as non-root"
# In-cluster: the pods found the API server through the `kubernetes` Service and their token.
[[ -n $(k get pod "$operator_pod" -n "$namespace" -o jsonpath='{.spec.volumes[?(@.secret.secretName)].name}') ]] ||
  die "the operator pod has no ServiceAccount token volume"
wait_until 60 "the operator to take Lease $release-operator" \
  bash -c "[[ \$('$kubectl' get lease $release-operator -n $namespace -o jsonpath='{.spec.holderIdentity}') == $operator_pod ]]"
wait_until 120 "$gpus GPUs advertised on $node" node_has_gpus "$node" "$gpus"
echo "    lease $release-operator held by $operator_pod; $node advertises $gpu_resource-0..$((gpus - 1))"

step="4 Prometheus scraping the operator and the device plugin"
say "$step"
prom_port=${E2E_PROMETHEUS_PORT:-9090}
! (exec 3<>"/dev/tcp/127.0.0.1/$prom_port") 2>/dev/null || die "port $prom_port is taken: set E2E_PROMETHEUS_PORT"
# The pods the chart annotated for scraping, as file_sd targets (see e2e/node/prometheus.yml).
k get pods -n "$namespace" -o json | jq '[.items[]
  | select(.metadata.annotations["prometheus.io/scrape"] == "true" and .status.podIP != null)
  | {targets: ["\(.status.podIP):\(.metadata.annotations["prometheus.io/port"])"],
     labels: {__metrics_path__: (.metadata.annotations["prometheus.io/path"] // "/metrics"),
              namespace: .metadata.namespace, pod: .metadata.name,
              component: .metadata.labels["app.kubernetes.io/component"]}}]' >"$work/targets.json"
sed -e "s|__TARGETS__|$work/targets.json|" e2e/node/prometheus.yml >"$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
prom="http://127.0.0.1:$prom_port"
# query EXPR: the number of series an instant query returns.
query() { curl -fsS "$prom/api/v1/query" --data-urlencode "query=$1" | jq '.data.result | length'; }
# value EXPR: the first series' value of an instant query (0 when there is none).
value() { curl -fsS "$prom/api/v1/query" --data-urlencode "query=$1" | jq -r '.data.result[0].value[1] // "0"'; }
targets_up() { [[ $(curl -fsS "$prom/api/v1/targets" | jq '[.data.activeTargets[] | select(.health == "up")] | length') -ge 2 ]]; }
wait_until 90 "Prometheus to scrape the operator and the device plugin" targets_up
curl -fsS "$prom/api/v1/targets" | jq -r '.data.activeTargets[] | "    target \(.labels.component) \(.scrapeUrl) \(.health)"'

step="5 samples and batch applied"
say "$step"
k create namespace "$samples_ns" >/dev/null
sa_token() { [[ -n $(k get serviceaccount default -n "$samples_ns" -o jsonpath='{.secrets[0].name}') ]]; }
wait_until 30 "the default ServiceAccount of $samples_ns and its token" sa_token
k apply -n "$samples_ns" -f samples/profiles.yaml -f samples/compatible-pair.yaml -f samples/incompatible-pair.yaml \
  -f samples/missing-profile.yaml -f samples/batch.yaml >/dev/null
mapfile -t jobs < <(k get gpujobs -n "$samples_ns" -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}' | grep -vx unprofiled)
echo "    ${#jobs[@]} jobs (and unprofiled, which must wait) in $samples_ns"
all_finished() {
  k get gpujobs -n "$samples_ns" -o json |
    jq -e '[.items[] | select(.metadata.name != "unprofiled") | select(.status.phase != "Succeeded" and .status.phase != "Failed")] | length == 0'
}
wait_until "$job_timeout" "every job to finish" all_finished

step="6 every job finished exactly once, partners shared a GPU, QoS"
say "$step"
k get gpujobs -n "$samples_ns" -o json >"$work/jobs.json"
k get pods -n "$samples_ns" -o json >"$work/pods.json"
failed=$(jq -r '[.items[] | select(.status.phase == "Failed") | .metadata.name] | join(" ")' "$work/jobs.json")
[[ -z $failed ]] || die "jobs failed: $failed"
# One pod per job (a refused pod is deleted before its job is planned again), Succeeded, never restarted.
bad_pods=$(jq -r --slurpfile pods "$work/pods.json" '
  [.items[] | select(.metadata.name != "unprofiled") | .metadata.name as $j
   | [$pods[0].items[] | select(.metadata.labels["gpupool.io/job-name"] == $j)] as $mine
   | select(($mine | length) != 1 or $mine[0].status.phase != "Succeeded"
            or ([$mine[0].status.containerStatuses[]?.restartCount] | add // 0) != 0) | $j] | join(" ")' "$work/jobs.json")
[[ -z $bad_pods ]] || die "jobs without exactly one Succeeded pod: $bad_pods"
split=$(jq -r '
  (.items | map({key: (.metadata.namespace + "/" + .metadata.name), value: .status}) | from_entries) as $by
  | [.items[] | select(.status.partner != null and .status.partner != "")
     | select($by[.status.partner] == null or $by[.status.partner].node != .status.node or $by[.status.partner].gpu != .status.gpu)
     | .metadata.name] | join(" ")' "$work/jobs.json")
[[ -z $split ]] || die "jobs whose partner ran on another GPU: $split"
check_units "${jobs[@]}"
check_unprofiled
# A job below its QoS target is not a failure here: the report names each one.
below=$(jq -r '[.items[] | select(.status.measuredNP != null and .status.measuredNP < .spec.qosTarget)
  | "\(.metadata.name) (\(.status.measuredNP | tostring | .[0:5]) < \(.spec.qosTarget), predicted \(.status.predictedNP // "none" | tostring | .[0:5]))"] | join(", ")' "$work/jobs.json")

step="7 metrics agree with the statuses; promtool on each scrape"
say "$step"
# Two scrapes after the last status write, so Prometheus holds what the operator counted.
sleep 12
measured=$(jq '[.items[] | select(.status.measuredNP != null)] | length' "$work/jobs.json")
violations=$(jq '[.items[] | select(.status.measuredNP != null and .status.measuredNP < .spec.qosTarget)] | length' "$work/jobs.json")
binds=$(jq '[.items[] | select(.metadata.name != "unprofiled") | 1 + (.status.requeues // 0)] | add' "$work/jobs.json")
for check in "sum(gpupool_measured_np_count) $measured" "sum(gpupool_qos_violations_total) $violations" \
  "sum(gpupool_jobs_scheduled_total) $binds" "sum(gpupool_device_plugin_allocations_total) $binds"; do
  read -r expr want <<<"$check"
  got=$(value "$expr")
  [[ $got == "$want" ]] || die "$expr is $got in Prometheus, the jobs' statuses say $want"
  echo "    $expr = $got (statuses: $want)"
done
while read -r component url; do
  curl -fsS "$url" | promtool check metrics || die "promtool check metrics failed on the $component's scrape ($url)"
  echo "    promtool check metrics: $component clean"
done < <(curl -fsS "$prom/api/v1/targets" | jq -r '.data.activeTargets[] | "\(.labels.component) \(.scrapeUrl)"')

step="8 every dashboard panel's query has data"
say "$step"
empty=0
while IFS=$'\t' read -r id title expr; do
  # Grafana's $__rate_interval: four scrape intervals at least, as Grafana computes it.
  n=$(query "${expr//\$__rate_interval/1m}")
  printf '    panel %-2s %-48s %3s series  %s\n' "$id" "$title" "$n" "$expr"
  ((n > 0)) || empty=$((empty + 1))
done < <(jq -r '.panels[] | .id as $id | .title as $t | .targets[] | "\($id)\t\($t)\t\(.expr)"' charts/gpupool/dashboards/gpupool.json)
((empty == 0)) || die "$empty dashboard queries returned no data"
# No Grafana server comes from the package archives here: each panel is drawn from the same
# Prometheus by the CLI instead (E2E_PANELS_DIR keeps the PNGs).
panels_dir=${E2E_PANELS_DIR:-$work/panels}
gpupool panels --prometheus "$prom" --out "$panels_dir" --minutes 10 | sed 's/^/    /' \
  || die "gpupool panels found a panel without data (or could not draw one)"

step="9 the report, beside gpupool simulate on the same manifests"
say "$step"
# The same files through the simulator, on the node's GPUs and its window in emulated seconds
# (the operator's window times the emulator's time scale), with the emulator's co-run model.
sim_window=$("$helm" get values --all "$release" -n "$namespace" -o json \
  | jq '(.operator.config.windowSeconds // 30) * (.devicePlugin.emulatorTimeScale // 1)')
gpupool simulate --policy GpuPool --gpus "$gpus" --window "$sim_window" --format json \
  --manifests samples/profiles.yaml samples/compatible-pair.yaml samples/incompatible-pair.yaml samples/missing-profile.yaml samples/batch.yaml \
  >"$work/simulate.json" 2>"$work/simulate.log" || { cat "$work/simulate.log" >&2; die "gpupool simulate --manifests failed"; }
jq -r --arg below "$below" --slurpfile sim "$work/simulate.json" '
  [.items[] | select(.metadata.name != "unprofiled")] as $jobs
  | ($jobs | map(select(.status.measuredNP != null))) as $m
  | ($jobs | map(select(.status.partner != null and .status.partner != ""))) as $paired
  | ($sim[0].policies[] | select(.name == "GpuPool")) as $s
  | def r: . * 1000 | round / 1000;
    def row($name; $node; $sim): "    \($name | . + " " * (34 - length))\($node | tostring | . + " " * (18 - length))\($sim)";
    row("";  "node (measured)"; "gpupool simulate"),
    row("jobs"; $jobs | length; "\($jobs | length)"),
    row("QoS_reached (NP >= target)"; "\([$m[] | select(.status.measuredNP >= .spec.qosTarget)] | length)/\($m | length) = \(([$m[] | select(.status.measuredNP >= .spec.qosTarget)] | length) / ($m | length) | r)"; $s.qosReached | r),
    row("jobs that shared a GPU"; $paired | length; $s.sharedJobs),
    row("GPUs used"; [$jobs[] | "\(.status.node)/\(.status.gpu)"] | unique | length; $s.gpusUsed),
    row("shared jobs: mean predicted NP"; [$paired[] | .status.predictedNP // empty] | if length > 0 then (add / length | r) else "-" end; "-"),
    row("shared jobs: mean measured NP"; [$paired[] | .status.measuredNP // empty] | if length > 0 then (add / length | r) else "-" end; "-"),
    "    below their QoS target on the node: \(if $below == "" then "none" else $below end)",
    "    simulate: makespan \($s.makespan | r) emulated s, throughput gain \($s.stpPerGpu | r)x over no sharing"' "$work/jobs.json"
echo "    $ kubectl get gj -n $samples_ns (first lines)"
k get gj -n "$samples_ns" | sed -n "1,8s/^/    /p"

step="10 helm upgrade rolls the operator; jobs waiting during the roll run once"
say "$step"
# Six more jobs (the batch's first six, renamed) created as the upgrade starts.
k create --dry-run=client -o json -f samples/batch.yaml | jq -s '(if length == 1 and .[0].kind == "List" then .[0].items else . end)[:6] | map(.metadata.name |= sub("^batch"; "roll") | del(.metadata.namespace)) | {apiVersion: "v1", kind: "List", items: .}' >"$work/roll.json"
"$helm" upgrade "$release" charts/gpupool --namespace "$namespace" -f "$values" \
  --set operator.config.windowSeconds=10 --set operator.config.delta=0.05 --wait --timeout 5m >"$work/upgrade.log" 2>&1 &
upgrade_pid=$!
k apply -n "$samples_ns" -f "$work/roll.json" >/dev/null
wait "$upgrade_pid" || { cat "$work/upgrade.log" >&2; die "helm upgrade failed"; }
# The new pod: Running and not being deleted (the old one may still be terminating).
new_operator=$(k get pods -n "$namespace" -l app.kubernetes.io/component=operator -o json |
  jq -r '[.items[] | select(.status.phase == "Running" and .metadata.deletionTimestamp == null) | .metadata.name][0] // ""')
[[ $new_operator != "$operator_pod" ]] || die "helm upgrade did not roll the operator pod"
[[ $(k get configmap "$release-operator" -n "$namespace" -o jsonpath='{.data.GpuPool__Operator__WindowSeconds}') == 10 ]] || die "the upgrade did not set the window to 10 s"
roll_finished() { k get gpujobs -n "$samples_ns" -o json | jq -e '[.items[] | select(.metadata.name | startswith("roll-")) | select(.status.phase == "Succeeded")] | length == 6'; }
wait_until "$job_timeout" "the six jobs created during the roll to succeed" roll_finished
for i in 0 1 2 3 4 5; do
  n=$(k get pods -n "$samples_ns" -l "gpupool.io/job-name=roll-0$i" -o name | wc -l)
  ((n == 1)) || die "roll-0$i has $n pods, want exactly one"
done
echo "    operator rolled $operator_pod -> $new_operator; roll-00..05 each ran once"

step="11 helm uninstall removes everything but the CRDs"
say "$step"
"$helm" uninstall "$release" -n "$namespace" --wait --timeout 2m >/dev/null
wait_until 120 "the release's objects to be deleted" gone
[[ -z $(k get clusterroles,clusterrolebindings -l "app.kubernetes.io/instance=$release" -o name) ]] || die "cluster-wide RBAC of the release is left"
k get crd gpujobs.gpupool.io gpuprofiles.gpupool.io >/dev/null || die "helm uninstall removed the CRDs"
[[ $(k get gpujobs -n "$samples_ns" -o name | wc -l) -gt 0 ]] || die "the users' GpuJobs went with the release"
echo "    release objects gone; CRDs and GpuJobs stay"

step="done"
say "E2E PASSED"
