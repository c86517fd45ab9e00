import { Y as manifestDocs, Z as REVISION_ANNOTATION, _ as usableCluster, $ as lastSeen, a0 as explainApiError, a1 as healthEndpointCheck, a2 as apiEndpointsCheck, a3 as resolveOptions, U as UsageError, r as runPreflight, a4 as clusterAccessCheck, f as finish, a as amendReport } from './markdown-CW_4RBtX.js';
import 'node:fs';
import 'node:path';
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

const VERIFY_SECTION = 'Success Criteria Verification';
/** The prerequisite (no check of its own) that the comparisons need: what the preflight recorded. */
const PREFLIGHT_RECORD = 'preflight-record';
function bundleDeployments(ctx) {
    return manifestDocs(ctx)
        .docs.filter(d => d.doc.kind === 'Deployment' && d.doc.metadata?.name)
        .map(({ doc }) => ({
        name: doc.metadata.name,
        images: Object.fromEntries((doc.spec?.template?.spec?.containers ?? []).map(c => [
            c.name ?? '',
            c.image ?? ''
        ]))
    }));
}
/** A fresh list of the namespace's objects (never the session's cache: things move during a rollout). */
async function liveList(client, ctx, api, resource) {
    const path = `${api}/namespaces/${encodeURIComponent(ctx.options.namespace)}/${resource}`;
    return (await client.get(path)).items;
}
const liveDeployments = (client, ctx) => liveList(client, ctx, '/apis/apps/v1', 'deployments');
const liveReplicaSets = (client, ctx) => liveList(client, ctx, '/apis/apps/v1', 'replicasets');
const livePods = (client, ctx) => liveList(client, ctx, '/api/v1', 'pods');
/** The ReplicaSet a Deployment runs now: owned by it, with the Deployment's own revision. */
function currentReplicaSet(deployment, replicaSets) {
    const revision = deployment.metadata?.annotations?.[REVISION_ANNOTATION];
    return replicaSets.find(rs => (rs.metadata?.ownerReferences ?? []).some(o => o.controller && o.uid === deployment.metadata?.uid) &&
        rs.metadata?.annotations?.[REVISION_ANNOTATION] === revision);
}
/** Pods owned by a ReplicaSet. */
function podsOf(replicaSet, pods) {
    return pods.filter(p => (p.metadata?.ownerReferences ?? []).some(o => o.controller && o.uid === replicaSet.metadata?.uid));
}
const isReady = (pod) => (pod.status?.conditions ?? []).some(c => c.type === 'Ready' && c.status === 'True');
/** The record a comparison needs, or the outcome saying it is missing (which blocks: not verified). */
function needRecord(ctx) {
    if (ctx.options.verify?.record)
        return undefined;
    return {
        status: 'skip',
        skipReason: 'prerequisite-failed',
        blockedBy: PREFLIGHT_RECORD,
        message: `not run: ${ctx.options.verify?.recordProblem ?? 'no preflight record to compare with'}`,
        hint: 'Run the preflight (mode: preflight, tracking-issue: true) before the deploy: it records the baseline in the tracking issue.'
    };
}

