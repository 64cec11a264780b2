#!/usr/bin/env bash
# Brings up a real single-node Kubernetes cluster without Docker or systemd: etcd and the
# kube-apiserver (.ci/kube-apiserver) on the node's own address with ServiceAccount admission,
# kube-controller-manager and kube-scheduler, containerd + runc + CNI from Debian, the pause and
# GpuPool images imported without Docker, a kubelet (v1.20.2 with the device-manager backport)
# and kube-proxy, so pods reach the API server through the `kubernetes` Service as in any cluster.
# Every daemon runs in the background with its state under $GPUPOOL_NODE_STATE; down.sh stops
# them by PID and restores the host sysctls the kubelet and kube-proxy rewrite.
#
# Usage: up.sh [KUBECONFIG-PATH]   (the admin kubeconfig; printed on the last line)
# Env: GPUPOOL_NODE_STATE (default ${TMPDIR:-/tmp}/gpupool-node), GPUPOOL_NODE_NAME (gpupool-node),
#      GPUPOOL_IMAGE (gpupool:dev), GPUPOOL_NODE_SKIP_IMAGE=1 (keep the imported GpuPool image)
set -Eeuo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=e2e/node/lib.sh
source "$here/lib.sh"
apiserver_scripts=$here/../../.ci/kube-apiserver

state=$GPUPOOL_NODE_STATE
node_name=${GPUPOOL_NODE_NAME:-gpupool-node}
kubeconfig=${1:-$state/kubeconfig}
ctr_sock=$state/containerd/containerd.sock

started=0
stop_if_failed() {
  ((started)) || "$here/down.sh" --keep-state >&2 || true
}

step "1/10 binaries and packages"
"$apiserver_scripts/build.sh"
ensure_packages containerd runc containernetworking-plugins iptables conntrack debootstrap
pid_alive "$state/containerd.pid" || pid_alive "$state/kubelet.pid" &&
  fail "a node from an earlier up.sh still runs: run e2e/node/down.sh first"
node_ip=$(hostname -I | awk '{print $1}')
[[ -n $node_ip ]] || fail "the machine has no non-loopback address for the API server and --node-ip"
rm -rf "$state"
mkdir -p "$state"/{containerd,cni/net.d,cni/ipam,kubelet,images}
chmod 700 "$state"
trap stop_if_failed EXIT
# The kubelet and kube-proxy rewrite these at start; down.sh puts them back.
sysctl -n vm.overcommit_memory kernel.panic kernel.panic_on_oops net.ipv4.conf.all.route_localnet |
  paste -sd' ' >"$state/sysctl.saved"

step "2/10 the API server (etcd + kube-apiserver on $node_ip, ServiceAccount admission on)"
GPUPOOL_APISERVER_STATE=$state/apiserver GPUPOOL_APISERVER_ADDRESS=$node_ip GPUPOOL_APISERVER_SERVICE_ACCOUNTS=1 \
  "$apiserver_scripts/start.sh" "$kubeconfig" >"$state/apiserver-start.log" 2>&1 ||
  { cat "$state/apiserver-start.log" >&2; fail "the API server did not start"; }
kubectl() { command kubectl --kubeconfig "$kubeconfig" "$@"; }

step "3/10 kube-controller-manager and kube-scheduler"
pki=$state/apiserver/pki
# The service-account key signs each ServiceAccount's token; the root CA goes into every token
# secret, so pods verify the API server as in any cluster. Insecure ports off, secure ones on loopback.
daemon kube-controller-manager "$GPUPOOL_KUBE_CACHE/kube-controller-manager" --kubeconfig "$kubeconfig" \
  --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
  --leader-elect=false --port=0 --bind-address=127.0.0.1 --v=1
daemon kube-scheduler "$GPUPOOL_KUBE_CACHE/kube-scheduler" --kubeconfig "$kubeconfig" \
  --leader-elect=false --port=0 --bind-address=127.0.0.1 --v=1
for _ in $(seq 60); do
  kubectl get serviceaccount default -n default >/dev/null 2>&1 && break
  pid_alive "$state/kube-controller-manager.pid" || { tail -n 20 "$state/kube-controller-manager.log" >&2; fail "kube-controller-manager exited"; }
  sleep 1
done
kubectl get serviceaccount default -n default >/dev/null || fail "no default ServiceAccount after 60 s (kube-controller-manager.log)"
pid_alive "$state/kube-scheduler.pid" || { tail -n 20 "$state/kube-scheduler.log" >&2; fail "kube-scheduler exited"; }

step "4/10 start containerd (state in $state/containerd)"
# restrict_oom_score_adj: root here lacks CAP_SYS_RESOURCE, so the -998 the CRI asks for a
# sandbox would fail every pod ("can't get final child's PID from pipe").
cat >"$state/containerd/config.toml" <<TOML
version = 2
root = "$state/containerd/root"
state = "$state/containerd/state"
[grpc]
  address = "$ctr_sock"
[ttrpc]
  address = "$state/containerd/containerd.sock.ttrpc"
[debug]
  address = "$state/containerd/debug.sock"
