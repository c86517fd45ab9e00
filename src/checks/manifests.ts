import type { Check, CheckContext, CheckOutcome, Finding } from '../types.js'
import { CONFIGMAP_FILE, DEPLOYMENT_FILE } from '../defaults.js'
import { formatPath } from './data-diff.js'
import { kubeObjectsIn, type KubeObject } from './kube-objects.js'
import { yaml11Booleans } from './yaml-booleans.js'
import { SECTION } from './sections.js'
import { isMap } from './is-map.js'

const MANIFEST_FILES = [CONFIGMAP_FILE, DEPLOYMENT_FILE]

/** API versions the server no longer serves (removed in Kubernetes 1.16). */
const REMOVED_DEPLOYMENT_APIS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'])

type Json = Record<string, unknown>

function checkDeployment(
  obj: KubeObject,
  problem: (message: string) => void,
  warn: (m: string) => void
): void {
  if (REMOVED_DEPLOYMENT_APIS.has(obj.apiVersion)) {
    problem(`uses apiVersion ${obj.apiVersion}, which the server no longer serves: use apps/v1`)
  }
  const spec = isMap(obj.raw.spec) ? obj.raw.spec : undefined
  const template = spec && isMap(spec.template) ? spec.template : undefined
  const matchLabels =
    spec && isMap(spec.selector) && isMap(spec.selector.matchLabels) ? spec.selector.matchLabels : {}
  const templateLabels =
    template && isMap(template.metadata) && isMap(template.metadata.labels) ? template.metadata.labels : {}
  if (!spec || !isMap(spec.selector)) problem('has no spec.selector')
  for (const [key, value] of Object.entries(matchLabels)) {
    if (templateLabels[key] !== value) {
      problem(`spec.selector.matchLabels ${key}=${String(value)} is not among spec.template.metadata.labels`)
    }
  }
  const podSpec = template && isMap(template.spec) ? template.spec : undefined
  const containers = podSpec && Array.isArray(podSpec.containers) ? podSpec.containers : []
  if (containers.length === 0) problem('has no containers in spec.template.spec.containers')
  const names = new Set<string>()
  containers.forEach((container, i) => {
    if (!isMap(container)) return problem(`container #${i + 1} is not a mapping`)
    const name = typeof container.name === 'string' ? container.name : ''
    if (!name) problem(`container #${i + 1} has no name`)
    if (names.has(name)) problem(`container name "${name}" is used twice`)
    names.add(name)
    const image = container.image
    if (typeof image !== 'string' || image.trim() === '') return problem(`container "${name}" has no image`)
    const lastSegment = image.split('/').pop() ?? ''
    if (!image.includes('@') && (!lastSegment.includes(':') || lastSegment.endsWith(':latest'))) {
      warn(`container "${name}" image ${image} is not pinned to a version: a rollback could not restore it`)
    }
  })
}

function checkConfigMap(obj: KubeObject, problem: (message: string) => void): void {
  for (const field of ['data', 'binaryData'] as const) {
    const data = obj.raw[field]
    if (data === undefined || data === null) continue
    if (!isMap(data)) {
      problem(`${field} must be a mapping of keys to strings`)
      continue
    }
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') {
        problem(
          `${field}.${key} is a ${Array.isArray(value) ? 'list' : typeof value}; ConfigMap values must be strings (quote it)`
        )
      } else if (field === 'binaryData' && !/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s/g, ''))) {
        problem(`binaryData.${key} is not base64`)
      }
    }
  }
}

/**
 * Manifest sanity, offline: every document is a Kubernetes object with apiVersion, kind and
 * metadata.name; the expected Deployments and ConfigMap are there; namespaces agree with the target;
 * and the mistakes the server would reject (selector not matching the template, non-string ConfigMap
 * values) are caught before any cluster is involved.
 */