const verifyEventsCheck = {
    id: 'verify-events',
    title: 'No Warning events since the deploy started',
    section: VERIFY_SECTION,
    needs: ['cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const since = ctx.options.verify?.deployStartedAt;
        if (!since) {
            return {
                status: 'skip',
                skipReason: 'prerequisite-failed',
                blockedBy: PREFLIGHT_RECORD,
                message: 'not run: the deploy start is unknown (no preflight record, no deploy-started-at)',
                hint: 'Set deploy-started-at, or run the preflight with the tracking issue before the deploy.'
            };
        }
        try {
            const events = (await cluster.session.client.get(`/api/v1/namespaces/${encodeURIComponent(ctx.options.namespace)}/events`)).items;
            const warnings = events.filter(e => e.type === 'Warning' && lastSeen(e) >= since.getTime());
            const lines = warnings.map(e => `${e.reason ?? '?'} on ${e.involvedObject?.kind ?? '?'}/${e.involvedObject?.name ?? '?'}${(e.series?.count ?? e.count ?? 1) > 1 ? ` ×${e.series?.count ?? e.count}` : ''}: ${(e.message ?? '').slice(0, 200)}`);
            if (lines.length > 0) {
                return {
                    status: 'fail',
                    message: `${lines.length} Warning event(s) since the deploy started (${since.toISOString()}): ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? '; …' : ''}`,
                    details: lines,
                    hint: 'Read them with kubectl get events -n <namespace> --field-selector type=Warning; fix the cause or roll back.'
                };
            }
            return { status: 'pass', message: `no Warning event since the deploy started (${since.toISOString()})` };
        }
        catch (error) {
            return { status: 'error', message: `cannot read events: ${explainApiError(error)}` };
        }
    }
};

const verifyHealthCheck = {
    ...healthEndpointCheck,
    id: 'verify-health',
    title: 'Health endpoints respond (200 OK)',
    section: VERIFY_SECTION
};
const verifyApiCheck = {
    ...apiEndpointsCheck,
    id: 'verify-api',
    title: 'API endpoints respond to test requests',
    section: VERIFY_SECTION
};
/**
 * Jitter allowance added to `factor × before`: a 2 ms baseline must not fail at 5 ms. Latency that
 * matters to users is well above it.
 */
const LATENCY_SLACK_MS = 25;
/** p99 after vs before for each endpoint measured both times; more errors than before also fail. */
function compareWithBaseline(before, after, factor) {
    if (!before || before.endpoints.length === 0) {
        return {
            status: 'skip',
            skipReason: 'not-applicable',
            message: 'not applicable: the preflight measured no endpoint to compare with'
        };
    }
    const lines = [];
    const problems = [];
    for (const b of before.endpoints) {
        const a = after?.endpoints.find(e => e.url === b.url);
        if (!a) {
            problems.push(`${b.url} was not probed after the deploy`);
            continue;
        }
        const was = b.p99Ms ?? b.p95Ms;
        const allowed = Math.round(was * factor + LATENCY_SLACK_MS);
        lines.push(`${a.url}: p99 ${was} → ${a.p99Ms ?? a.p95Ms} ms (allowed ${allowed} ms), errors ${b.errors}/${b.probes} → ${a.errors}/${a.probes}`);
        if ((a.p99Ms ?? a.p95Ms) > allowed)
            problems.push(`${a.url} p99 ${a.p99Ms ?? a.p95Ms} ms is over ${factor}× the baseline ${was} ms`);
        if (a.errors / Math.max(1, a.probes) > b.errors / Math.max(1, b.probes))
            problems.push(`${a.url} errors rose: ${b.errors}/${b.probes} → ${a.errors}/${a.probes}`);
    }
    if (problems.length > 0) {
        return {
            status: 'fail',
            message: `worse than before the deploy: ${problems.join('; ')}`,
            details: lines,
            hint: 'Compare dashboards; the seed says roll back on more than 10% error increase. latency-factor sets the allowed factor.'
        };
    }
    return { status: 'pass', message: `latency and errors within ${factor}× the baseline`, details: lines };
}

