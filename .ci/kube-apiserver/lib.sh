# Shared by the kube-apiserver scripts (sourced, not run): defaults, step reporting, packages.
# shellcheck shell=bash

readonly GPUPOOL_KUBE_VERSION=v1.20.2
GPUPOOL_APISERVER_CACHE=${GPUPOOL_APISERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gpupool/kube-apiserver-$GPUPOOL_KUBE_VERSION}
GPUPOOL_APISERVER_BIN=$GPUPOOL_APISERVER_CACHE/kube-apiserver
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

# binary_is_usable: the cached kube-apiserver exists, runs and reports the expected version.
binary_is_usable() {
  [[ -x $GPUPOOL_APISERVER_BIN ]] && "$GPUPOOL_APISERVER_BIN" --version 2>/dev/null | grep -qx "Kubernetes $GPUPOOL_KUBE_VERSION"
}
