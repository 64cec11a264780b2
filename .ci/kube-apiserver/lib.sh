# Shared by the kube-apiserver scripts (sourced, not run): defaults, step reporting, packages.
# shellcheck shell=bash

readonly GPUPOOL_KUBE_VERSION=v1.20.2
# One cache for every binary build.sh makes from the one source tree (apiserver, kubelet,
# controller-manager, scheduler, proxy, pause).
GPUPOOL_KUBE_CACHE=${GPUPOOL_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gpupool/kubernetes-$GPUPOOL_KUBE_VERSION}
GPUPOOL_APISERVER_BIN=$GPUPOOL_KUBE_CACHE/kube-apiserver
readonly GPUPOOL_KUBE_COMPONENTS="kube-apiserver kubelet kube-controller-manager kube-scheduler kube-proxy"
# Where start.sh keeps the running cluster (certificates, etcd data, logs, pid files).
GPUPOOL_APISERVER_STATE=${GPUPOOL_APISERVER_STATE:-${TMPDIR:-/tmp}/gpupool-apiserver}

current_step="start-up"
script_name=$(basename "$0")

# step NAME: announce a step; a failure afterwards names it.
step() {
  current_step=$1
  printf '==> [%s +%ds] %s\n' "$script_name" "$SECONDS" "$current_step"
}

fail() {
  printf '%s: FAILED at step "%s": %s\n' "$script_name" "$current_step" "$*" >&2
  exit 1
}

on_error() {
  local status=$?
  printf '%s: FAILED at step "%s" (exit %d, line %d)\n' "$script_name" "$current_step" "$status" "$1" >&2
  exit "$status"
}
trap 'on_error $LINENO' ERR

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# ensure_packages PKG...: installs the Debian packages that are missing, and only those, so
# packages already present are never upgraded as a side effect.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "    installing: ${missing[*]}"
  as_root apt-get update -qq
  # A second try covers images whose apt hooks delete downloaded .deb files after the first
  # dpkg run (for example when dpkg itself is upgraded as a dependency).
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# How build.sh builds a binary; a cached binary built another way is built again. Raise it when
# the build changes what a binary does (2: the API server's /version reports the release).
readonly GPUPOOL_KUBE_RECIPE=2

# binary_is_usable [NAME]: the cached binary NAME (default kube-apiserver) exists, runs, reports
# the expected version and was built by this recipe.
binary_is_usable() {
  local bin=$GPUPOOL_KUBE_CACHE/${1:-kube-apiserver}
  [[ -x $bin && $(cat "$bin.recipe" 2>/dev/null) == "$GPUPOOL_KUBE_RECIPE" ]] &&
    "$bin" --version 2>/dev/null | grep -qx "Kubernetes $GPUPOOL_KUBE_VERSION"
}

# cache_is_complete: every component and the pause binary are cached and usable.
cache_is_complete() {
  local name
  for name in $GPUPOOL_KUBE_COMPONENTS; do binary_is_usable "$name" || return 1; done
  [[ -x $GPUPOOL_KUBE_CACHE/pause ]]
}

# pid_alive PIDFILE: the process in the pid file still runs.
pid_alive() {
  [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

# daemon NAME ARGS...: starts ARGS in a new session, detached from the calling script, logging to
# $state/NAME.log (the caller sets $state), and writes $state/NAME.pid for stop_daemon.
daemon() {
  local name=$1
  shift
  setsid nohup "$@" >"$state/$name.log" 2>&1 </dev/null &
  echo $! >"$state/$name.pid"
}

# stop_daemon NAME: TERM, then KILL after 15 s, the process in $state/NAME.pid (the caller sets
# $state) if it still is the program NAME (a recycled pid belongs to someone else).
stop_daemon() {
  local name=$1 pidfile=$state/$1.pid pid
  [[ -f $pidfile ]] || return 0
  pid=$(cat "$pidfile")
  if ! kill -0 "$pid" 2>/dev/null || ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$name"; then
    echo "    $name (pid $pid) is not running"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 30); do
    kill -0 "$pid" 2>/dev/null || { echo "    stopped $name (pid $pid)"; return 0; }
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
  echo "    killed $name (pid $pid) after 15 s"
}
