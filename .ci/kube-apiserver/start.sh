#!/usr/bin/env bash
# Starts etcd and the cached kube-apiserver (see build.sh), on 127.0.0.1 unless told otherwise, as
# background daemons that outlive this script, waits until the apiserver is ready and writes a kubeconfig whose
# user (token auth, group system:masters) may do anything. stop.sh stops both.
#
# Usage: start.sh [KUBECONFIG-PATH]
#   The kubeconfig goes to $1, else $GPUPOOL_TEST_KUBECONFIG, else $GPUPOOL_APISERVER_STATE/kubeconfig;
#   its path is printed on the last line.
# Env: GPUPOOL_KUBE_CACHE (where build.sh put the binaries), GPUPOOL_APISERVER_STATE (run dir,
#      default ${TMPDIR:-/tmp}/gpupool-apiserver), GPUPOOL_APISERVER_START_TIMEOUT (seconds, default 90),
#      GPUPOOL_APISERVER_ADDRESS (address it serves and advertises, default 127.0.0.1; a real node
#      gives its own address so pods reach it through the `kubernetes` Service),
#      GPUPOOL_APISERVER_SERVICE_ACCOUNTS=1 (ServiceAccount admission on: needs a controller-manager
#      to create each namespace's default ServiceAccount and its token, as the real node runs)
set -Eeuo pipefail
# shellcheck source=.ci/kube-apiserver/lib.sh
source "$(dirname "$0")/lib.sh"

state=$GPUPOOL_APISERVER_STATE
kubeconfig=${1:-${GPUPOOL_TEST_KUBECONFIG:-$state/kubeconfig}}
timeout_s=${GPUPOOL_APISERVER_START_TIMEOUT:-90}
address=${GPUPOOL_APISERVER_ADDRESS:-127.0.0.1}

