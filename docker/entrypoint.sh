#!/bin/sh
# Entry point of the GpuPool image: the first argument picks the program, the rest go to it.
set -eu

usage() {
  echo "usage: /app/entrypoint.sh operator|device-plugin|gpupool [ARGS...]" >&2
}

if [ "$#" -eq 0 ]; then
  usage
  exit 64
fi

program=$1
shift
case "$program" in
  operator) exec dotnet /app/operator/GpuPool.Operator.dll "$@" ;;
  device-plugin) exec dotnet /app/device-plugin/GpuPool.DevicePlugin.dll "$@" ;;
  gpupool) exec dotnet /app/cli/gpupool.dll "$@" ;;
  -h | --help | help) usage; exit 0 ;;
  *)
    echo "entrypoint: unknown program '$program'" >&2
    usage
    exit 64
    ;;
esac
