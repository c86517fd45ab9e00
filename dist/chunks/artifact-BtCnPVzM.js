import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { j as describeError } from './markdown-Bu5NTgR5.js';
import { createGitHubClient, explainGitHubError } from './octokit-B9KQBuLh.js';
import 'node:perf_hooks';
import 'node:os';
import 'process';
import 'buffer';
import 'node:zlib';
import 'fs';
import 'path';
import 'zlib';
import 'crypto';
import 'node:http';
import 'node:https';
import 'node:child_process';
import 'node:tls';
import 'node:net';
import 'node:assert';
import 'node:stream';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:util';
import 'node:worker_threads';
import 'node:buffer';
import 'node:util/types';
import 'node:crypto';
import 'node:sqlite';
import 'node:stream/web';
import 'node:async_hooks';
import 'node:url';
import 'node:console';
import 'node:fs/promises';
import 'node:timers';
import 'node:dns';
import 'vm';
import 'events';
import 'net';
import 'stream';
import 'http';
import 'https';
import 'tty';
import 'util';
import 'os';
import 'dns';
import 'tls';
import 'url';
import './index-n81_h7gb.js';
import './index-F6ogAiu_.js';
import 'assert';
import 'string_decoder';

/**
 * Downloads the deployment-artifacts bundle from GitHub: from this run through the Actions runtime, or
 * from another run (or repository) through the REST API (`findBy`). The zip is saved as-is into a fresh
 * directory and handed to the foundation's safe unzip: nothing is extracted by the download itself.
 */