# free_port: a loopback TCP port nothing listens on and not handed out before by this script.
taken_ports=" "
free_port() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 40000))
    [[ $taken_ports == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken_ports+="$port "
      echo "$port"
      return 0
    fi
  done
  fail "no free loopback port found"
}

# wait_for NAME PIDFILE COMMAND...: polls COMMAND until it succeeds; fails with the log tail if
# the daemon exits or the timeout passes.
wait_for() {
  local name=$1 pidfile=$2 deadline=$((SECONDS + timeout_s))
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ! pid_alive "$pidfile"; then
      tail -n 30 "$state/$name.log" >&2 || true
      fail "$name exited (log: $state/$name.log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$state/$name.log" >&2 || true
      fail "$name not ready after ${timeout_s}s (log: $state/$name.log)"
    fi
    sleep 0.5
  done
}

# A failed start stops what it started but keeps the run dir, so its logs can be read.
started=0
stop_if_failed() {
  ((started)) || "$(dirname "$0")/stop.sh" --keep-state >&2 || true
}

step "1/6 check the binary and packages"
binary_is_usable || fail "no usable kube-apiserver at $GPUPOOL_APISERVER_BIN: run .ci/kube-apiserver/build.sh first"
ensure_packages etcd-server openssl curl

step "2/6 prepare $state"
if pid_alive "$state/etcd.pid" || pid_alive "$state/kube-apiserver.pid"; then
  fail "a cluster from an earlier start.sh still runs: run .ci/kube-apiserver/stop.sh first"
fi
rm -rf "$state"
mkdir -p "$state/pki" "$state/etcd"
trap stop_if_failed EXIT
chmod 700 "$state"

step "3/6 make the CA, serving certificate, service-account keys and token file (openssl)"
pki=$state/pki
openssl req -x509 -newkey rsa:2048 -nodes -days 3 -subj "/CN=gpupool-test-ca" \
  -keyout "$pki/ca.key" -out "$pki/ca.crt" 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" \
  -keyout "$pki/apiserver.key" -out "$pki/apiserver.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,IP:%s,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' \
  "$address" >"$pki/apiserver.ext"
openssl x509 -req -in "$pki/apiserver.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
  -days 3 -extfile "$pki/apiserver.ext" -out "$pki/apiserver.crt" 2>/dev/null
openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
token=$(openssl rand -hex 32)
echo "$token,gpupool-test-admin,gpupool-test-admin,system:masters" >"$pki/tokens.csv"

step "4/6 start etcd on loopback"
etcd_client_port=$(free_port)
etcd_peer_port=$(free_port)
apiserver_port=$(free_port)
daemon etcd etcd --name gpupool-test --data-dir "$state/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_client_port" \
  --advertise-client-urls "http://127.0.0.1:$etcd_client_port" \
  --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" \
  --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
  --initial-cluster "gpupool-test=http://127.0.0.1:$etcd_peer_port"
wait_for etcd "$state/etcd.pid" curl -fsS "http://127.0.0.1:$etcd_client_port/health"
echo "    etcd: http://127.0.0.1:$etcd_client_port (pid $(cat "$state/etcd.pid"))"

step "5/6 start kube-apiserver on https://$address:$apiserver_port"
# Without a controller-manager no default ServiceAccount ever exists, and the ServiceAccount
# admission plugin would reject every Pod: it is on only where one runs.
admission=(--disable-admission-plugins=ServiceAccount)
[[ ${GPUPOOL_APISERVER_SERVICE_ACCOUNTS:-0} == 1 ]] && admission=(--enable-admission-plugins=ServiceAccount)
daemon kube-apiserver "$GPUPOOL_APISERVER_BIN" \
  --bind-address="$address" --advertise-address="$address" \
  --secure-port="$apiserver_port" --insecure-port=0 \
  --etcd-servers="http://127.0.0.1:$etcd_client_port" \
  --tls-cert-file="$pki/apiserver.crt" --tls-private-key-file="$pki/apiserver.key" \
  --client-ca-file="$pki/ca.crt" \
  --token-auth-file="$pki/tokens.csv" \
  --service-account-key-file="$pki/sa.pub" \
  --service-account-signing-key-file="$pki/sa.key" \
  --service-account-issuer=https://kubernetes.default.svc \
  --api-audiences=https://kubernetes.default.svc \
  --service-cluster-ip-range=10.0.0.0/24 \
  --authorization-mode=RBAC \
  --kubelet-preferred-address-types=InternalIP \
  "${admission[@]}" \
  --allow-privileged=true \
  --cert-dir="$pki"
auth=(--cacert "$pki/ca.crt" -H "Authorization: Bearer $token")
server=https://$address:$apiserver_port
wait_for kube-apiserver "$state/kube-apiserver.pid" curl -fsS "${auth[@]}" "$server/readyz"
# Tests create namespaced objects in "default" right away; the apiserver makes it just after ready.
wait_for kube-apiserver "$state/kube-apiserver.pid" curl -fsS "${auth[@]}" "$server/api/v1/namespaces/default"
echo "    kube-apiserver: $server (pid $(cat "$state/kube-apiserver.pid"))"

step "6/6 write the kubeconfig"
mkdir -p "$(dirname "$kubeconfig")"
umask 077
cat >"$kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: gpupool-test
  cluster:
    server: $server
    certificate-authority-data: $(base64 -w0 <"$pki/ca.crt")
users:
- name: gpupool-test-admin
  user:
    token: $token
contexts:
- name: gpupool-test
  context:
    cluster: gpupool-test
    user: gpupool-test-admin
    namespace: default
current-context: gpupool-test
KUBECONFIG
kubeconfig=$(cd "$(dirname "$kubeconfig")" && pwd)/$(basename "$kubeconfig")
echo "$kubeconfig" >"$state/kubeconfig.path"
started=1
echo "kube-apiserver $GPUPOOL_KUBE_VERSION ready; kubeconfig:"
echo "$kubeconfig"
