# Shared by the end-to-end runs (sourced, not run): kubectl wrappers, waiting, and the checks of a
# job's status and its pod's GPU request. The caller sets kubectl (path), samples_ns (the jobs'
# namespace) and gpu_resource (the chart's gpuResourcePrefix), and KUBECONFIG.
# shellcheck shell=bash
# shellcheck disable=SC2154 # kubectl, samples_ns and gpu_resource are the caller's.

k() { "$kubectl" "$@"; }
say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

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

# check_units JOB...: each job's pod asks for units of its own GPU only: under a share setting
# 1..99 (floor(share x 100), capped by what its GPU had free), never above 100 with the partner's
# (when the partner is in the list); exclusive all 100. A job whose partner never ran beside it
# names no partner but kept its share.
check_units() {
  local job partner units setting
  declare -A of=()
  for job in "$@"; do of[$job]=$(gpu_units "$job"); done
  for job in "$@"; do
    units=${of[$job]}
    setting=$(job_field "$job" .status.setting)
    if [[ -z $setting || $setting == exclusive ]]; then
      ((units == 100)) || die "$job runs exclusive but asks for $units units of its GPU"
    else
      ((units >= 1 && units < 100)) || die "$job runs at $setting but asks for $units units of its GPU"
    fi
    partner=$(job_field "$job" .status.partner)
    partner=${partner#*/}
    if [[ -n $partner && -n ${of[$partner]:-} ]]; then
      ((units + ${of[$partner]} <= 100)) || die "$job and $partner ask for $((units + ${of[$partner]})) units of one GPU"
    fi
  done
}

# check_qos JOB...: each job measured an NP at or above its QoS target.
check_qos() {
  local job qos measured
  for job in "$@"; do
    qos=$(job_field "$job" .spec.qosTarget)
    measured=$(job_field "$job" .status.measuredNP)
    [[ -n $measured ]] || die "$job has no measuredNP"
    at_least "$measured" "$qos" || die "$job measured NP $measured below its QoS target $qos"
    echo "    $job: partner='$(job_field "$job" .status.partner)' predicted=$(job_field "$job" .status.predictedNP) measured=$measured qos=$qos"
  done
}

# check_unprofiled: samples/missing-profile.yaml's job waits Pending with ProfileMissing and no pod.
check_unprofiled() {
  [[ $(job_field unprofiled .status.phase) == Pending ]] || die "unprofiled is $(job_field unprofiled .status.phase), want Pending"
  [[ $(job_field unprofiled '.status.conditions[?(@.type=="ProfileMissing")].status') == True ]] ||
    die "unprofiled lacks condition ProfileMissing=True"
  [[ $(job_field unprofiled '.status.conditions[?(@.type=="Scheduled")].status')/$(job_field unprofiled '.status.conditions[?(@.type=="Scheduled")].reason') == False/ProfileMissing ]] ||
    die "unprofiled lacks condition Scheduled=False reason ProfileMissing"
  ! k get pod unprofiled-gpupool -n "$samples_ns" >/dev/null 2>&1 || die "unprofiled has a pod; it must wait for its profile"
}
