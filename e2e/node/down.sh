#!/usr/bin/env bash
# Stops everything up.sh started, by PID: kube-proxy (and its iptables rules), the kubelet, every
# pod's containers (through the CRI), containerd, the scheduler, the controller-manager and the API
# server; restores the sysctls the kubelet and kube-proxy rewrote; removes the state dir.
# Safe to run when nothing runs. Usage: down.sh [--keep-state]
set -Eeuo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=e2e/node/lib.sh
source "$here/lib.sh"
state=$GPUPOOL_NODE_STATE
keep_state=0
[[ ${1:-} == --keep-state ]] && keep_state=1
ctr_sock=$state/containerd/containerd.sock

if [[ ! -d $state ]]; then
  echo "    nothing to stop: $state does not exist"
  exit 0
fi

step "1/5 stop kube-proxy and remove its rules, then the kubelet"
stop_daemon kube-proxy
if [[ -x $GPUPOOL_KUBE_CACHE/kube-proxy ]]; then "$GPUPOOL_KUBE_CACHE/kube-proxy" --cleanup >/dev/null 2>&1 || true; fi
stop_daemon kubelet

step "2/5 stop every pod's containers and containerd"
if pid_alive "$state/containerd.pid"; then
  for task in $(ctr --address "$ctr_sock" -n k8s.io tasks ls -q 2>/dev/null); do
    ctr --address "$ctr_sock" -n k8s.io tasks kill -s KILL "$task" >/dev/null 2>&1 || true
  done
  sleep 1
fi
stop_daemon containerd
# A runc shim outlives containerd by design: end the ones of this node's state dir.
for pid in $(pgrep -f "containerd-shim-runc-v2 .*-address $ctr_sock" || true); do
  kill -KILL "$pid" 2>/dev/null || true
done
# Pod sandboxes' mounts and the bridge the CNI made.
grep " $state/" /proc/mounts | cut -d' ' -f2 | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
ip link delete gpupool0 >/dev/null 2>&1 || true

step "3/5 stop the scheduler and the controller-manager"
stop_daemon kube-scheduler
stop_daemon kube-controller-manager

step "4/5 stop the API server"
stop_args=()
((keep_state)) && stop_args=(--keep-state)
GPUPOOL_APISERVER_STATE=$state/apiserver "$here/../../.ci/kube-apiserver/stop.sh" "${stop_args[@]}" >/dev/null || true

step "5/5 restore the host sysctls"
if [[ -f $state/sysctl.saved ]]; then
  read -r overcommit panic panic_on_oops route_localnet <"$state/sysctl.saved"
  sysctl -q -w vm.overcommit_memory="$overcommit" kernel.panic="$panic" kernel.panic_on_oops="$panic_on_oops" || true
  if [[ -n $route_localnet ]]; then sysctl -q -w net.ipv4.conf.all.route_localnet="$route_localnet" || true; fi
fi
((keep_state)) || rm -rf "$state"
echo "node down"
