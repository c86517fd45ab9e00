import { afterAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import AdmZip from 'adm-zip'
import { runPreflight } from '../src/preflight.js'
import { renderJson } from '../src/report/json.js'
import { expectValidReport } from '../test/report-schema.js'
import { ALL_CHECKS } from '../src/checks/index.js'
import type { Report } from '../src/core/types.js'
import {
  BROKEN,
  EXAMPLE_BUNDLE,
  EXAMPLE_ZIP,
  REPO_ROOT,
  bundleWith,
  cleanupTempDirs,
  exampleFiles,
  tempDir
} from '../test/fixtures.js'
import { buildZip } from '../test/zip-writer.js'

afterAll(cleanupTempDirs)

const CLUSTER_CHECK_IDS = ALL_CHECKS.filter(c => c.needs.includes('cluster')).map(c => c.id)
const offline = (bundlePath: string, extra: object = {}) =>
  runPreflight({ bundlePath, offline: true, ...extra })
const result = (report: Report, id: string) => report.results.find(r => r.id === id)!

describe('the example bundle', () => {
  it('is go offline, as a directory and as a zip, with every check run', async () => {
    for (const path of [EXAMPLE_BUNDLE, EXAMPLE_ZIP]) {
      const report = await offline(path)
      expect(report.decision).toBe('go')
      expect(report.scope).toBe('bundle-only')
      expect(report.failedChecks).toEqual([])
      expect(report.warnings).toEqual([])
      for (const id of [
        'bundle-unpack',
        'bundle-files',
        'bundle-syntax',
        'manifests',
        'config-modes',
        'compose'
      ]) {
        expect(result(report, id).status).toBe('pass')
      }
      for (const id of CLUSTER_CHECK_IDS) {
        expect(result(report, id)).toMatchObject({ status: 'skip', skipReason: 'offline', blocking: false })
      }
    }
  })

  it('is no-go when the run is not offline and no kubeconfig exists, because the cluster was not verified (fail closed)', async () => {
    const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG }
    process.env.HOME = tempDir()
    delete process.env.KUBECONFIG
    try {
      const report = await runPreflight({ bundlePath: EXAMPLE_BUNDLE })
      expect(report.decision).toBe('no-go')
      expect(report.scope).toBe('full')
      expect(report.failedChecks).toEqual(CLUSTER_CHECK_IDS)
      expect(result(report, 'cluster-access').message).toMatch(/^no kubeconfig \(KUBECONFIG is not set/)
      // One cause, counted once: the other cluster checks say they were blocked by it.
      const blocked = CLUSTER_CHECK_IDS.filter(id => id !== 'cluster-access')
      expect(report.rootCauses).toEqual([
        expect.objectContaining({ check: 'cluster-access', prerequisite: false, blocks: blocked })
      ])
      expect(report.reasons).toEqual([
        { check: 'cluster-access', message: expect.stringMatching(/; 12 more checks blocked by it$/) }
      ])
      for (const id of blocked) expect(result(report, id).blockedBy).toBe('cluster-access')
    } finally {
      Object.assign(process.env, saved)
      if (saved.KUBECONFIG === undefined) delete process.env.KUBECONFIG
    }
  })

  it('is found under one top-level folder of a zip', async () => {
    const zip = new AdmZip()
    for (const file of readdirSync(EXAMPLE_BUNDLE))
      zip.addLocalFile(join(EXAMPLE_BUNDLE, file), 'deployment-artifacts')
    const path = join(tempDir(), 'wrapped.zip')
    zip.writeZip(path)
    const report = await offline(path)
    expect(report.decision).toBe('go')
    expect(report.bundle?.files).toHaveLength(12)
  })

  it('opens a zip that holds only the bundle zip (a .zip uploaded as the artifact), once', async () => {
    const outer = new AdmZip()
    outer.addLocalFile(EXAMPLE_ZIP)
    const work = tempDir()
    const path = join(tempDir(), 'artifact.zip')
    outer.writeZip(path)
    const report = await runPreflight({ bundlePath: path, offline: true, workDir: work })
    expect(report.decision).toBe('go')
    expect(report.bundle?.files).toHaveLength(12)
    expect(readdirSync(work)).toEqual([])
  })

  it('leaves no extracted files behind after a zip run', async () => {
    const work = tempDir()
    await runPreflight({ bundlePath: EXAMPLE_ZIP, offline: true, workDir: work })
    expect(readdirSync(work)).toEqual([])
  })
})

describe('broken bundles are no-go, naming the cause', () => {
  it.each([
    ['missing-file', 'bundle-files', /missing 1 of 12 expected files: vapora-multiuser\.json/],
    ['yaml-syntax-error', 'bundle-syntax', /deployment\.yaml:35:1/],
    ['yaml-duplicate-key', 'bundle-syntax', /configmap\.yaml:32:3 Map keys must be unique/],
    ['json-syntax-error', 'bundle-syntax', /vapora-solo\.json:15:\d+ invalid JSON: trailing comma/],
    ['toml-syntax-error', 'bundle-syntax', /vapora-enterprise\.toml:25:\d+ invalid TOML/],
    [
      'mode-mismatch',
      'config-modes',
      /vapora-enterprise: the yaml differs at database\.pool_size, llm_router\.providers\[0\]\.model/
    ],
    [
      'wrong-namespace',
      'manifests',
      /vapora-agents: metadata\.namespace is "default" but the target namespace is "vapora"/
    ],
    ['missing-deployment', 'manifests', /Deployment vapora-llm-router is not in deployment\.yaml/],
    ['compose-no-image', 'compose', /service "agents" has neither "image" nor "build"/]
  ])('%s → %s fails', async (name, checkId, message) => {
    const report = await offline(BROKEN(name))
    expect(report.decision).toBe('no-go')
    expect(report.failedChecks).toContain(checkId)
    expect(result(report, checkId).message).toMatch(message)
    expect(result(report, checkId).blocking).toBe(true)
  })

  it.each(exampleFiles())('a bundle without %s is no-go naming it', async file => {
    const report = await offline(bundleWith({ [file]: null }))
    expect(report.decision).toBe('no-go')
    expect(result(report, 'bundle-files').message).toMatch(
      new RegExp(`missing 1 of 12 expected files: ${file.replace('.', '\\.')}$`)
    )
  })

  it('a syntax error carries file, line and column on the result and its findings', async () => {
    const report = await offline(BROKEN('yaml-syntax-error'))
    const syntax = result(report, 'bundle-syntax')
    expect(syntax).toMatchObject({ file: 'deployment.yaml', line: 35, column: 1 })
    for (const finding of syntax.findings!)
      expect(finding).toMatchObject({ file: expect.any(String), line: expect.any(Number) })
  })

  it.each([
    ['compose-no-image', 'compose', 'docker-compose.yml', 25, 3, /service "agents" has neither/],
    ['wrong-namespace', 'manifests', 'deployment.yaml', 97, 3, /metadata\.namespace is "default"/],
    ['missing-deployment', 'manifests', 'deployment.yaml', 1, 1, /Deployment vapora-llm-router is not in/],
    ['missing-file', 'bundle-files', 'vapora-multiuser.json', 1, 1, /expected file vapora-multiuser\.json/],
    [
      'mode-mismatch',
      'config-modes',
      'vapora-enterprise.yaml',
      17,
      3,
      /database\.pool_size is 32 here but toml 64/
    ],
    ['yaml-duplicate-key', 'bundle-syntax', 'configmap.yaml', 32, 3, /Map keys must be unique/]
  ])(
    '%s: %s points at %s:%i:%i, the node that is wrong, and says how to fix it',
    async (name, checkId, file, line, column, message) => {
      const findings = result(await offline(BROKEN(name)), checkId).findings!
      expect(findings[0]).toMatchObject({ severity: 'error', file, line, column })
      expect(findings[0].message).toMatch(message)
      expect(findings[0].hint ?? result(await offline(BROKEN(name)), checkId).hint).toBeTruthy()
    }
  )

  it('every error finding of every broken example has a file, line, column and a hint', async () => {
    for (const name of readdirSync(join(REPO_ROOT, 'examples', 'broken'))) {
      const report = await offline(BROKEN(name))
      for (const r of report.results) {
        for (const f of (r.findings ?? []).filter(f => f.severity === 'error')) {
          expect({ name, id: r.id, ...f, hint: f.hint ?? r.hint }).toEqual(
            expect.objectContaining({
              file: expect.any(String),
              line: expect.any(Number),
              column: expect.any(Number),
              hint: expect.any(String)
            })
          )
        }
      }
    }
  })

  it('mode drift annotates only the format that disagrees, at the differing key', async () => {
    const findings = result(await offline(BROKEN('mode-mismatch')), 'config-modes').findings!
    expect(new Set(findings.map(f => f.file))).toEqual(new Set(['vapora-enterprise.yaml']))
    expect(findings.map(f => `${f.line}:${f.column}`)).toEqual(['17:3', '54:7'])
  })

  it('a missing or unparsable mode file reads "cannot compare", never "formats disagree", blocked by its cause', async () => {
    const missing = result(await offline(BROKEN('missing-file')), 'config-modes')
    expect(missing).toMatchObject({ status: 'skip', blocking: true, blockedBy: 'bundle-files' })
    expect(missing.message).toBe('not run: cannot compare vapora-multiuser: vapora-multiuser.json missing')
    const unparsed = result(await offline(BROKEN('json-syntax-error')), 'config-modes')
    expect(unparsed).toMatchObject({ status: 'skip', blocking: true, blockedBy: 'bundle-syntax' })
    expect(unparsed.message).toBe('not run: cannot compare vapora-solo: vapora-solo.json does not parse')
  })

  it('a mistyped bundle path is one root cause that blocks the bundle checks, which say so', async () => {
    const report = await offline(join(tempDir(), 'deployment-artefacts.zip'))
    expect(report.rootCauses).toEqual([
      expect.objectContaining({
        check: 'bundle-unpack',
        blocks: ['bundle-files', 'bundle-syntax', 'manifests', 'config-modes', 'compose']
      })
    ])
    expect(report.failedChecks).toEqual([
      'bundle-unpack',
      'bundle-files',
      'bundle-syntax',
      'manifests',
      'config-modes',
      'compose'
    ])
    expect(report.reasons).toHaveLength(1)
  })

  it('every report keeps the JSON contract (schema/report.schema.json)', async () => {
    const bundles = [
      EXAMPLE_BUNDLE,
      EXAMPLE_ZIP,
      ...readdirSync(join(REPO_ROOT, 'examples', 'broken')).map(BROKEN)
    ]
    for (const bundle of [...bundles, join(tempDir(), 'absent')]) {
      const report = await offline(bundle)
      expectValidReport(renderJson(report), bundle)
      expect(report.counts).toEqual(
        Object.fromEntries(
          (['pass', 'warn', 'fail', 'skip', 'error'] as const).map(s => [
            s,
            report.results.filter(r => r.status === s).length
          ])
        )
      )
    }
  })

  it('lists the differing key paths and values of a mode mismatch', async () => {
    const details = result(await offline(BROKEN('mode-mismatch')), 'config-modes').details!.join('\n')
    expect(details).toMatch(
      /database\.pool_size: toml=64 \(line 15\), yaml=32 \(line 17\), json=64 \(line 14\)/
    )
  })

  it('warns, without blocking, about an unexpected extra file', async () => {
    const report = await offline(bundleWith({ 'notes.txt': 'hello' }))
    expect(report.decision).toBe('go')
    expect(result(report, 'bundle-files')).toMatchObject({ status: 'warn', blocking: false })
    expect(report.warnings).toEqual([{ check: 'bundle-files', message: expect.stringMatching(/notes\.txt/) }])
  })

  it('fails a missing file even when a near-miss name exists, and says so', async () => {
    const dir = bundleWith({
      'docker-compose.yml': null,
      'docker-compose.yaml': 'services: {a: {image: x:1}}\n'
    })
    const files = result(await offline(dir), 'bundle-files')
    expect(files.status).toBe('fail')
    expect(files.details!.join()).toMatch(/docker-compose\.yml: missing \(found "docker-compose\.yaml"/)
  })
})

describe('manifest sanity beyond the examples', () => {
  const deployment = (mutate: (text: string) => string) => bundleWith({ 'deployment.yaml': mutate })

  it('catches a selector that does not match the pod template labels', async () => {
    const dir = deployment(t =>
      t.replace(
        /matchLabels:\n(\s+)app\.kubernetes\.io\/name: vapora-backend/,
        'matchLabels:\n$1app.kubernetes.io/name: vapora-backnd'
      )
    )
    const manifests = result(await offline(dir), 'manifests')
    expect(manifests.status).toBe('fail')
    expect(manifests.message).toMatch(
      /vapora-backend: spec\.selector\.matchLabels .* is not among spec\.template\.metadata\.labels/
    )
  })

  it('catches a document without kind and a ConfigMap value that is not a string', async () => {
    const dir = bundleWith({
      'configmap.yaml': t => `${t}---\napiVersion: v1\nmetadata:\n  name: orphan\n`
    })
    const report = await offline(dir)
    expect(result(report, 'manifests').details!.join('\n')).toMatch(
      /configmap\.yaml:\d+:1 error: document 2: missing kind/
    )
    const numeric = bundleWith({ 'configmap.yaml': t => t.replace(/^data:\n/m, 'data:\n  WORKERS: 4\n') })
    expect(result(await offline(numeric), 'manifests').details!.join('\n')).toMatch(
      /data\.WORKERS is a number; ConfigMap values must be strings/
    )
  })

  it('checks names and namespace against the options', async () => {
    const report = await offline(EXAMPLE_BUNDLE, {
      namespace: 'staging',
      deployments: 'vapora-backend, vapora-extra'
    })
    const manifests = result(report, 'manifests')
    expect(manifests.status).toBe('fail')
    expect(manifests.details!.join('\n')).toMatch(/target namespace is "staging"/)
    expect(manifests.details!.join('\n')).toMatch(/Deployment vapora-extra is not in deployment\.yaml/)
  })
})

describe('bad bundle paths and contents never crash', () => {
  it('a path that does not exist is no-go with an actionable message', async () => {
    const report = await offline('/nonexistent/deployment-artifacts.zip')
    expect(report.decision).toBe('no-go')
    expect(result(report, 'bundle-unpack').message).toMatch(/does not exist/)
    expect(result(report, 'bundle-files')).toMatchObject({
      status: 'skip',
      skipReason: 'prerequisite-failed',
      blocking: true
    })
  })

  it('a zip-slip archive is no-go naming the entry', async () => {
    const path = join(tempDir(), 'evil.zip')
    writeFileSync(
      path,
      buildZip([
        { name: 'configmap.yaml', data: 'a: 1' },
        { name: '../../evil.sh', data: 'x' }
      ])
    )
    const report = await offline(path)
    expect(report.decision).toBe('no-go')
    expect(result(report, 'bundle-unpack').message).toMatch(/"\.\.\/\.\.\/evil\.sh".*zip-slip/)
  })

  it('a symlink in a directory bundle is refused', async () => {
    const dir = tempDir()
    cpSync(EXAMPLE_BUNDLE, dir, { recursive: true })
    mkdirSync(join(dir, 'extra'))
    symlinkSync('/etc/passwd', join(dir, 'extra', 'passwd'))
    const report = await offline(dir)
    expect(report.decision).toBe('no-go')
    expect(result(report, 'bundle-unpack').message).toMatch(/"extra\/passwd" is a symbolic link/)
  })

  it('binary garbage in a config file is a located error, not a crash', async () => {
    const dir = bundleWith({ 'vapora-solo.json': '\u0000\u00ff{' })
    writeFileSync(join(dir, 'vapora-solo.toml'), Buffer.from([0xff, 0xfe, 0x00, 0x41]))
    const report = await offline(dir)
    expect(report.decision).toBe('no-go')
    expect(result(report, 'bundle-syntax').details!.join('\n')).toMatch(
      /vapora-solo\.toml:1:1 error: file is not valid UTF-8/
    )
  })

  it('a check that throws becomes an error result and the decision is no-go', async () => {
    const report = await runPreflight(
      { bundlePath: EXAMPLE_BUNDLE, offline: true },
      {
        checks: [
          {
            id: 'boom',
            title: 'Boom',
            item: '',
            section: '',
            needs: ['bundle'],
            run: async () => {
              throw new Error('kaput')
            }
          }
        ]
      }
    )
    expect(report.decision).toBe('no-go')
    expect(result(report, 'boom')).toMatchObject({
      status: 'error',
      blocking: true,
      message: expect.stringContaining('kaput')
    })
  })

  it("keeps each of a caller's checks' results in its place, even two that share an id", async () => {
    const check = (message: string) => ({
      id: 'mine',
      title: 'Mine',
      item: '',
      section: '',
      needs: ['bundle' as const],
      run: async () => ({ status: 'pass' as const, message })
    })
    const report = await runPreflight(
      { bundlePath: EXAMPLE_BUNDLE, offline: true },
      { checks: [check('first'), check('second')] }
    )
    expect(report.results.filter(r => r.id === 'mine').map(r => r.message)).toEqual(['first', 'second'])
  })

  it('invalid options are rejected with a message that says how to fix them', async () => {
    await expect(runPreflight({ bundlePath: EXAMPLE_BUNDLE, namespace: 'Not_Valid' })).rejects.toThrow(
      /namespace: "Not_Valid" is not a valid Kubernetes name/
    )
    await expect(runPreflight({ bundlePath: '' })).rejects.toThrow(/no bundle given/)
    await expect(
      runPreflight({ bundlePath: EXAMPLE_BUNDLE, expectedFiles: '../etc/passwd' })
    ).rejects.toThrow(/relative to the bundle root/)
  })
})

describe('YAML 1.1 booleans that kubectl reads differently', () => {
  it('fails a ConfigMap value such as `yes` that kubectl would send as a boolean', async () => {
    const dir = bundleWith({ 'configmap.yaml': t => t.replace(/^data:\n/m, 'data:\n  FEATURE_X: yes\n') })
    const manifests = result(await offline(dir), 'manifests')
    expect(manifests.status).toBe('fail')
    expect(manifests.details!.join('\n')).toMatch(
      /data\.FEATURE_X: yes is the string "yes" in YAML 1\.2 but the boolean true to kubectl/
    )
  })

  it('only warns about such a value elsewhere, and leaves quoted values alone', async () => {
    const dir = bundleWith({
      'configmap.yaml': t =>
        t
          .replace(/^data:\n/m, 'data:\n  QUOTED: "on"\n')
          .replace(/^metadata:\n/m, 'metadata:\n  annotations:\n    vapora.dev/canary: off\n')
    })
    const manifests = result(await offline(dir), 'manifests')
    expect(manifests.status).toBe('warn')
    expect(manifests.details).toHaveLength(1)
    expect(manifests.details![0]).toMatch(
      /metadata\.annotations\["vapora\.dev\/canary"\]: off .* boolean false/
    )
  })
})
