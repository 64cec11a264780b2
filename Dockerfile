# syntax=docker/dockerfile:1
# One image for the whole of GpuPool: the operator, the device plugin and the `gpupool` CLI
# (whose sim-run is the workload process of simulated GpuJobs).
#   docker build -t gpupool:dev .
#   docker run --rm gpupool:dev operator | device-plugin | gpupool ARGS...

ARG DOTNET_VERSION=10.0

# 1. Build: restore and publish the three apps, framework-dependent, for the target architecture.
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG TARGETARCH
ARG CONFIGURATION=Release
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
# .editorconfig too: analyzer severities live there and warnings are errors.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# The NuGet cache mount keeps restores fast across builds without copying it into a layer.
RUN --mount=type=cache,id=gpupool-nuget,target=/root/.nuget/packages \
    set -eu; \
    case "${TARGETARCH:-amd64}" in arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac; \
    for app in GpuPool.Operator:operator GpuPool.DevicePlugin:device-plugin GpuPool.Cli:cli; do \
      dotnet publish "src/${app%%:*}" -c "$CONFIGURATION" -r "$rid" --self-contained false \
        -p:UseAppHost=false -o "/out/${app##*:}"; \
    done

# 2. Run: the ASP.NET runtime only (no SDK, no compilers), non-root, read-only-root friendly.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS final
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="gpupool" \
      org.opencontainers.image.description="GpuPool: interference-aware GPU sharing for Kubernetes (operator, device plugin, CLI)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}"
# libgomp1: the OpenMP runtime ML.NET's native trainers load; nothing else is added. Not pinned:
# the base image's current security updates are wanted.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1 \
 && rm -rf /var/lib/apt/lists/*
# Nothing is written outside /tmp (an emptyDir in the chart): no diagnostics IPC socket, no
# first-run files; set DOTNET_EnableDiagnostics=1 on a pod to attach dotnet-trace/-counters.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    TMPDIR=/tmp
WORKDIR /app
COPY --from=build --chown=root:root /out/ /app/
COPY --chown=root:root --chmod=0755 docker/entrypoint.sh /app/entrypoint.sh
# The base image's unprivileged "app" user (uid 1654); the chart sets the same uid.
USER 1654:1654
EXPOSE 8080 8081
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["gpupool", "--help"]
