/**
 * The shape of the house, checked in CI (npm run lint:deps): no import cycle anywhere, type imports
 * included, and the layers of STYLE.md — a pure core (types, check contract, engine, policy, report model)
 * that imports nothing of the adapters (Kubernetes, GitHub, the action, the CLI), checks that know the
 * cluster and GitHub only through the readers the contract declares, and a github/ that never reaches back
 * into the engine or an adapter.
 */
const ADAPTERS = '^src/(kube|github|net|action|cli|steps|bin)/'

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle (type imports count): every change to one file then touches the others.',
      from: { path: '^src/' },
      to: { circular: true }
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment:
        'The core decides from evidence; the adapters bring the evidence in (src/preflight.ts wires them).',
      from: { path: '^src/core/' },
      to: { path: ADAPTERS }
    },
    {
      name: 'checks-read-through-the-contract',
      severity: 'error',
      comment: 'Checks know the cluster and GitHub only through the readers of src/core/check.ts.',
      from: { path: '^src/checks/' },
      to: { path: '^src/(kube|github|action|cli|steps|bin)/' }
    },
    {
      name: 'models-stay-pure',
      severity: 'error',
      comment:
        'The checklist and the bundle are models every layer reads; they import no check and no adapter.',
      from: { path: '^src/(checklist|bundle)/' },
      to: { path: `${ADAPTERS}|^src/core/(engine|verify)\\.ts$|^src/checks/|^src/report/` }
    },
    {
      name: 'reports-render-only',
      severity: 'error',
      comment:
        'The renderers read reports and the typed data checks declare; they run nothing and call no adapter.',
      from: { path: '^src/report/' },
      to: { path: `${ADAPTERS}|^src/core/(engine|verify)\\.ts$` }
    },
    {
      name: 'checks-start-no-process',
      severity: 'error',
      comment:
        "A process (kubectl, a plugin, git) is an adapter's to start; checks and the core reach it through a source.",
      from: { path: '^src/(checks|core)/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?child_process$' }
    },
    {
      name: 'checks-render-nothing',
      severity: 'error',
      comment: "A check returns evidence; how it reads is the renderers' business.",
      from: { path: '^src/checks/' },
      to: { path: '^src/report/' }
    },
    {
      name: 'github-never-reaches-back',
      severity: 'error',
      comment: 'github/ is a client of GitHub: it never imports the engine, the checks or an adapter.',
      from: { path: '^src/github/' },
      to: { path: '^src/(core/engine|core/verify|checks|action|cli|steps|bin|kube)' }
    },
    {
      name: 'kube-never-reaches-back',
      severity: 'error',
      comment: 'kube/ is a client of Kubernetes: it never imports the engine, the checks or an adapter.',
      from: { path: '^src/kube/' },
      to: { path: '^src/(core/engine|core/verify|checks|action|cli|steps|bin|github)' }
    },
    {
      name: 'adapters-apart',
      severity: 'error',
      comment:
        'The action and the CLI are two adapters of the same engine and steps: neither imports the other.',
      from: { path: '^src/(action|cli)/' },
      to: { path: '^src/(action|cli)/', pathNot: '^src/$1/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a cycle through them still couples the files.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] }
  }
}