[plugins."io.containerd.internal.v1.opt"]
  path = "$state/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$GPUPOOL_PAUSE_IMAGE"
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$state/cni/net.d"
TOML
# A bridge that is the pods' gateway, without masquerading: pods reach the node (the API server
# through kube-proxy's rules for the `kubernetes` Service) and the node reaches them (Prometheus
# scrapes pod addresses), but nothing off the node.
cat >"$state/cni/net.d/10-gpupool.conflist" <<CNI
{"cniVersion": "0.4.0", "name": "gpupool",
 "plugins": [{"type": "bridge", "bridge": "gpupool0", "isGateway": true, "isDefaultGateway": true, "ipMasq": false,
              "ipam": {"type": "host-local", "dataDir": "$state/cni/ipam",
                       "ranges": [[{"subnet": "10.244.0.0/24"}]]}},
             {"type": "loopback"}]}
CNI
daemon containerd containerd --config "$state/containerd/config.toml"
for _ in $(seq 60); do
  ctr --address "$ctr_sock" version >/dev/null 2>&1 && break
  pid_alive "$state/containerd.pid" || { tail -n 20 "$state/containerd.log" >&2; fail "containerd exited"; }
  sleep 0.5
done
ctr --address "$ctr_sock" version >/dev/null || fail "containerd did not answer on $ctr_sock"

step "5/10 the pause image (built from the same source tree)"
mkdir -p "$state/images/pause"
install -m 0755 "$GPUPOOL_KUBE_CACHE/pause" "$state/images/pause/pause"
tar -C "$state/images/pause" --numeric-owner --owner=0 --group=0 -cf "$state/images/pause-layer.tar" pause
image_archive "$state/images/pause-layer.tar" "$GPUPOOL_PAUSE_IMAGE" \
  '{"Entrypoint":["/pause"],"User":"65535:65535"}' "$state/images/pause.tar"
ctr --address "$ctr_sock" -n k8s.io images import "$state/images/pause.tar" >/dev/null

step "6/10 the GpuPool image $GPUPOOL_IMAGE (no Docker)"
"$here/image.sh" "$state/images/gpupool.tar" "$ctr_sock"
rm -f "$state/images/gpupool.tar"

step "7/10 start the kubelet (node $node_name)"
cat >"$state/kubelet/config.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: cgroupfs
failSwapOn: false
authentication: {anonymous: {enabled: true}, webhook: {enabled: false}}
authorization: {mode: AlwaysAllow}
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "100Mi", nodefs.available: "1%", imagefs.available: "1%"}
serializeImagePulls: false
YAML
cat >"$state/kubelet/run.sh" <<RUN
#!/usr/bin/env bash
# Starts the node's kubelet in the background (also used by the Node tests to restart it).
setsid nohup "$GPUPOOL_KUBE_CACHE/kubelet" --config "$state/kubelet/config.yaml" \\
  --kubeconfig "$kubeconfig" --container-runtime=remote \\
  --container-runtime-endpoint "unix://$ctr_sock" --root-dir "$state/kubelet/root" \\
  --cert-dir "$state/kubelet/pki" --node-ip "$node_ip" --hostname-override "$node_name" \\
  --v=1 >>"$state/kubelet.log" 2>&1 </dev/null &
echo \$! >"$state/kubelet.pid"
RUN
chmod +x "$state/kubelet/run.sh"
"$state/kubelet/run.sh"

step "8/10 wait for node $node_name to be Ready"
for _ in $(seq 120); do
  [[ $(kubectl get node "$node_name" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null) == True ]] && break
  pid_alive "$state/kubelet.pid" || { tail -n 30 "$state/kubelet.log" >&2; fail "the kubelet exited"; }
  sleep 1
done
[[ $(kubectl get node "$node_name" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}') == True ]] ||
  { tail -n 30 "$state/kubelet.log" >&2; fail "node $node_name not Ready after 120 s"; }

step "9/10 kube-proxy (iptables): the \`kubernetes\` Service reaches the API server"
# conntrack-max-per-core=0 leaves the host's conntrack table size as it is.
daemon kube-proxy "$GPUPOOL_KUBE_CACHE/kube-proxy" --kubeconfig "$kubeconfig" \
  --hostname-override "$node_name" --proxy-mode iptables --cluster-cidr 10.244.0.0/24 \
  --conntrack-max-per-core 0 --metrics-bind-address 127.0.0.1:10249 --healthz-bind-address 127.0.0.1:10256 --v=1
service_ip=$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')
for _ in $(seq 60); do
  iptables -t nat -S KUBE-SERVICES 2>/dev/null | grep -q -- "-d $service_ip/32" && break
  pid_alive "$state/kube-proxy.pid" || { tail -n 20 "$state/kube-proxy.log" >&2; fail "kube-proxy exited"; }
  sleep 1
done
iptables -t nat -S KUBE-SERVICES | grep -q -- "-d $service_ip/32" || fail "kube-proxy wrote no rule for $service_ip after 60 s"

step "10/10 write $state/node.env"
cat >"$state/node.env" <<ENV
GPUPOOL_NODE_KUBECONFIG=$kubeconfig
GPUPOOL_NODE_NAME=$node_name
GPUPOOL_NODE_STATE=$state
GPUPOOL_NODE_KUBELET_RUN=$state/kubelet/run.sh
GPUPOOL_NODE_IMAGE=$GPUPOOL_IMAGE
ENV
started=1
echo "node $node_name Ready; kubeconfig:"
echo "$kubeconfig"
