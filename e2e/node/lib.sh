# Shared by the real-node scripts (sourced, not run): where the node keeps its state, and the
# step reporting, packages and cache of the kube-apiserver scripts.
# shellcheck shell=bash
# shellcheck source=.ci/kube-apiserver/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../.ci/kube-apiserver/lib.sh"

GPUPOOL_NODE_STATE=${GPUPOOL_NODE_STATE:-${TMPDIR:-/tmp}/gpupool-node}
GPUPOOL_IMAGE=${GPUPOOL_IMAGE:-gpupool:dev}
# The root filesystem under the image, built once by debootstrap and cached beside the binaries.
GPUPOOL_ROOTFS_TAR=$GPUPOOL_KUBE_CACHE/rootfs-bookworm-minbase.tar
# What the rootfs holds beyond minbase: what the .NET runtime and ML.NET's native trainers load.
readonly GPUPOOL_ROOTFS_PACKAGES="libgomp1,libssl3,ca-certificates"
readonly GPUPOOL_PAUSE_IMAGE=registry.local/gpupool/pause:3.4

# debian_mirror: the first bookworm archive this machine's apt sources name.
debian_mirror() {
  local f
  {
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    awk 'BEGIN { RS = "" } /Types:[^\n]*deb/ && /Suites:[^\n]*bookworm([ \n]|$)/ {
           match($0, /URIs: *[^ \n]+/); print substr($0, RSTART + 6, RLENGTH - 6); exit }' "$f" | sed 's/^ *//'
  done
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
    sed -n 's/^deb \(\[[^]]*\] \)\?\([^ ]*\) bookworm .*/\2/p'
  } | head -n 1
}

# image_archive LAYER-TAR TAG CONFIG-JSON OUT: writes a docker-archive image (one layer) that
# `ctr images import` reads. CONFIG-JSON is the image config's "config" object (Entrypoint, User, ...).
image_archive() {
  local layer_tar=$1 tag=$2 config=$3 out=$4 dir diff_id config_sha
  dir=$(mktemp -d)
  mkdir -p "$dir/layer"
  ln "$layer_tar" "$dir/layer/layer.tar" 2>/dev/null || cp "$layer_tar" "$dir/layer/layer.tar"
  diff_id=sha256:$(sha256sum "$dir/layer/layer.tar" | cut -d' ' -f1)
  printf '{"architecture":"amd64","os":"linux","config":%s,"rootfs":{"type":"layers","diff_ids":["%s"]}}\n' \
    "$config" "$diff_id" >"$dir/config.json"
  config_sha=$(sha256sum "$dir/config.json" | cut -d' ' -f1)
  mv "$dir/config.json" "$dir/$config_sha.json"
  printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["layer/layer.tar"]}]\n' "$config_sha" "$tag" >"$dir/manifest.json"
  tar -C "$dir" -hcf "$out" manifest.json "$config_sha.json" layer
  rm -rf "$dir"
}