/** Registries report `docker.io/library/x:1` for `x:1`: compare without the implied prefixes. */
const normalise = (image) => image.replace(/^docker\.io\/(library\/)?/, '');
const verifyImagesCheck = {
    id: 'verify-images',
    title: 'All deployments have updated image IDs',
    section: VERIFY_SECTION,
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const client = cluster.session.client;
        try {
            const [deployments, replicaSets, pods] = await Promise.all([
                liveDeployments(client, ctx),
                liveReplicaSets(client, ctx),
                livePods(client, ctx)
            ]);
            const problems = [];
            const details = [];
            const imageIds = {};
            for (const wanted of bundleDeployments(ctx)) {
                const live = deployments.find(d => d.metadata?.name === wanted.name);
                if (!live) {
                    problems.push(`${wanted.name} does not exist in ${ctx.options.namespace}`);
                    continue;
                }
                const template = live.spec?.template?.spec?.containers ?? [];
                for (const [container, image] of Object.entries(wanted.images)) {
                    const running = template.find(c => c.name === container)?.image;
                    if (running !== image)
                        problems.push(`${wanted.name}/${container} runs ${running ?? '(no such container)'}, the bundle has ${image}`);
                }
                const rs = currentReplicaSet(live, replicaSets);
                const rsPods = rs ? podsOf(rs, pods) : [];
                if (rsPods.length === 0 && (live.spec?.replicas ?? 1) > 0)
                    problems.push(`${wanted.name} has no pods of its current template`);
                for (const pod of rsPods) {
                    const statuses = (pod.status?.containerStatuses ?? []);
                    if (statuses.length === 0)
                        problems.push(`${pod.metadata?.name} has not started (no container status)`);
                    for (const status of statuses) {
                        const image = wanted.images[status.name];
                        if (!image)
                            continue;
                        if (!status.imageID)
                            problems.push(`${pod.metadata?.name}/${status.name} has no image ID yet (not started)`);
                        else if (normalise(status.image ?? '') !== normalise(image))
                            problems.push(`${pod.metadata?.name}/${status.name} reports image ${status.image}, not ${image}`);
                        else
                            (imageIds[wanted.name] ??= []).push(status.imageID);
                    }
                }
                details.push(`${wanted.name}: ${Object.values(wanted.images).join(', ')} in ${rsPods.length} pod(s) of ${rs?.metadata?.name ?? '(no current ReplicaSet)'}`);
            }
            if (problems.length > 0) {
                return {
                    status: 'fail',
                    message: `not running the bundle's images: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
                    details: [...details, ...problems],
                    hint: 'Apply deployment.yaml from this bundle (an image left at the old tag means the deploy missed that Deployment), then verify again.'
                };
            }
            return {
                status: 'pass',
                message: `every Deployment runs the bundle's images (${Object.keys(imageIds).length} with image IDs reported)`,
                details,
                data: { imageIds }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the Deployments: ${explainApiError(error)}` };
        }
    }
};

function rolledOut(d) {
    if (!d)
        return false;
    const want = d.spec?.replicas ?? 1;
    const s = d.status ?? {};
    return ((s.observedGeneration ?? 0) >= d.metadata?.generation &&
        (s.updatedReplicas ?? 0) === want &&
        (s.readyReplicas ?? 0) === want &&
        (s.availableReplicas ?? 0) === want &&
        (s.replicas ?? 0) === want);
}
function progress(d, name) {
    if (!d)
        return `${name}: not found`;
    const s = d.status ?? {};
    return `${name}: ${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 1} ready, ${s.updatedReplicas ?? 0} updated, ${s.replicas ?? 0} total`;
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
const verifyPodsReadyCheck = {
    id: 'verify-pods-ready',
    title: 'All pods reach "Ready" state within the ready timeout',
    section: VERIFY_SECTION,
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const wanted = bundleDeployments(ctx).map(d => d.name);
        if (wanted.length === 0)
            return { status: 'fail', message: 'the bundle has no Deployment to verify' };
        const timeoutMs = ctx.options.verify?.readyTimeoutMs ?? 300_000;
        const started = Date.now();
        const byName = (objects) => new Map(objects.map(o => [o.metadata?.name ?? '', o]));
        try {
            const watched = await cluster.session.client.watchUntil(`/apis/apps/v1/namespaces/${encodeURIComponent(ctx.options.namespace)}/deployments`, objects => {
                const live = byName(objects);
                return wanted.every(name => rolledOut(live.get(name)));
            }, started + timeoutMs);
            const readyAt = new Date();
            const live = byName(watched.objects);
            const details = wanted.map(name => progress(live.get(name), name));
            if (watched.done) {
                return {
                    status: 'pass',
                    message: `${wanted.length} Deployment(s) rolled out, every pod Ready (${seconds(Date.now() - started)} after the verify started)`,
                    details,
                    data: { readyAt: readyAt.toISOString() }
                };
            }
            const notReady = (await livePods(cluster.session.client, ctx))
                .filter(p => !isReady(p))
                .map(p => `${p.metadata?.name} (${p.status?.phase ?? 'Unknown'})`);
            const late = wanted.filter(name => !rolledOut(live.get(name)));
            return {
                status: 'fail',
                message: `not Ready within ${seconds(timeoutMs)}: ${late.map(name => progress(live.get(name), name)).join('; ')}`,
                details: [...details, ...(notReady.length > 0 ? [`pods not Ready: ${notReady.join(', ')}`] : [])],
                hint: 'Look at the pods (kubectl describe pod, kubectl logs): CrashLoopBackOff means config or image trouble, Pending means no capacity. Roll back with the commands from the preflight kit if it does not recover.'
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot watch the Deployments: ${explainApiError(error)}` };
        }
    }
};

