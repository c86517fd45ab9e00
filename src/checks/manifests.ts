import type { CheckOutcome, Finding } from '../core/types.js'
import { defineCheck, type CheckContext } from '../core/check.js'
import { positionOf, type ParsedFile } from '../bundle/parse.js'
import { where } from '../core/finding.js'
import { CONFIGMAP_FILE, DEPLOYMENT_FILE } from '../core/defaults.js'
import { formatPath } from './data-diff.js'
import { kubeObjectsIn, type KubeObject } from './kube-objects.js'
import { yaml11Booleans } from './yaml-booleans.js'
import { isMap } from './is-map.js'

const MANIFEST_FILES = [CONFIGMAP_FILE, DEPLOYMENT_FILE]

const MANIFEST_HINT =
  'Fix the manifest generator; names and namespace come from the namespace/deployments/configmap options.'

/** API versions the server no longer serves (removed in Kubernetes 1.16). */
const REMOVED_DEPLOYMENT_APIS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'])

type Json = Record<string, unknown>

/** Reports a problem at a key path of the object (relative to it), as an error or a warning. */
type ObjectReport = (message: string, path?: Array<string | number>, hint?: string) => void

function checkDeployment(obj: KubeObject, problem: ObjectReport, warn: ObjectReport): void {
  if (REMOVED_DEPLOYMENT_APIS.has(obj.apiVersion)) {
    problem(`uses apiVersion ${obj.apiVersion}, which the server no longer serves: use apps/v1`, [
      'apiVersion'
    ])
  }
  const spec = isMap(obj.raw.spec) ? obj.raw.spec : undefined
  const template = spec && isMap(spec.template) ? spec.template : undefined
  const matchLabels =
    spec && isMap(spec.selector) && isMap(spec.selector.matchLabels) ? spec.selector.matchLabels : {}
  const templateLabels =
    template && isMap(template.metadata) && isMap(template.metadata.labels) ? template.metadata.labels : {}
  if (!spec || !isMap(spec.selector)) problem('has no spec.selector', ['spec', 'selector'])
  for (const [key, value] of Object.entries(matchLabels)) {
    if (templateLabels[key] !== value) {
      problem(
        `spec.selector.matchLabels ${key}=${String(value)} is not among spec.template.metadata.labels`,
        ['spec', 'selector', 'matchLabels', key],
        'The selector must match the pod template labels; note that a Deployment selector cannot change once created.'
      )
    }
  }
  const podSpec = template && isMap(template.spec) ? template.spec : undefined
  const containers = podSpec && Array.isArray(podSpec.containers) ? podSpec.containers : []
  const containersPath = ['spec', 'template', 'spec', 'containers']
  if (containers.length === 0) problem('has no containers in spec.template.spec.containers', containersPath)
  const names = new Set<string>()
  containers.forEach((container, i) => {
    const at = [...containersPath, i]
    if (!isMap(container)) return problem(`container #${i + 1} is not a mapping`, at)
    const name = typeof container.name === 'string' ? container.name : ''
    if (!name) problem(`container #${i + 1} has no name`, at)
    if (names.has(name)) problem(`container name "${name}" is used twice`, [...at, 'name'])
    names.add(name)
    const image = container.image
    if (typeof image !== 'string' || image.trim() === '')
      return problem(`container "${name}" has no image`, [...at, 'image'])
    const lastSegment = image.split('/').pop() ?? ''
    if (!image.includes('@') && (!lastSegment.includes(':') || lastSegment.endsWith(':latest'))) {
      warn(
        `container "${name}" image ${image} is not pinned to a version: a rollback could not restore it`,
        [...at, 'image'],
        'Pin the image to a version tag or a digest (image@sha256:…).'
      )
    }
  })
}

