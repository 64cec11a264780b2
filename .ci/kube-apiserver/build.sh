#!/usr/bin/env bash
# Builds the real Kubernetes v1.20.2 binaries the Cluster, Node and e2e tests run on
# (kube-apiserver, kubelet, kube-controller-manager, kube-scheduler, kube-proxy, and the pause
# binary of the sandbox image) from Debian bookworm's own `kubernetes` source package with
# Debian's Go, and caches them in one directory. Does nothing when every cached binary already
# runs; otherwise builds only the ones missing. The kubelet
# gets the project's one-option device-manager backport (patches/). Needs root (or sudo) for
# apt-get; nothing is written to the repo.
#
# The source package is fetched from the Debian archive this machine's own apt sources name
# (their bookworm entries, read as deb-src in a private apt configuration).
#
# Env: GPUPOOL_KUBE_CACHE  cache dir (default ${XDG_CACHE_HOME:-$HOME/.cache}/gpupool/kubernetes-v1.20.2)
#      GPUPOOL_APISERVER_KEEP_BUILD=1   keep the build tree (source, Go cache) after success
set -Eeuo pipefail
# shellcheck source=.ci/kube-apiserver/lib.sh
source "$(dirname "$0")/lib.sh"

patches=$(cd "$(dirname "$0")/patches" && pwd)
build_dir=$GPUPOOL_KUBE_CACHE/build
gopath=$build_dir/gopath
tree=$gopath/src/k8s.io/kubernetes

step "1/8 check the cache ($GPUPOOL_KUBE_CACHE)"
# Two builds into one cache would delete each other's tree: the second waits, then finds the binary.
mkdir -p "$GPUPOOL_KUBE_CACHE"
exec 9>"$GPUPOOL_KUBE_CACHE/build.lock"
if ! flock -n 9; then
  echo "    another build.sh holds $GPUPOOL_KUBE_CACHE/build.lock; waiting for it"
  flock 9
fi
if cache_is_complete; then
  echo "    cached binaries are usable ($GPUPOOL_KUBE_COMPONENTS pause): $("$GPUPOOL_APISERVER_BIN" --version); nothing to do"
  exit 0
fi
missing=()
for name in $GPUPOOL_KUBE_COMPONENTS; do binary_is_usable "$name" || missing+=("$name"); done
echo "    to build: ${missing[*]:-} $([[ -x $GPUPOOL_KUBE_CACHE/pause ]] || echo pause)"

step "2/8 install build and runtime packages"
ensure_packages golang-go golang-github-modern-go-reflect2-dev dpkg-dev xz-utils \
  etcd-server openssl curl ca-certificates jq gcc libc6-dev patch
reflect2_src=/usr/share/gocode/src/github.com/modern-go/reflect2
[[ -f $reflect2_src/reflect2.go ]] || fail "Debian's reflect2 sources not found at $reflect2_src"

step "3/8 fetch the kubernetes source package (private apt configuration)"
# A previous, interrupted build leaves a partial tree: start that part over.
rm -rf "$build_dir"
apt_dir=$build_dir/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources.list.d" "$build_dir/src"
# The machine's own bookworm entries, as deb-src: deb822 files and one-line lists alike.
for f in /etc/apt/sources.list.d/*.sources; do
  [[ -f $f ]] || continue
  awk 'BEGIN { RS = ""; ORS = "\n\n" }
       /Suites:[^\n]*bookworm/ && /Types:[^\n]*deb/ { sub(/Types:[^\n]*/, "Types: deb-src"); print }' \
    "$f" >"$apt_dir/sources.list.d/$(basename "$f")"
done
{ cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
  sed -n 's/^deb \(.* bookworm[^ ]* .*\)$/deb-src \1/p' >"$apt_dir/sources.list"
grep -qs 'deb-src' "$apt_dir/sources.list" "$apt_dir"/sources.list.d/* ||
  fail "this machine's apt sources name no bookworm archive to fetch the source package from"
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

step "4/8 replace the vendored reflect2 1.0.1 (crashes under Go >= 1.18) with Debian's 1.0.2"
rm -rf "$tree/vendor/github.com/modern-go/reflect2"
mkdir -p "$tree/vendor/github.com/modern-go/reflect2"
find "$reflect2_src" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' \) ! -name '*_test.go' \
  -exec cp {} "$tree/vendor/github.com/modern-go/reflect2/" \;

step "5/8 apply the project's kubelet backport (patches/)"
for p in "$patches"/*.patch; do
  patch -p1 --forward --silent -d "$tree" <"$p" || fail "patch $(basename "$p") does not apply"
done

# The upstream tree does not build in module mode with this Go ("updates to go.mod needed"):
# build in GOPATH mode, as Debian's own packaging does.
export GOPATH=$gopath GO111MODULE=off CGO_ENABLED=0 GOFLAGS='' GOCACHE=$build_dir/gocache
cd "$tree"

step "6/8 generate pkg/generated/openapi with the vendored openapi-gen"
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

step "7/8 build ${missing[*]:-} and pause (many minutes from an empty Go cache)"
# Both version packages, as upstream's hack/lib/version.sh sets them: component-base answers
# --version, client-go the API server's /version (which helm checks a chart's kubeVersion against).
ldflags="-s -w"
for version_pkg in k8s.io/kubernetes/vendor/k8s.io/component-base/version k8s.io/kubernetes/vendor/k8s.io/client-go/pkg/version; do
  ldflags+=" -X $version_pkg.gitVersion=$GPUPOOL_KUBE_VERSION -X $version_pkg.gitMajor=1 -X $version_pkg.gitMinor=20"
  ldflags+=" -X $version_pkg.gitTreeState=clean -X $version_pkg.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
done
mkdir -p "$build_dir/out"
for name in "${missing[@]}"; do
  echo "    go build ./cmd/$name (+${SECONDS}s)"
  go build -trimpath -ldflags "$ldflags" -o "$build_dir/out/$name" "./cmd/$name"
  echo "$GPUPOOL_KUBE_RECIPE" >"$build_dir/out/$name.recipe"
done
# The sandbox image's one process, compiled as upstream's build/pause Makefile does.
pause_version=$(sed -n 's/^TAG ?*= *//p' build/pause/Makefile)
gcc -Os -Wall -Werror -static -DVERSION="v$pause_version-gpupool" -o "$build_dir/out/pause" build/pause/linux/pause.c
echo "$pause_version" >"$build_dir/out/pause.version"

step "8/8 cache the binaries"
cd /
mv "$build_dir"/out/* "$GPUPOOL_KUBE_CACHE/"
cache_is_complete || fail "the built binaries do not all report Kubernetes $GPUPOOL_KUBE_VERSION"
if [[ ${GPUPOOL_APISERVER_KEEP_BUILD:-0} != 1 ]]; then
  chmod -R u+w "$build_dir"
  rm -rf "$build_dir"
fi
echo "    built into $GPUPOOL_KUBE_CACHE: $GPUPOOL_KUBE_COMPONENTS pause ($("$GPUPOOL_APISERVER_BIN" --version))"
