// Validates rendered Kubernetes manifests without a cluster.
//   node validate-manifests.mjs --modules DIR --crds DIR [--chart NAMESPACE] FILE...
// 1. Every document parses and has apiVersion, kind and metadata.name.
// 2. Built-in kinds (and ServiceMonitor) validate against the Kubernetes OpenAPI schemas of the
//    kubernetes-models package; GpuJob/GpuProfile against the openAPIV3Schema of crds/, with
//    unknown fields rejected (the API server would silently prune them) and each GpuJob's pod
//    template validated as a PodTemplateSpec.
// 3. --chart NAMESPACE adds the chart's own rules: namespaced objects in NAMESPACE, standard
//    labels, hardened containers with requests and limits, RBAC without wildcards.
// Prints one line per problem ("file#doc kind/name: problem") and exits 1 if there was any.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const modulesDir = option("--modules");
const crdsDir = option("--crds");
const chartNamespace = option("--chart");
if (!modulesDir || !crdsDir || args.length === 0) {
  console.error("usage: validate-manifests.mjs --modules DIR --crds DIR [--chart NAMESPACE] FILE...");
  process.exit(2);
}
const load = (relative) => import(pathToFileURL(join(modulesDir, relative)).href);
const { parseAllDocuments } = await load("yaml/dist/index.js");
const { default: Ajv } = await load("ajv/dist/ajv.js");

const problems = [];
const clusterScoped = new Set(["ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Namespace", "PriorityClass", "RuntimeClass"]);
const workloadKinds = new Set(["Deployment", "DaemonSet", "StatefulSet", "Job"]);

// 2a. Custom resources: CRD schemas (OpenAPI 3.0) made strict JSON Schema for ajv.
function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-kubernetes-") || key === "description" || key === "nullable") continue;
    out[key] = toJsonSchema(value);
  }
  for (const bound of ["Minimum", "Maximum"]) {
    if (node[`exclusive${bound}`] === true) {
      out[`exclusive${bound}`] = node[bound.toLowerCase()];
      delete out[bound.toLowerCase()];
    } else if (node[`exclusive${bound}`] === false) delete out[`exclusive${bound}`];
  }
  if (node.properties && node.additionalProperties === undefined && !node["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const customValidators = new Map();
for (const file of readdirSync(crdsDir).filter((f) => f.endsWith(".yaml"))) {
  for (const doc of parseAllDocuments(readFileSync(join(crdsDir, file), "utf8"))) {
    const crd = doc.toJS();
    for (const version of crd?.spec?.versions ?? []) {
      const key = `${crd.spec.group}/${version.name} ${crd.spec.names.kind}`;
      customValidators.set(key, ajv.compile(toJsonSchema(version.schema.openAPIV3Schema)));
    }
  }
}

// 2b. Built-in kinds: kubernetes-models classes, one module per apiVersion/kind.
async function builtInModel(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = group === "monitoring.coreos.com"
    ? `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}.js`
    : `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}.js`;
  try {
    return (await load(path))[kind];
  } catch {
    return undefined;
  }
}
const { PodTemplateSpec } = await load("kubernetes-models/v1/PodTemplateSpec.js");
const schemaErrors = (validate) => {
  try {
    validate();
    return [];
  } catch (e) {
    return [e.message];
  }
};

// 3. The chart's own rules.
function chartRules(obj, report) {
  const labels = obj.metadata.labels ?? {};
  for (const label of ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/managed-by", "helm.sh/chart"]) {
    if (!labels[label]) report(`missing label ${label}`);
  }
  if (clusterScoped.has(obj.kind)) {
    if (obj.metadata.namespace) report("cluster-scoped object has a namespace");
  } else if (obj.metadata.namespace !== chartNamespace) {
    report(`namespace is ${obj.metadata.namespace ?? "unset"}, want ${chartNamespace}`);
  }
  for (const rule of obj.rules ?? []) {
    for (const field of ["apiGroups", "resources", "verbs"]) {
      if ((rule[field] ?? []).includes("*")) report(`RBAC rule has a wildcard in ${field}`);
    }
  }
  if (obj.roleRef?.name === "cluster-admin") report("binds cluster-admin");
  if (!workloadKinds.has(obj.kind)) return;
  const pod = obj.spec.template.spec;
  if (pod.securityContext?.seccompProfile?.type !== "RuntimeDefault") report("pod seccompProfile is not RuntimeDefault");
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) report("pod shares a host namespace");
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    const sc = c.securityContext ?? {};
    const where = `container ${c.name}`;
    if (sc.privileged) report(`${where} is privileged`);
    if (sc.allowPrivilegeEscalation !== false) report(`${where} allows privilege escalation`);
    if (sc.readOnlyRootFilesystem !== true) report(`${where} root filesystem is writable`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) report(`${where} does not drop ALL capabilities`);
    if ((sc.capabilities?.add ?? []).length) report(`${where} adds capabilities`);
    const nonRoot = sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
    // Only the device plugin runs as uid 0, to own its sockets in root-owned host folders.
    if (nonRoot !== true && labels["app.kubernetes.io/component"] !== "device-plugin") report(`${where} may run as root`);
    for (const kind of ["requests", "limits"]) {
      for (const resource of ["cpu", "memory"]) {
        if (!c.resources?.[kind]?.[resource]) report(`${where} has no ${kind}.${resource}`);
      }
    }
  }
}

for (const file of args) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  let index = 0;
  for (const doc of docs) {
    index++;
    const where = `${file}#${index}`;
    if (doc.errors.length) {
      problems.push(`${where}: YAML error: ${doc.errors[0].message}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    const report = (problem) => problems.push(`${where} ${obj.kind ?? "?"}/${obj.metadata?.name ?? "?"}: ${problem}`);
    // 1. Required top-level fields.
    if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string" || !obj.metadata?.name) {
      report("apiVersion, kind and metadata.name are required");
      continue;
    }
    // 2. Schema.
    const custom = customValidators.get(`${obj.apiVersion} ${obj.kind}`);
    if (custom) {
      if (!custom(obj)) custom.errors.forEach((e) => report(`${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` ('${e.params.additionalProperty}')` : ""}`));
      if (obj.kind === "GpuJob" && obj.spec?.template) {
        schemaErrors(() => new PodTemplateSpec(obj.spec.template).validate()).forEach((m) => report(`spec.template: ${m}`));
      }
    } else {
      const Model = await builtInModel(obj.apiVersion, obj.kind);
      if (!Model) {
        report(`unknown apiVersion/kind ${obj.apiVersion} ${obj.kind}`);
        continue;
      }
      schemaErrors(() => new Model(obj).validate()).forEach(report);
    }
    // 3. Chart rules (CRDs come from crds/ and are checked by schema only).
    if (chartNamespace !== undefined && obj.kind !== "CustomResourceDefinition") chartRules(obj, report);
  }
}
problems.forEach((p) => console.log(p));
process.exit(problems.length ? 1 : 0);
