// Bundles the action (dist/index.js) and the CLI (dist/cli.js), CommonJS with every dependency inlined, as
// the Actions runner needs (no node_modules at run time), and the library (dist/lib.mjs, an ES module) with
// dependencies left as imports for npm consumers.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

const plugins = () => [
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    compilerOptions: { noEmit: false, declaration: false }
  }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json()
]

// client-node's index re-exports its whole generated API (~1,000 modules); we use KubeConfig only.
// Its modules have no import-time side effects we rely on, so unused ones are dropped: that halves
// the bundle and the start-up time, which dominates a preflight.
const treeshake = {
  moduleSideEffects: id =>
    !id.includes('/node_modules/@kubernetes/client-node/') && !id.includes('/node_modules/@actions/core/')
}

// client-node imports its own copy of undici (1.6 MB) only for the dispatchers of its generated API clients
// (KubeConfig.createDispatcher, used by applySecurityAuthentication). We load kubeconfigs and apply TLS and
// auth to node:https options (applyToHTTPSOptions) and never build its API clients, so the runner bundles
// get a stub that fails loudly if that ever changes. Its start-up cost was a third of a full preflight's.
const CLIENT_NODE_UNDICI_STUB = '\0client-node-undici-stub'
const stubClientNodeUndici = () => ({
  name: 'stub-client-node-undici',
  resolveId(source, importer) {
    if (source === 'undici' && importer?.includes('/node_modules/@kubernetes/client-node/')) {
      return CLIENT_NODE_UNDICI_STUB
    }
    return null
  },
  load(id) {
    if (id !== CLIENT_NODE_UNDICI_STUB) return null
    return [
      "const unused = what => { throw new Error(`vapora-preflight does not bundle client-node's undici (${what}): its API clients are not used`) }",
      "export class Agent { constructor() { unused('Agent') } }",
      "export class ProxyAgent { constructor() { unused('ProxyAgent') } }",
      "export function fetch() { return unused('fetch') }"
    ].join('\n')
  }
})

// client-node's config.js statically imports what only some kubeconfigs use, and it was a third of the
// kube chunk's start-up: proxy agents (socks, ip-address, smart-buffer, hpagent: 234 KB), OpenID Connect
// (openid-client, oauth4webapi: 46 KB), the JSONPath of the legacy gcp/azure auth-providers (64 KB) and
// js-yaml (97 KB, a second YAML parser). In the runner bundles:
// - the proxy agents are inert: our client makes its own connections and never uses client-node's agent;
// - OpenID Connect loads when a token is refreshed (its functions are async, so the stub imports it then);
// - the gcp/azure auth-providers (removed from kubectl in v1.26) say to use their exec plugins instead;
// - js-yaml's load is the `yaml` package the kubeconfig is already read with (YAML 1.2, merge keys kept,
//   warnings not logged: they quote the kubeconfig). Our own js-yaml import (src/bundle/fast-yaml.ts) is
//   not client-node's: it is bundled.
// dist/lib.mjs keeps client-node and its dependencies as they are.
const CLIENT_NODE_STUBS = {
  'socks-proxy-agent': 'export class SocksProxyAgent {}',
  socks: [
    'export const SocksClient = {',
    "  createConnection() { throw new Error('vapora-preflight does not bundle client-node\\'s SOCKS connector: its API clients are not used') }",
    '}'
  ].join('\n'),
  hpagent: 'export class HttpProxyAgent {}\nexport class HttpsProxyAgent {}',
  'openid-client': [
    'let loaded',
    "const load = () => (loaded ??= import('openid-client'))",
    '// The key client-node passes a custom fetch under; the real one is put in its place.',
    "export const customFetch = Symbol('customFetch')",
    'export async function discovery(server, clientId, metadata, auth, options) {',
    '  const oidc = await load()',
    '  if (options && customFetch in options) {',
    '    const { [customFetch]: fetch, ...rest } = options',
    '    options = { ...rest, [oidc.customFetch]: fetch }',
    '  }',
    '  return oidc.discovery(server, clientId, metadata, auth, options)',
    '}',
    'export async function refreshTokenGrant(...args) { return (await load()).refreshTokenGrant(...args) }'
  ].join('\n'),
  'jsonpath-plus': [
    'export function JSONPath() {',
    "  throw new Error('the gcp and azure auth-providers were removed from kubectl in v1.26 and are not supported: use the exec credential plugin (gke-gcloud-auth-plugin, kubelogin) in the kubeconfig')",
    '}'
  ].join('\n'),
  'js-yaml': [
    "import { parse } from 'yaml'",
    '// Silent about warnings, which quote the kubeconfig (see parseKubeconfig in src/kube/kubeconfig-text.ts).',
    "export const load = text => parse(text, { merge: true, logLevel: 'error' })",
    "const unused = what => { throw new Error(`vapora-preflight does not bundle js-yaml's ${what}`) }",
    "export function loadAll() { unused('loadAll') }",
    "export function dump() { unused('dump') }"
  ].join('\n')
}
const STUB_PREFIX = '\0client-node-stub:'
const stubClientNodeExtras = () => ({
  name: 'stub-client-node-extras',
  resolveId(source, importer) {
    if (
      Object.hasOwn(CLIENT_NODE_STUBS, source) &&
      importer?.includes('/node_modules/@kubernetes/client-node/')
    ) {
      return STUB_PREFIX + source
    }
    return null
  },
  load(id) {
    return id.startsWith(STUB_PREFIX) ? CLIENT_NODE_STUBS[id.slice(STUB_PREFIX.length)] : null
  }
})

