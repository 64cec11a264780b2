#!/usr/bin/env bash
# Proves a running apiserver (start.sh) serves what GpuPool needs, with curl and the kubeconfig's
# token only: a CRD with a schema and a status subresource (create, validate, list, watch), a
# Node advertising one resource per GPU (gpupool.io/gpu-0..3, 100 share units each, as the device
# plugin does and the operator reads), a Pod asking for units of one GPU bound through
# pods/binding (201, then 409), a Lease.
# Every object it makes is deleted again by name.
#
# Usage: smoke.sh [KUBECONFIG-PATH]  (default $GPUPOOL_TEST_KUBECONFIG, else $GPUPOOL_APISERVER_STATE/kubeconfig)
set -Eeuo pipefail
# shellcheck source=.ci/kube-apiserver/lib.sh
source "$(dirname "$0")/lib.sh"

kubeconfig=${1:-${GPUPOOL_TEST_KUBECONFIG:-$GPUPOOL_APISERVER_STATE/kubeconfig}}
[[ -f $kubeconfig ]] || fail "no kubeconfig at $kubeconfig: run start.sh first"
ensure_packages curl jq

work=$(mktemp -d)
suffix=$(date +%s)-$RANDOM
group=smoke.gpupool.io
plural=smokeslices
node=smoke-node-$suffix
pod=smoke-pod-$suffix
lease=smoke-lease-$suffix
object=smoke-slice-$suffix
passed=0
# The resources of the faked node: GPU i is "$prefix-$i" with $units units (one per percent).
prefix=gpupool.io/gpu
gpus=4
units=100
# What the pod asks for: a shared partner's floor(share x 100) units of GPU 1.
pod_gpu=$prefix-1
pod_units=57

# The kubeconfig is the one start.sh writes: a single cluster and a token user.
server=$(sed -n 's/^ *server: *//p' "$kubeconfig" | head -n1)
token=$(sed -n 's/^ *token: *//p' "$kubeconfig" | head -n1)
sed -n 's/^ *certificate-authority-data: *//p' "$kubeconfig" | head -n1 | base64 -d >"$work/ca.crt"
[[ -n $server && -n $token && -s $work/ca.crt ]] || fail "$kubeconfig lacks server, token or CA data"
curl_auth=(--cacert "$work/ca.crt" -H "Authorization: Bearer $token")

# api METHOD PATH [BODY [CONTENT-TYPE]]: one request; the status goes to $code, the reply to $work/body.
api() {
  local method=$1 path=$2 body=${3:-} type=${4:-application/json}
  local args=(-sS -o "$work/body" -w '%{http_code}' -X "$method" "${curl_auth[@]}")
  [[ -n $body ]] && args+=(-H "Content-Type: $type" --data-binary "$body")
  code=$(curl "${args[@]}" "$server$path")
}

# expect CODE WHAT: the last request answered CODE.
expect() {
  if [[ $code != "$1" ]]; then
    cat "$work/body" >&2 || true
    echo >&2
    fail "$2: expected HTTP $1, got $code"
  fi
  passed=$((passed + 1))
  echo "    ok: $2 ($code)"
}

# expect_json FILTER WANT WHAT: jq -r FILTER on the last reply gives WANT.
expect_json() {
  local got
  got=$(jq -r "$1" "$work/body")
  [[ $got == "$2" ]] || fail "$3: $1 is '$got', expected '$2'"
  passed=$((passed + 1))
  echo "    ok: $3"
}

cleanup() {
  local path
  for path in \
    "/api/v1/namespaces/default/pods/$pod?gracePeriodSeconds=0" \
    "/api/v1/nodes/$node" \
    "/apis/coordination.k8s.io/v1/namespaces/default/leases/$lease" \
    "/apis/$group/v1/namespaces/default/$plural/$object" \
    "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/$plural.$group"; do
    curl -sS -o /dev/null -X DELETE "${curl_auth[@]}" "$server$path" || true
  done
  [[ -n ${watch_pid:-} ]] && kill "$watch_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

step "1/5 CRD with an OpenAPI v3 schema and a status subresource"
api POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions "$(jq -n --arg g "$group" --arg p "$plural" '{
  apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition",
  metadata: {name: "\($p).\($g)"},
  spec: {group: $g, scope: "Namespaced",
    names: {plural: $p, singular: "smokeslice", kind: "SmokeSlice"},
    versions: [{name: "v1", served: true, storage: true, subresources: {status: {}},
      schema: {openAPIV3Schema: {type: "object", properties: {
        spec: {type: "object", required: ["gpus"],
          properties: {gpus: {type: "integer", minimum: 0, maximum: 8}}},
        status: {type: "object", properties: {phase: {type: "string"}}}}}}}]}}')"
expect 201 "create CRD $plural.$group"
for _ in $(seq 60); do
  api GET "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/$plural.$group"
  [[ $(jq -r '.status.conditions[]? | select(.type == "Established") | .status' "$work/body") == True ]] && break
  sleep 0.5
done
expect_json '.status.conditions[] | select(.type == "Established") | .status' True "CRD is Established"
# The CRD's REST endpoint may answer 404 for a moment after Established.
for _ in $(seq 60); do
  api GET "/apis/$group/v1/namespaces/default/$plural"
  [[ $code == 200 ]] && break
  sleep 0.5
