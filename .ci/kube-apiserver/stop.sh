#!/usr/bin/env bash
# Stops the kube-apiserver and etcd started by start.sh and removes their run dir (certificates,
# etcd data, logs) and the kubeconfig start.sh wrote. Safe to run when nothing runs.
# Usage: stop.sh [--keep-state]   (--keep-state: stop the daemons but keep the run dir and its logs)
set -Eeuo pipefail
# shellcheck source=.ci/kube-apiserver/lib.sh
source "$(dirname "$0")/lib.sh"

state=$GPUPOOL_APISERVER_STATE
keep_state=0
[[ ${1:-} == --keep-state ]] && keep_state=1

step "1/2 stop kube-apiserver and etcd"
if [[ ! -d $state ]]; then
  echo "    nothing to stop: $state does not exist"
  exit 0
fi
stop_daemon kube-apiserver
stop_daemon etcd

if ((keep_state)); then
  echo "    kept $state (logs: etcd.log, kube-apiserver.log)"
  exit 0
fi

step "2/2 remove $state and the kubeconfig"
if [[ -f $state/kubeconfig.path ]]; then
  rm -f "$(cat "$state/kubeconfig.path")"
fi
rm -rf "$state"
echo "    done"
