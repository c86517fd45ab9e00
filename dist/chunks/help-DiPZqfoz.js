'use strict';

var index = require('./index-DM8Xyx0N.js');
var version = require('./version-Sfzk9NQZ.js');

/**
 * The CLI's `--help`, generated from the option table: a flag added there is parsed (flags.ts) and
 * documented here, with its default, in its group.
 */
/** The help is read in a terminal of at least this width. */
const WIDTH = 100;
/** Where a flag's description starts. */
const COLUMN = 28;
/** `  --flag ARG   what it does (default: x)`, wrapped at 100 columns under its description. */
function entry(left, text) {
    const lines = index.wrapAnsi(text, WIDTH - COLUMN, { hard: true, trim: true }).split('\n');
    const head = left.length + 2 <= COLUMN ? left.padEnd(COLUMN) : `${left}\n${' '.repeat(COLUMN)}`;
    return head + lines.join(`\n${' '.repeat(COLUMN)}`);
}
const GROUPS = [
    'Bundle',
    'Cluster',
    'Endpoints',
    'Change checks',
    'Policy, tracking issue and Slack',
    'Verify mode (after the deploy)',
    'Output'
];
function flagGroups() {
    return GROUPS.map(group => {
        const entries = version.cliFlags()
            .filter(({ spec }) => spec.group === group)
            .map(({ key, flag, spec }) => {
            const fallback = version.defaultOf(key, 'cli');
            const shown = fallback !== undefined && spec.type !== 'boolean' ? ` (default: ${fallback})` : '';
            return entry(`  --${flag}${spec.arg ? ` ${spec.arg}` : ''}`, `${spec.help}${shown}`);
        });
        return `${group}\n${entries.join('\n')}`;
    });
}
/** The variables the CLI reads: the secrets of the table (never flags: flags show in `ps`), then the rest. */
function environment() {
    const secrets = Object.values(version.OPTIONS).flatMap(spec => 'env' in spec ? [entry(`  ${spec.env.join(', ')}`, spec.help)] : []);
    return [
        'Environment',
        entry('  KUBECONFIG', 'kubeconfig files, when --kubeconfig is not given'),
        ...secrets,
        entry('  GITHUB_REPOSITORY', 'the tracking issue repository when --repository is not given (set in Actions)'),
        entry('  GITHUB_API_URL', 'GitHub Enterprise API, e.g. https://ghe.example.com/api/v3'),
        entry('  GITHUB_SERVER_URL', 'GitHub Enterprise web address, e.g. https://ghe.example.com'),
        entry('  NO_COLOR, FORCE_COLOR', 'turn colours off / on (default: on when stdout is a terminal)')
    ].join('\n');
}
const EXAMPLES = `Examples
  ${version.TOOL_NAME} --bundle deployment-artifacts.zip --offline
  KUBECONFIG=~/.kube/staging ${version.TOOL_NAME} --bundle ./deployment-artifacts --namespace vapora
  GITHUB_TOKEN=… ${version.TOOL_NAME} --artifact deployment-artifacts --run-id 123 \\
      --repository vapora/app
  ${version.TOOL_NAME} --bundle artifacts.zip --format json --output preflight.json
  ${version.TOOL_NAME} --verify --bundle artifacts.zip --preflight-report preflight.json
  # The action's gate from another CI (e.g. Woodpecker): policy, tracking issue, manual items
  GITHUB_TOKEN=… ${version.TOOL_NAME} --bundle artifacts.zip --repository vapora/app \\
      --tracking-issue --environment production --policy .github/preflight-policy.yml \\
      --require-manual --run-url "$CI_PIPELINE_URL"`;
/** The whole `--help` text. */
function helpText() {
    return `Usage: ${version.TOOL_NAME} --bundle PATH [options]
       ${version.TOOL_NAME} --artifact NAME --run-id N --repository OWNER/NAME [options]
       ${version.TOOL_NAME} --verify --bundle PATH --preflight-report FILE [options]

Verifies a Vapora deployment bundle and the cluster it deploys to, and prints a go/no-go report
(the same checks, policy, tracking issue and gate as the GitHub Action vapora/preflight-action).

${flagGroups().join('\n\n')}

${environment()}

${EXAMPLES}

Exit codes: 0 go (verify: verified), 1 no-go (not verified), 2 could not run (usage or crash).`;
}

exports.helpText = helpText;
