#!/usr/bin/env bash
# Builds a real kube-apiserver (v1.20.2) for the Cluster tests from Debian bookworm's own
# `kubernetes` source package with Debian's Go, and caches the binary. Does nothing when the
# cached binary already runs. Needs root (or sudo) for apt-get; nothing is written to the repo.
#
# Env: GPUPOOL_APISERVER_CACHE  cache dir (default ${XDG_CACHE_HOME:-$HOME/.cache}/gpupool/kube-apiserver-v1.20.2)
#      GPUPOOL_DEBIAN_MIRROR    Debian archive for the source package (default http://deb.debian.org/debian)
#      GPUPOOL_DEBIAN_SECURITY_MIRROR   (default http://deb.debian.org/debian-security)
#      GPUPOOL_APISERVER_KEEP_BUILD=1   keep the build tree (source, Go cache) after success
set -Eeuo pipefail
# shellcheck source=.ci/kube-apiserver/lib.sh
source "$(dirname "$0")/lib.sh"

mirror=${GPUPOOL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${GPUPOOL_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
build_dir=$GPUPOOL_APISERVER_CACHE/build
gopath=$build_dir/gopath
tree=$gopath/src/k8s.io/kubernetes

step "1/7 check the cache ($GPUPOOL_APISERVER_BIN)"
# Two builds into one cache would delete each other's tree: the second waits, then finds the binary.
mkdir -p "$GPUPOOL_APISERVER_CACHE"
exec 9>"$GPUPOOL_APISERVER_CACHE/build.lock"
if ! flock -n 9; then
  echo "    another build.sh holds $GPUPOOL_APISERVER_CACHE/build.lock; waiting for it"
  flock 9
fi
if binary_is_usable; then
  echo "    cached binary is usable: $("$GPUPOOL_APISERVER_BIN" --version); nothing to do"
  exit 0
fi

step "2/7 install build and runtime packages"
ensure_packages golang-go golang-github-modern-go-reflect2-dev dpkg-dev xz-utils \
  etcd-server openssl curl ca-certificates jq
reflect2_src=/usr/share/gocode/src/github.com/modern-go/reflect2
[[ -f $reflect2_src/reflect2.go ]] || fail "Debian's reflect2 sources not found at $reflect2_src"

step "3/7 fetch the kubernetes source package (private apt configuration)"
# A previous, interrupted build leaves a partial tree: start that part over.
rm -rf "$build_dir"
apt_dir=$build_dir/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources.list.d" "$build_dir/src"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
cat >"$apt_dir/sources.list" <<SOURCES
deb-src [signed-by=$keyring] $mirror bookworm main
deb-src [signed-by=$keyring] $mirror bookworm-updates main
deb-src [signed-by=$keyring] $security_mirror bookworm-security main
SOURCES
# Only this build's own files are read or written: the system's sources, lists and caches stay as they are.
apt_options=(
  -o "Dir::Etc::SourceList=$apt_dir/sources.list"
  -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir/cache"
  -o "APT::Sandbox::User=root"
)
apt-get "${apt_options[@]}" -qq update
(cd "$build_dir/src" && apt-get "${apt_options[@]}" -q source kubernetes)
src=$(find "$build_dir/src" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*')
[[ -d $src/cmd/kube-apiserver ]] || fail "no kubernetes source tree under $build_dir/src"
[[ $src == *"${GPUPOOL_KUBE_VERSION#v}" ]] ||
  fail "the source package is $(basename "$src"), expected upstream ${GPUPOOL_KUBE_VERSION#v}"
mkdir -p "$(dirname "$tree")"
mv "$src" "$tree"

step "4/7 replace the vendored reflect2 1.0.1 (crashes under Go >= 1.18) with Debian's 1.0.2"
rm -rf "$tree/vendor/github.com/modern-go/reflect2"
mkdir -p "$tree/vendor/github.com/modern-go/reflect2"
find "$reflect2_src" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' \) ! -name '*_test.go' \
  -exec cp {} "$tree/vendor/github.com/modern-go/reflect2/" \;

# The upstream tree does not build in module mode with this Go ("updates to go.mod needed"):
# build in GOPATH mode, as Debian's own packaging does.
export GOPATH=$gopath GO111MODULE=off CGO_ENABLED=0 GOFLAGS='' GOCACHE=$build_dir/gocache
cd "$tree"

step "5/7 generate pkg/generated/openapi with the vendored openapi-gen"
go build -o "$build_dir/bin/openapi-gen" ./vendor/k8s.io/kube-openapi/cmd/openapi-gen
# The input packages are chosen as upstream's Makefile.generated_files does: every package
# (staging named as vendor/) with a "+k8s:openapi-gen=" tag, less code-generator and sample-apiserver.
openapi_inputs=$(
  find -H . \( -path './_*' -o -path './.*' -o -path ./vendor \) -prune -o -type f -name '*.go' -print |
    sed -e 's|^\./staging/src/|vendor/|' -e 's|^\./||' |
    xargs grep -l '^// *+k8s:' | xargs grep -l '+k8s:openapi-gen=' |
    xargs -n1 dirname | grep -v -e '^vendor/k8s.io/code-generator/' -e '^vendor/k8s.io/sample-apiserver/' |
    LC_ALL=C sort -u | sed 's|^|k8s.io/kubernetes/|' | paste -sd, -
)
[[ -n $openapi_inputs ]] || fail "found no packages tagged for openapi-gen"
"$build_dir/bin/openapi-gen" --logtostderr \
  -i "$openapi_inputs" \
  -p k8s.io/kubernetes/pkg/generated/openapi \
  -O zz_generated.openapi \
  -h vendor/k8s.io/code-generator/hack/boilerplate.go.txt \
  -o "$gopath/src" \
  -r "$build_dir/openapi-violations.report"
[[ -s pkg/generated/openapi/zz_generated.openapi.go ]] || fail "openapi-gen wrote no zz_generated.openapi.go"

step "6/7 build cmd/kube-apiserver (several minutes)"
version_pkg=k8s.io/kubernetes/vendor/k8s.io/component-base/version
ldflags="-s -w -X $version_pkg.gitVersion=$GPUPOOL_KUBE_VERSION -X $version_pkg.gitMajor=1 -X $version_pkg.gitMinor=20"
ldflags+=" -X $version_pkg.gitTreeState=clean -X $version_pkg.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
go build -trimpath -ldflags "$ldflags" -o "$build_dir/kube-apiserver" ./cmd/kube-apiserver

step "7/7 cache the binary"
cd /
mv "$build_dir/kube-apiserver" "$GPUPOOL_APISERVER_BIN"
binary_is_usable || fail "the built binary does not report Kubernetes $GPUPOOL_KUBE_VERSION"
if [[ ${GPUPOOL_APISERVER_KEEP_BUILD:-0} != 1 ]]; then
  chmod -R u+w "$build_dir"
  rm -rf "$build_dir"
fi
echo "    built: $GPUPOOL_APISERVER_BIN ($("$GPUPOOL_APISERVER_BIN" --version))"
