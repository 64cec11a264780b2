{{/* Name of the chart, overridable. */}}
{{- define "gpupool.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-scoped base name of every resource. */}}
{{- define "gpupool.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "gpupool.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "gpupool.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "gpupool.operator.fullname" -}}
{{- printf "%s-operator" (include "gpupool.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "gpupool.devicePlugin.fullname" -}}
{{- printf "%s-device-plugin" (include "gpupool.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every resource; pass (dict "ctx" $ "component" "operator"). */}}
{{- define "gpupool.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: gpupool
{{ include "gpupool.selectorLabels" . }}
{{- end -}}

{{- define "gpupool.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gpupool.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "gpupool.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Leader election: explicit value, else on when more than one replica. */}}
{{- define "gpupool.operator.leaderElection" -}}
{{- if kindIs "bool" .Values.operator.leaderElection.enabled -}}
{{- .Values.operator.leaderElection.enabled -}}
{{- else -}}
{{- gt (int .Values.operator.replicas) 1 -}}
{{- end -}}
{{- end -}}

{{/* Where the operator reads its model: the mounted ConfigMap, or "" for the embedded one. */}}
{{- define "gpupool.operator.modelPath" -}}
{{- if .Values.operator.model.configMap -}}
{{- printf "/etc/gpupool/model/%s" .Values.operator.model.key -}}
{{- end -}}
{{- end -}}

{{/* Restricted container security context shared by every container that needs no host access. */}}
{{- define "gpupool.restrictedContainerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* prometheus.io/* pod annotations: what a Prometheus without the Prometheus Operator scrapes (dict: ctx, port). */}}
{{- define "gpupool.scrapeAnnotations" -}}
{{- if .ctx.Values.scrapeAnnotations.enabled -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end -}}
{{- end -}}

{{/* The Secret holding the placement key: the one named in values, else the chart's own. */}}
{{- define "gpupool.placementKey.secretName" -}}
{{- default (printf "%s-placement-key" (include "gpupool.fullname" .)) .Values.placementKey.existingSecret -}}
{{- end -}}

{{/*
The placement key and the key before a rotation (optional), from the Secret, as the env of one
component; pass (dict "ctx" $ "section" "Operator").
*/}}
{{- define "gpupool.placementKeyEnv" -}}
- name: GpuPool__{{ .section }}__PlacementKey
  valueFrom:
    secretKeyRef:
      name: {{ include "gpupool.placementKey.secretName" .ctx }}
      key: {{ .ctx.Values.placementKey.secretKey }}
- name: GpuPool__{{ .section }}__PreviousPlacementKey
  valueFrom:
    secretKeyRef:
      name: {{ include "gpupool.placementKey.secretName" .ctx }}
      key: {{ .ctx.Values.placementKey.previousSecretKey }}
      optional: true
{{- end -}}