done
expect 200 "list $plural (empty)"
list_rv=$(jq -r .metadata.resourceVersion "$work/body")

step "2/5 custom objects: validation, create, list, watch, status"
custom() { jq -n --arg n "$1" --arg g "$group" --argjson gpus "$2" \
  '{apiVersion: "\($g)/v1", kind: "SmokeSlice", metadata: {name: $n}, spec: {gpus: $gpus}}'; }
api POST "/apis/$group/v1/namespaces/default/$plural" "$(custom "$object" 99)"
expect 422 "schema rejects spec.gpus=99 (maximum 8)"
curl -sS -N --max-time 30 "${curl_auth[@]}" \
  "$server/apis/$group/v1/namespaces/default/$plural?watch=1&resourceVersion=$list_rv" >"$work/watch" &
watch_pid=$!
api POST "/apis/$group/v1/namespaces/default/$plural" "$(custom "$object" 2)"
expect 201 "create $object"
api GET "/apis/$group/v1/namespaces/default/$plural"
expect 200 "list $plural"
expect_json "any(.items[]; .metadata.name == \"$object\")" true "list holds $object"
api PATCH "/apis/$group/v1/namespaces/default/$plural/$object/status" '{"status":{"phase":"Bound"}}' \
  application/merge-patch+json
expect 200 "patch $object/status"
expect_json .status.phase Bound "status.phase is Bound"
for _ in $(seq 40); do
  [[ $(grep -c "\"name\":\"$object\"" "$work/watch" || true) -ge 2 ]] && break
  sleep 0.25
done
kill "$watch_pid" 2>/dev/null || true
watch_pid=
events=$(jq -r 'select(.object.metadata.name == "'"$object"'") | .type' "$work/watch" | paste -sd, -)
[[ $events == ADDED,MODIFIED ]] || fail "watch saw events '$events', expected ADDED,MODIFIED"
passed=$((passed + 1))
echo "    ok: watch saw ADDED then MODIFIED for $object"

step "3/5 Node with per-GPU capacity ($prefix-0..$((gpus - 1)), $units each)"
api POST /api/v1/nodes "$(jq -n --arg n "$node" --argjson count "$gpus" '{apiVersion: "v1", kind: "Node",
  metadata: {name: $n, labels: {"gpupool.io/gpu-model": "V100", "gpupool.io/gpu-count": "\($count)"}}}')"
expect 201 "create node $node"
resources=$(jq -n --arg p "$prefix" --argjson count "$gpus" --arg u "$units" \
  '[range($count) | {key: "\($p)-\(.)", value: $u}] | from_entries')
api PATCH "/api/v1/nodes/$node/status" \
  "$(jq -n --argjson r "$resources" '{status: {capacity: $r, allocatable: $r}}')" \
  application/merge-patch+json
expect 200 "patch $node/status capacity"
api GET "/api/v1/nodes/$node"
for ((i = 0; i < gpus; i++)); do
  expect_json ".status.capacity[\"$prefix-$i\"]" "$units" "node capacity $prefix-$i is $units"
  expect_json ".status.allocatable[\"$prefix-$i\"]" "$units" "node allocatable $prefix-$i is $units"
done
expect_json ".status.capacity | has(\"$prefix\")" false "node has no bare $prefix resource"

step "4/5 Pod with schedulerName gpupool asking for $pod_units units of $pod_gpu, bound through pods/binding"
api POST /api/v1/namespaces/default/pods "$(jq -n --arg n "$pod" --arg r "$pod_gpu" --arg u "$pod_units" '{apiVersion: "v1", kind: "Pod",
  metadata: {name: $n}, spec: {schedulerName: "gpupool",
    containers: [{name: "main", image: "registry.invalid/none:0",
      resources: {limits: {($r): $u}}}]}}')"
expect 201 "create pod $pod"
expect_json ".spec.containers[0].resources.limits[\"$pod_gpu\"]" "$pod_units" "pod limit $pod_gpu is $pod_units"
expect_json ".spec.containers[0].resources.requests[\"$pod_gpu\"]" "$pod_units" "pod request $pod_gpu defaults to its limit"
binding=$(jq -n --arg p "$pod" --arg n "$node" \
  '{apiVersion: "v1", kind: "Binding", metadata: {name: $p}, target: {apiVersion: "v1", kind: "Node", name: $n}}')
api POST "/api/v1/namespaces/default/pods/$pod/binding" "$binding"
expect 201 "bind $pod to $node"
api POST "/api/v1/namespaces/default/pods/$pod/binding" "$binding"
expect 409 "second binding of $pod is refused"
api GET "/api/v1/namespaces/default/pods/$pod"
expect_json .spec.nodeName "$node" "pod spec.nodeName is $node"

step "5/5 coordination.k8s.io/v1 Lease"
api POST /apis/coordination.k8s.io/v1/namespaces/default/leases "$(jq -n --arg n "$lease" '{
  apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: {name: $n},
  spec: {holderIdentity: "smoke", leaseDurationSeconds: 15}}')"
expect 201 "create lease $lease"
expect_json .spec.holderIdentity smoke "lease holder is smoke"

echo "smoke: $passed checks passed against $server"
