#!/usr/bin/env bash
# Builds the GpuPool image without Docker and imports it into the node's containerd:
#   1 a Debian bookworm minbase root filesystem (debootstrap, cached)   2 the three apps published
#   framework-dependent, as the Dockerfile does   3 the .NET shared runtimes of this machine's SDK
#   4 one layer + image config (same entrypoint, user, env and workdir as the Dockerfile) as a
#   docker-archive tar   5 imported with ctr when a containerd address is given.
# Usage: image.sh OUT.tar [CONTAINERD-ADDRESS]
set -Eeuo pipefail
# shellcheck source=e2e/node/lib.sh
source "$(dirname "$0")/lib.sh"
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: image.sh OUT.tar [CONTAINERD-ADDRESS]}
address=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "1/5 the minbase root filesystem ($GPUPOOL_ROOTFS_TAR)"
if [[ ! -s $GPUPOOL_ROOTFS_TAR ]]; then
  ensure_packages debootstrap
  mirror=$(debian_mirror)
  [[ -n $mirror ]] || fail "this machine's apt sources name no bookworm archive"
  rootfs=$work/rootfs
  debootstrap --variant=minbase --include="$GPUPOOL_ROOTFS_PACKAGES" bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
  # What a container never reads: documentation, manuals, locales, apt lists and caches.
  rm -rf "$rootfs"/usr/share/{doc,man,info,locale} "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*
  mkdir -p "$GPUPOOL_KUBE_CACHE"
  tar -C "$rootfs" --numeric-owner -cf "$GPUPOOL_ROOTFS_TAR.partial" .
  mv "$GPUPOOL_ROOTFS_TAR.partial" "$GPUPOOL_ROOTFS_TAR"
  rm -rf "$rootfs"
fi

step "2/5 publish operator, device-plugin and cli (framework-dependent)"
layer=$work/layer
mkdir -p "$layer/app"
for app in GpuPool.Operator:operator GpuPool.DevicePlugin:device-plugin GpuPool.Cli:cli; do
  dotnet publish "$repo/src/${app%%:*}" -c Release -r linux-x64 --self-contained false \
    -p:UseAppHost=false -o "$layer/app/${app##*:}" -v quiet -nologo >"$work/publish.log" 2>&1 ||
    { tail -n 30 "$work/publish.log" >&2; fail "dotnet publish ${app%%:*} failed"; }
done
install -m 0755 "$repo/docker/entrypoint.sh" "$layer/app/entrypoint.sh"

step "3/5 the .NET shared runtimes (host, Microsoft.NETCore.App, Microsoft.AspNetCore.App)"
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime=$(dotnet --list-runtimes | sed -n 's/^Microsoft.NETCore.App \(10\.[^ ]*\) .*/\1/p' | tail -n 1)
[[ -n $runtime ]] || fail "no .NET 10 runtime in $dotnet_root"
mkdir -p "$layer/usr/share/dotnet/shared" "$layer/usr/bin"
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$layer/usr/share/dotnet/"
for fw in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  mkdir -p "$layer/usr/share/dotnet/shared/$fw"
  cp -a "$dotnet_root/shared/$fw/$runtime" "$layer/usr/share/dotnet/shared/$fw/"
done
ln -s /usr/share/dotnet/dotnet "$layer/usr/bin/dotnet"

step "4/5 one layer and the image config ($GPUPOOL_IMAGE)"
mkdir -p "$layer/tmp" "$layer/etc"
chmod 1777 "$layer/tmp"
# The base image's unprivileged "app" user and group (1654), as the Dockerfile's base has them: the
# kubelet passes only the uid of the image's User on, so the runtime takes the group from
# /etc/passwd (without the entry a job runs with group 0 and cannot reach the emulator's socket).
for db in passwd group; do tar -xOf "$GPUPOOL_ROOTFS_TAR" "./etc/$db" >"$layer/etc/$db"; done
echo "app:x:1654:1654::/home/app:/usr/sbin/nologin" >>"$layer/etc/passwd"
echo "app:x:1654:" >>"$layer/etc/group"
chmod 0644 "$layer/etc/passwd" "$layer/etc/group"
cp "$GPUPOOL_ROOTFS_TAR" "$work/layer.tar"
# The app on top of the rootfs, owned by root as in the Dockerfile.
tar -C "$layer" --numeric-owner --owner=0 --group=0 -rf "$work/layer.tar" .
# Entrypoint, Cmd, User, WorkingDir and Env as the Dockerfile's final stage sets them.
image_archive "$work/layer.tar" "$GPUPOOL_IMAGE" '{"User":"1654:1654","WorkingDir":"/app",
  "Entrypoint":["/app/entrypoint.sh"],"Cmd":["gpupool","--help"],
  "ExposedPorts":{"8080/tcp":{},"8081/tcp":{}},
  "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","DOTNET_EnableDiagnostics=0",
    "DOTNET_NOLOGO=1","DOTNET_CLI_TELEMETRY_OPTOUT=1","TMPDIR=/tmp","DOTNET_ROOT=/usr/share/dotnet"]}' "$out"
echo "    $out: $(du -h "$out" | cut -f1)"

step "5/5 import into containerd"
if [[ -n $address ]]; then
  ctr --address "$address" -n k8s.io images import --no-unpack=false "$out" >/dev/null
  echo "    imported $GPUPOOL_IMAGE"
else
  echo "    no containerd address given: not imported"
fi