const verifyRestartsCheck = {
    id: 'verify-restarts',
    title: 'No pod restarts (restart counts not increasing)',
    section: VERIFY_SECTION,
    needs: ['cluster'],
    async run(ctx) {
        const missing = needRecord(ctx);
        if (missing)
            return missing;
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const before = ctx.options.verify.record.baseline?.podRestarts ?? {};
        try {
            const now = {};
            const rising = [];
            for (const pod of await livePods(cluster.session.client, ctx)) {
                const name = pod.metadata?.name ?? '';
                if (pod.status?.phase === 'Succeeded')
                    continue;
                const count = (pod.status?.containerStatuses ?? []).reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
                now[name] = count;
                const was = before[name] ?? 0;
                if (count > was)
                    rising.push(`${name}: ${was} → ${count}`);
            }
            const total = Object.values(now).reduce((a, b) => a + b, 0);
            if (rising.length > 0) {
                return {
                    status: 'fail',
                    message: `restarts rose since the preflight: ${rising.join(', ')}`,
                    details: rising,
                    hint: 'A restarting pod after a deploy usually means a config or image problem: read its logs (kubectl logs --previous) and roll back if it keeps restarting.',
                    data: { podRestarts: now, total }
                };
            }
            return {
                status: 'pass',
                message: `no restart count rose (${Object.keys(now).length} pod(s), ${total} restart(s) in total)`,
                data: { podRestarts: now, total }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the pods: ${explainApiError(error)}` };
        }
    }
};

const verifyRollbackCheck = {
    id: 'verify-rollback',
    title: 'No rollback performed',
    section: VERIFY_SECTION,
    needs: ['bundle', 'cluster'],
    async run(ctx) {
        const missing = needRecord(ctx);
        if (missing)
            return missing;
        const cluster = await usableCluster(ctx);
        if ('outcome' in cluster)
            return cluster.outcome;
        const record = ctx.options.verify.record;
        try {
            const client = cluster.session.client;
            const [deployments, replicaSets] = await Promise.all([
                liveDeployments(client, ctx),
                liveReplicaSets(client, ctx)
            ]);
            const rolledBack = [];
            const revisions = {};
            for (const { name } of bundleDeployments(ctx)) {
                const live = deployments.find(d => d.metadata?.name === name);
                if (!live)
                    continue;
                const revision = Number(live.metadata?.annotations?.[REVISION_ANNOTATION]);
                revisions[name] = revision;
                const before = record.revisions[name];
                const current = currentReplicaSet(live, replicaSets)?.metadata?.name;
                const oldTemplates = record.replicaSets[name] ?? [];
                if (before !== undefined && revision > before && current && oldTemplates.includes(current)) {
                    rolledBack.push(`${name}: revision ${revision} runs ReplicaSet ${current}, a template live before the deploy (preflight highest revision ${before})`);
                }
            }
            if (rolledBack.length > 0) {
                return {
                    status: 'fail',
                    message: `rollback detected: ${rolledBack.join('; ')}`,
                    details: rolledBack,
                    data: { rollbackDetected: true, revisions }
                };
            }
            return {
                status: 'pass',
                message: 'no Deployment went back to a template from before the deploy',
                data: { rollbackDetected: false, revisions }
            };
        }
        catch (error) {
            return { status: 'error', message: `cannot read the rollout state: ${explainApiError(error)}` };
        }
    }
};

/**
 * Verify mode, after the deploy: the seed's "Success Criteria Verification" as checks on the live
 * cluster and endpoints, compared with what the preflight recorded, plus the post-deployment record
 * (start, end, duration, rollback, metrics before/after). Same engine, other checks: the bundle is read
 * and verified the same way, and the report has the same shape with a `verification` section.
 */
/**
 * In this order, one at a time: the rollout is waited for first, so the images, restarts and endpoints
 * are read once it is over.
 */
const VERIFY_CHECKS = [
    // First, so that a cluster the run cannot use is reported once, as the cause of what it blocks.
    clusterAccessCheck,
    verifyPodsReadyCheck,
    verifyImagesCheck,
    verifyRollbackCheck,
    verifyRestartsCheck,
    verifyEventsCheck,
    verifyHealthCheck,
    verifyApiCheck
];
const METRICS_CHECK = {
    id: 'verify-metrics',
    title: 'Metrics show normal resource usage',
    section: VERIFY_SECTION
};
async function runVerify(input, hooks = {}) {
    const options = resolveOptions({ ...input, verify: input.verify ?? {} });
    if (options.offline) {
        // Offline, every cluster check is out of scope and would not block: a deploy "verified" unseen.
        throw new UsageError('offline: verify mode checks the live cluster; remove offline: true (and pass a kubeconfig).');
    }
    const verify = options.verify;
    const report = await runPreflight({ ...input, verify: input.verify ?? {} }, { ...hooks, checks: hooks.checks ?? VERIFY_CHECKS, concurrency: 1, baselineResult: false, mode: 'verify' });
    const recordCheck = {
        id: 'verify-record',
        title: 'Record the deployment (start, end, duration, rollback, metrics)',
        section: 'Post-Deployment Documentation'
    };
    const metrics = finish(METRICS_CHECK, compareWithBaseline(verify.record?.baseline, report.baseline, verify.latencyFactor), 0);
    hooks.onResult?.(metrics);
    const amended = amendReport(report, [metrics]);
    const data = (id) => amended.results.find(r => r.id === id)?.data;
    const readyAt = data('verify-pods-ready')?.readyAt;
    const endedAt = readyAt ?? amended.finishedAt;
    const startedAt = verify.deployStartedAt?.toISOString();
    const durationMs = startedAt ? Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) : undefined;
    const rollbackDetected = data('verify-rollback')?.rollbackDetected === true;
    // The post-deployment record's items are ticked when the numbers are known (they are in the issue).
    const record = finish(recordCheck, startedAt
        ? {
            status: 'pass',
            message: `start ${startedAt}, end ${endedAt}, ${Math.round(durationMs / 1000)} s, rollback ${rollbackDetected ? 'yes' : 'no'}`
        }
        : {
            status: 'skip',
            skipReason: 'not-applicable',
            message: 'not applicable: the deploy start is unknown (no preflight record, no deploy-started-at)'
        }, 0);
    hooks.onResult?.(record);
    const recorded = amendReport(amended, [record]);
    return {
        ...recorded,
        verification: {
            verified: recorded.decision === 'go',
            rollbackDetected,
            startedAt,
            endedAt,
            durationMs,
            before: verify.record?.baseline,
            after: report.baseline,
            podRestarts: data('verify-restarts')?.total,
            undoCommands: verify.record?.undoCommands ?? [],
            preflightRunUrl: verify.record?.runUrl
        }
    };
}

export { VERIFY_CHECKS, runVerify };