const fail = (message, hint, origin) => ({
    ok: false,
    origin,
    outcome: { status: 'fail', message, hint }
});
function originOf(spec, repository, runId, found) {
    const runUrl = `${spec.serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
    return {
        name: found.name,
        artifactId: found.id,
        repository,
        runId,
        url: `${runUrl}/artifacts/${found.id}`,
        runUrl,
        sizeBytes: found.sizeBytes,
        digest: found.digest,
        headSha: found.headSha
    };
}
function splitRepository(repository) {
    const [owner, repo] = repository.split('/');
    return { owner, repo };
}
/** Lists the run's artifacts over REST and picks ours, with a specific message for each way it can fail. */
async function findInOtherRun(github, repository, runId, name) {
    const { owner, repo } = splitRepository(repository);
    const where = `run ${runId} of ${repository}`;
    let artifacts;
    try {
        artifacts = await github.paginate(github.rest.actions.listWorkflowRunArtifacts, {
            owner,
            repo,
            run_id: runId,
            per_page: 100
        });
    }
    catch (error) {
        if (error.status === 404)
            return { problem: await explainNotFound(github, repository, runId) };
        return { problem: fail(explainGitHubError(error, `listing the artifacts of ${where}`, 'actions: read')) };
    }
    const named = artifacts.filter(a => a.name === name).sort((a, b) => b.id - a.id);
    if (named.length === 0) {
        const names = [...new Set(artifacts.map(a => a.name))].sort();
        return {
            problem: fail(`artifact "${name}" not found in ${where}; ${names.length > 0 ? `it has: ${names.map(n => `"${n}"`).join(', ')}` : 'it has no artifacts'}.`, names.length > 0
                ? 'Set artifact-name to the name the build job gave actions/upload-artifact.'
                : 'Check run-id: is it the run of the build workflow, and did its upload step succeed?')
        };
    }
    const artifact = named.find(a => !a.expired);
    if (!artifact) {
        const newest = named[0];
        return {
            problem: fail(`artifact "${name}" (id ${newest.id}) of ${where} expired${newest.expires_at ? ` on ${newest.expires_at}` : ''}; GitHub no longer has its files.`, 'Re-run the build workflow to produce a fresh bundle, or raise retention-days on its upload step.')
        };
    }
    return {
        found: {
            id: artifact.id,
            name: artifact.name,
            sizeBytes: artifact.size_in_bytes,
            digest: artifact.digest ?? undefined,
            headSha: artifact.workflow_run?.head_sha ?? undefined
        }
    };
}
/** A 404 on the run's artifacts: is the repository wrong, or only the run? */
async function explainNotFound(github, repository, runId) {
    try {
        await github.rest.repos.get(splitRepository(repository));
    }
    catch (error) {
        if (error.status === 404) {
            return fail(`repository "${repository}" not found, or the token cannot see it.`, "Check the repository input (owner/name). A workflow's GITHUB_TOKEN sees only its own repository: for another one pass a PAT or GitHub App token with actions: read there.");
        }
        return fail(explainGitHubError(error, `reading repository ${repository}`, 'contents: read'));
    }
    return fail(`workflow run ${runId} not found in ${repository}.`, 'Check run-id: it is the number in the run URL (…/actions/runs/<run-id>), e.g. ${{ github.event.workflow_run.id }}.');
}
/** This run: the Actions runtime (twirp) finds the artifact by name; list the names on a miss. */
async function findInThisRun(artifacts, name) {
    const client = new artifacts.DefaultArtifactClient();
    try {
        const { artifact } = await client.getArtifact(name);
        return {
            found: { id: artifact.id, name: artifact.name, sizeBytes: artifact.size, digest: artifact.digest }
        };
    }
    catch (error) {
        if (!(error instanceof artifacts.ArtifactNotFoundError)) {
            return {
                problem: fail(`finding artifact "${name}" in this run: ${describeError(error).split('\n')[0]}`)
            };
        }
        const listed = await client.listArtifacts().catch(() => ({ artifacts: [] }));
        const names = listed.artifacts.map(a => `"${a.name}"`);
        return {
            problem: fail(`artifact "${name}" not found in this run; ${names.length > 0 ? `it has: ${names.join(', ')}` : 'it has no artifacts yet'}.`, 'Upload it in an earlier job of this workflow (actions/upload-artifact) and list that job in needs:, or set run-id to the run that built it.')
        };
    }
}
/**
 * Downloads the artifact's zip into a fresh directory under `workDir`. Never throws: every problem is
 * a failing outcome whose message says what to change.
 */
async function downloadArtifactBundle(spec, workDir) {
    const thisRun = spec.runId === undefined;
    const repository = spec.repository ?? spec.currentRepository;
    if (thisRun && !process.env.ACTIONS_RUNTIME_TOKEN) {
        return fail('downloading from this run needs the Actions runtime (ACTIONS_RUNTIME_TOKEN is not set).', 'Outside GitHub Actions, pass run-id, repository and a token with actions: read, or bundle-path.');
    }
    if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
        return fail(`repository: "${repository ?? ''}" is not owner/name.`, 'Set repository (e.g. vapora/app), or run inside GitHub Actions where GITHUB_REPOSITORY is set.');
    }
    if (!thisRun && !spec.token) {
        return fail(`github-token: empty; downloading from run ${spec.runId} of ${repository} needs a token with actions: read.`, 'Keep the default github-token (${{ github.token }}) and give the job `permissions: actions: read`, or pass a PAT for another repository.');
    }
    const artifacts = await import('./artifact-C1P-R9HT.js');
    const runId = spec.runId ?? spec.currentRunId ?? 0;
    const github = spec.token ? createGitHubClient(spec.token, { baseUrl: spec.apiUrl }) : undefined;
    const lookup = thisRun
        ? await findInThisRun(artifacts, spec.name)
        : await findInOtherRun(github, repository, runId, spec.name);
    if (!lookup.found)
        return lookup.problem;
    const origin = originOf(spec, repository, runId, lookup.found);
    const dir = mkdtempSync(join(workDir, 'artifact-'));
    const { owner, repo } = splitRepository(repository);
    let response;
    try {
        response = await new artifacts.DefaultArtifactClient().downloadArtifact(origin.artifactId, {
            path: dir,
            skipDecompress: true,
            expectedHash: origin.digest,
            ...(thisRun
                ? {}
                : {
                    findBy: { token: spec.token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo }
                })
        });
    }
    catch (error) {
        const status = error.status;
        if (status === 410) {
            return fail(`artifact "${spec.name}" (id ${origin.artifactId}) of run ${runId} has expired; GitHub no longer has its files.`, 'Re-run the build workflow to produce a fresh bundle, or raise retention-days on its upload step.', origin);
        }
        const message = status
            ? explainGitHubError(error, `downloading artifact ${origin.artifactId}`, 'actions: read')
            : `downloading artifact ${origin.artifactId}: ${describeError(error).split('\n')[0]}`;
        return fail(message, undefined, origin);
    }
    if (response.digestMismatch) {
        return fail(`artifact "${spec.name}" (id ${origin.artifactId}) does not match its published digest ${origin.digest}: it was altered or corrupted after upload.`, 'Do not deploy this bundle. Re-run the build workflow, and find out who or what changed the artifact.', origin);
    }
    const files = readdirSync(dir);
    if (files.length !== 1) {
        return fail(`downloading artifact ${origin.artifactId}: expected one zip, found ${files.length} files.`, undefined, origin);
    }
    const verified = origin.digest
        ? `digest ${origin.digest.slice(0, 19)}… verified`
        : 'no digest published, integrity not verified';
    return {
        ok: true,
        zipPath: join(dir, files[0]),
        origin,
        outcome: {
            status: origin.digest ? 'pass' : 'warn',
            message: `"${origin.name}" (artifact ${origin.artifactId}, ${origin.sizeBytes ?? '?'} bytes) from ${thisRun ? 'this run' : `run ${runId} of ${repository}`}; ${verified}`,
            hint: origin.digest
                ? undefined
                : 'Artifacts uploaded with actions/upload-artifact v4+ carry a digest; re-upload to have it checked.',
            data: { origin }
        }
    };
}

export { downloadArtifactBundle };
