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

# stop_daemon NAME: TERM, then KILL after 15 s, the process in $state/NAME.pid if it still is
# the program start.sh launched (a recycled pid belongs to someone else).
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