// The runner bundles are CommonJS: Node loads them through require, without the ES module loader's
// per-module linking or the facade an ES import of a built-in builds (which reads every export: import
// of node:http loaded node's own undici, 20 ms). Measured against the same code as ES modules: a full
// preflight ~5 ms faster (~8 ms less CPU), an offline run ~9 ms. dist/package.json says so to Node;
// dist/lib.mjs, the library, stays an ES module.
const markRunnerBundlesCommonJs = () => ({
  name: 'mark-runner-bundles-commonjs',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'package.json',
      source: `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`
    })
  }
})

const silenceKnownWarnings = (warning, warn) => {
  // Third-party ESM code uses `this` at top level and has circular imports; neither affects the bundle.
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
  // A stub that lacks a name the bundled code imports would be undefined at run time: fail the build.
  if (warning.code === 'MISSING_EXPORT') throw new Error(warning.message)
  warn(warning)
}

// node:sqlite is a Node 24 built-in that one dependency probes for; it is never bundled.
const external = ['node:sqlite']

const configs = [
  {
    // The action and the CLI in one pass (they share most code). The GitHub side (@actions/artifact and
    // the Azure SDK under it, ~4 MB) is imported lazily, so it lands in its own chunk and a run that does
    // not download or upload never loads it: start-up dominates a preflight's time.
    input: { index: 'src/bin/action.ts', cli: 'src/bin/cli.ts' },
    output: {
      dir: 'dist',
      format: 'cjs',
      sourcemap: false,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // The entries are tiny: a Node version guard, then a dynamic import of the rest (src/bin/*.ts).
      banner: chunk => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : '')
    },
    external,
    plugins: [markRunnerBundlesCommonJs(), stubClientNodeUndici(), stubClientNodeExtras(), ...plugins()],
    treeshake,
    onwarn: silenceKnownWarnings
  },
  {
    input: 'src/index.ts',
    output: { file: 'dist/lib.mjs', format: 'es', sourcemap: false, inlineDynamicImports: true },
    external: id =>
      Object.keys(pkg.dependencies).some(dep => id === dep || id.startsWith(`${dep}/`)) ||
      id.startsWith('node:'),
    plugins: plugins(),
    onwarn: silenceKnownWarnings
  }
]

// scripts/build.mjs builds the runner bundles and the library in parallel (BUILD=bin | lib).
const only = process.env.BUILD
export default only
  ? configs.filter(config => (only === 'lib') === (config.output.file === 'dist/lib.mjs'))
  : configs