function checkConfigMap(obj: KubeObject, problem: ObjectReport): void {
  for (const field of ['data', 'binaryData'] as const) {
    const data = obj.raw[field]
    if (data === undefined || data === null) continue
    if (!isMap(data)) {
      problem(`${field} must be a mapping of keys to strings`, [field])
      continue
    }
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') {
        problem(
          `${field}.${key} is a ${Array.isArray(value) ? 'list' : typeof value}; ConfigMap values must be strings (quote it)`,
          [field, key]
        )
      } else if (field === 'binaryData' && !/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s/g, ''))) {
        problem(`binaryData.${key} is not base64`, [field, key])
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
export const manifestsCheck = defineCheck({
  id: 'manifests',
  title: 'Manifests are sane (objects, names, namespaces)',
  item: 'validate-manifest-syntax',
  needs: ['bundle'],
  notApplicable({ options, bundle }: CheckContext) {
    const relevant = MANIFEST_FILES.filter(f => options.expectedFiles.includes(f) || bundle?.has(f))
    return relevant.length === 0 ? 'the bundle has no configmap.yaml or deployment.yaml' : undefined
  },
  async run({ options, bundle }): Promise<CheckOutcome> {
    const findings: Finding[] = []
    const unreadable: Array<{ file: string; why: 'missing' | 'syntax errors' }> = []
    const objects: KubeObject[] = []
    const parsedFiles = new Map<string, ParsedFile>()
    for (const file of MANIFEST_FILES) {
      if (!bundle!.has(file)) {
        if (options.expectedFiles.includes(file)) unreadable.push({ file, why: 'missing' })
        continue
      }
      const parsed = bundle!.parsed(file)
      if (parsed.errors.length > 0) {
        unreadable.push({ file, why: 'syntax errors' })
        continue
      }
      parsedFiles.set(file, parsed)
      const { objects: found, problems } = kubeObjectsIn(parsed)
      objects.push(...found)
      findings.push(
        ...problems.map(({ severity, file, line, column, message }) => ({
          severity,
          file,
          line,
          column,
          message
        }))
      )
      for (const reading of yaml11Booleans(bundle!.text(file), parsed.documents)) {
        const doc = parsed.documents.find(d => d.index === reading.index)
        const kind = (doc?.value as Json | undefined)?.kind
        // A ConfigMap value that kubectl turns into a boolean is rejected by the server; elsewhere it is
        // a silent change of meaning that deserves a look.
        const inConfigMapData =
          kind === 'ConfigMap' && (reading.path[0] === 'data' || reading.path[0] === 'binaryData')
        findings.push({
          severity: inConfigMapData ? 'error' : 'warning',
          ...positionOf(parsed, reading.path, doc),
          message: `document ${reading.index + 1}: ${formatPath(reading.path)}: ${reading.text} is the string "${reading.text}" in YAML 1.2 but the boolean ${reading.kubectlValue} to kubectl (YAML 1.1)`,
          hint: `Quote it ("${reading.text}") so that kubectl and the server read the same value.`
        })
      }
    }

    const seen = new Map<string, KubeObject>()
    for (const obj of objects) {
      const parsed = parsedFiles.get(obj.file)!
      const add =
        (severity: Finding['severity']): ObjectReport =>
        (message, path = [], hint) => {
          findings.push({
            severity,
            ...positionOf(parsed, [...obj.path, ...path], obj),
            message: `${obj.kind} ${obj.name}: ${message}`,
            hint
          })
        }
      const problem = add('error')
      const warn = add('warning')
      if (obj.namespace !== undefined && obj.namespace !== options.namespace && !obj.clusterScoped) {
        problem(
          `metadata.namespace is "${obj.namespace}" but the target namespace is "${options.namespace}"`,
          ['metadata', 'namespace'],
          `Set metadata.namespace to ${options.namespace} (or leave it out), or set the namespace input to the namespace you deploy to.`
        )
      }
      if (obj.kind === 'Namespace' && obj.name !== options.namespace) {
        problem(
          `the bundle creates namespace "${obj.name}" but the target namespace is "${options.namespace}"`,
          ['metadata', 'name']
        )
      }
      const identity = `${obj.apiVersion.split('/')[0]}/${obj.kind}/${obj.namespace ?? options.namespace}/${obj.name}`
      const first = seen.get(identity)
      if (first) problem(`defined twice (first at ${first.file}:${first.line})`, ['metadata', 'name'])
      seen.set(identity, obj)
      if (obj.kind === 'Deployment') checkDeployment(obj, problem, warn)
      if (obj.kind === 'ConfigMap') checkConfigMap(obj, problem)
    }

    // A missing object has no node to point at: the annotation goes on the file, naming the object.
    const missingObject = (file: string, kind: string, name: string): Finding => ({
      severity: 'error',
      file,
      line: 1,
      column: 1,
      message: `${kind} ${name} is not in ${file}`,
      hint: `Add the ${kind} ${name} to ${file}, or set the ${kind === 'Deployment' ? 'deployments' : 'configmap'} input to the names the bundle uses.`
    })
    const inFile = (file: string, kind: string) =>
      new Set(objects.filter(o => o.file === file && o.kind === kind).map(o => o.name))
    if (parsedFiles.has(DEPLOYMENT_FILE)) {
      const deployments = inFile(DEPLOYMENT_FILE, 'Deployment')
      for (const name of options.deployments.filter(n => !deployments.has(n))) {
        findings.push(missingObject(DEPLOYMENT_FILE, 'Deployment', name))
      }
    }
    if (parsedFiles.has(CONFIGMAP_FILE) && !inFile(CONFIGMAP_FILE, 'ConfigMap').has(options.configMap)) {
      findings.push(missingObject(CONFIGMAP_FILE, 'ConfigMap', options.configMap))
    }

    const errors = findings.filter(f => f.severity === 'error')
    const details = findings.map(f => `${where(f)} ${f.severity}: ${f.message}`)
    if (unreadable.length > 0) {
      const list = unreadable.map(u => `${u.file} (${u.why})`).join(', ')
      // Nothing else wrong: the check did not run because of the file's own problem, reported elsewhere.
      if (errors.length === 0) {
        return {
          status: 'skip',
          skipReason: 'prerequisite-failed',
          blockedBy: unreadable[0].why === 'missing' ? 'bundle-files' : 'bundle-syntax',
          message: `not checked: ${list}`,
          details,
          findings
        }
      }
      return {
        status: 'fail',
        message: `${errors.length} manifest problem(s): ${errors[0].message}${errors.length > 1 ? ' …' : ''}; not checked: ${list}`,
        details,
        findings,
        hint: MANIFEST_HINT
      }
    }
    const summary = `${objects.length} objects (${[...new Set(objects.map(o => o.kind))].join(', ')})`
    if (errors.length > 0) {
      return {
        status: 'fail',
        message: `${errors.length} manifest problem(s): ${errors[0].message}${errors.length > 1 ? ' …' : ''}`,
        details,
        findings,
        hint: MANIFEST_HINT
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
})