export const manifestsCheck: Check = {
  id: 'manifests',
  title: 'Manifests are sane (objects, names, namespaces)',
  section: SECTION.artifacts,
  needs: ['bundle'],
  notApplicable({ options, bundle }: CheckContext) {
    const relevant = MANIFEST_FILES.filter(f => options.expectedFiles.includes(f) || bundle?.has(f))
    return relevant.length === 0 ? 'the bundle has no configmap.yaml or deployment.yaml' : undefined
  },
  async run({ options, bundle }): Promise<CheckOutcome> {
    const findings: Finding[] = []
    const unreadable: string[] = []
    const objects: KubeObject[] = []
    for (const file of MANIFEST_FILES) {
      if (!bundle!.has(file)) {
        if (options.expectedFiles.includes(file)) unreadable.push(`${file} (missing)`)
        continue
      }
      const parsed = bundle!.parsed(file)
      if (parsed.errors.length > 0) {
        unreadable.push(`${file} (syntax errors)`)
        continue
      }
      const { objects: found, problems } = kubeObjectsIn(parsed)
      objects.push(...found)
      findings.push(...problems)
      for (const reading of yaml11Booleans(bundle!.text(file), parsed.documents)) {
        const doc = parsed.documents.find(d => d.index === reading.index)
        const kind = (doc?.value as Json | undefined)?.kind
        // A ConfigMap value that kubectl turns into a boolean is rejected by the server; elsewhere it is
        // a silent change of meaning that deserves a look.
        const inConfigMapData =
          kind === 'ConfigMap' && (reading.path[0] === 'data' || reading.path[0] === 'binaryData')
        findings.push({
          severity: inConfigMapData ? 'error' : 'warning',
          file,
          line: doc?.line,
          message: `document ${reading.index + 1}: ${formatPath(reading.path)}: ${reading.text} is the string "${reading.text}" in YAML 1.2 but the boolean ${reading.kubectlValue} to kubectl (YAML 1.1); quote it`
        })
      }
    }

    const seen = new Map<string, KubeObject>()
    for (const obj of objects) {
      const at = { file: obj.file, line: obj.line }
      const problem = (message: string): void => {
        findings.push({ severity: 'error', ...at, message: `${obj.kind} ${obj.name}: ${message}` })
      }
      const warn = (message: string): void => {
        findings.push({ severity: 'warning', ...at, message: `${obj.kind} ${obj.name}: ${message}` })
      }
      if (obj.namespace !== undefined && obj.namespace !== options.namespace && !obj.clusterScoped) {
        problem(`metadata.namespace is "${obj.namespace}" but the target namespace is "${options.namespace}"`)
      }
      if (obj.kind === 'Namespace' && obj.name !== options.namespace) {
        problem(
          `the bundle creates namespace "${obj.name}" but the target namespace is "${options.namespace}"`
        )
      }
      const identity = `${obj.apiVersion.split('/')[0]}/${obj.kind}/${obj.namespace ?? options.namespace}/${obj.name}`
      const first = seen.get(identity)
      if (first) problem(`defined twice (first at ${first.file}:${first.line})`)
      seen.set(identity, obj)
      if (obj.kind === 'Deployment') checkDeployment(obj, problem, warn)
      if (obj.kind === 'ConfigMap') checkConfigMap(obj, problem)
    }

    const inFile = (file: string, kind: string) =>
      new Set(objects.filter(o => o.file === file && o.kind === kind).map(o => o.name))
    if (bundle!.has(DEPLOYMENT_FILE) && !unreadable.some(u => u.startsWith(DEPLOYMENT_FILE))) {
      const deployments = inFile(DEPLOYMENT_FILE, 'Deployment')
      for (const name of options.deployments.filter(n => !deployments.has(n))) {
        findings.push({
          severity: 'error',
          file: DEPLOYMENT_FILE,
          message: `Deployment ${name} is not in ${DEPLOYMENT_FILE}`
        })
      }
    }
    if (bundle!.has(CONFIGMAP_FILE) && !unreadable.some(u => u.startsWith(CONFIGMAP_FILE))) {
      if (!inFile(CONFIGMAP_FILE, 'ConfigMap').has(options.configMap)) {
        findings.push({
          severity: 'error',
          file: CONFIGMAP_FILE,
          message: `ConfigMap ${options.configMap} is not in ${CONFIGMAP_FILE}`
        })
      }
    }

    const errors = findings.filter(f => f.severity === 'error')
    const details = findings.map(f => `${f.file}${f.line ? `:${f.line}` : ''} ${f.severity}: ${f.message}`)
    if (unreadable.length > 0) {
      return {
        status: 'fail',
        message: `cannot check ${unreadable.join(', ')}${errors.length ? `; ${errors.length} problem(s) in the rest` : ''}`,
        details,
        findings
      }
    }
    const summary = `${objects.length} objects (${[...new Set(objects.map(o => o.kind))].join(', ')})`
    if (errors.length > 0) {
      return {
        status: 'fail',
        message: `${errors.length} manifest problem(s): ${errors[0].message}${errors.length > 1 ? ' …' : ''}`,
        details,
        findings,
        hint: 'Fix the manifest generator; names and namespace come from the namespace/deployments/configmap options.'
      }
    }
    if (findings.length > 0) {
      return {
        status: 'warn',
        message: `${summary}; ${findings.length} warning(s): ${findings[0].message}`,
        details,
        findings
      }
    }
    return {
      status: 'pass',
      message: `${summary} in namespace ${options.namespace}; all expected objects present`
    }
  }
}
