import { a as checklistItems, C as CHECKLIST, i as inline } from './markdown-escape-BVM5DZO1.js';

/** The verdict itself verifies "No critical issues found during testing". */
const DECISION_PSEUDO_CHECK = 'decision';
function resultsFor(item, report) {
    const byId = new Map(report.results.map(r => [r.id, r]));
    return (item.checks ?? []).flatMap(id => {
        if (id === DECISION_PSEUDO_CHECK) {
            const go = report.decision === 'go';
            const decision = {
                id,
                title: 'Go/no-go decision',
                section: '',
                status: go ? 'pass' : 'fail',
                blocking: !go,
                message: go ? 'no blocking issue found' : `no-go: ${report.failedChecks.join(', ')}`,
                durationMs: 0
            };
            return [decision];
        }
        const result = byId.get(id);
        return result ? [result] : [];
    });
}
function itemStatus(item, report) {
    if (!item.automated)
        return { item, state: 'manual', ticked: false };
    const results = resultsFor(item, report);
    if (results.length === 0)
        return { item, state: 'not-run', ticked: false, note: 'not checked by this run' };
    const failed = results.filter(r => r.status === 'fail' || r.status === 'error');
    if (failed.length > 0)
        return { item, state: 'failed', ticked: false, note: failed.map(r => r.message).join('; ') };
    const skipped = results.filter(r => r.status === 'skip');
    if (skipped.length > 0)
        return { item, state: 'skipped', ticked: false, note: skipped.map(r => r.message).join('; ') };
    const warned = results.filter(r => r.status === 'warn');
    if (warned.length > 0)
        return {
            item,
            state: 'warning',
            ticked: true,
            tickedBy: 'preflight',
            note: warned.map(r => r.message).join('; ')
        };
    return {
        item,
        state: 'passed',
        ticked: true,
        tickedBy: 'preflight',
        note: results.map(r => r.message).join('; ')
    };
}
/** Every checklist item, in document order, with its state for this report. */
function checklistStatus(report) {
    return checklistItems().map(item => itemStatus(item, report));
}

/**
 * Renders the checklist as GitHub task-list Markdown. Every item carries its stable key in an HTML
 * comment (`<!-- vapora-preflight:item=KEY -->`) so a later run can find it and merge people's ticks.
 */
const ITEM_MARKER_PREFIX = 'vapora-preflight:item=';
/** Marks a tick this tool made (so a later run can tell it from a person's tick). */
const TICKED_BY_PREFLIGHT = 'ticked-by=preflight';
const ICON = {
    passed: '✅',
    warning: '⚠️',
    failed: '❌',
    skipped: '⏭️',
    'not-run': '',
    manual: ''
};
function renderItem(status) {
    const box = status.ticked ? '[x]' : '[ ]';
    const icon = ICON[status.state];
    const text = status.state === 'failed' ? `${icon} ${inline(status.item.text)}` : inline(status.item.text);
    const optional = status.item.optional ? ' _(if applicable)_' : '';
    let note = '';
    if (status.state === 'not-run')
        note = ' — _not checked by this run_';
    else if (status.state === 'manual')
        note = '';
    else if (status.note)
        note = ` — ${status.state === 'failed' ? '' : `${icon} `}${inline(status.note, 240)}`;
    const who = status.ticked && status.tickedBy === 'preflight' ? ` ${TICKED_BY_PREFLIGHT}` : '';
    const person = status.ticked && status.tickedBy === 'person' && status.item.automated ? ' _(ticked by hand)_' : '';
    return `- ${box} ${text}${optional}${person}${note} <!-- ${ITEM_MARKER_PREFIX}${status.item.id}${who} -->`;
}
/** The whole checklist, grouped under the seed's headings. */
function renderChecklist(statuses) {
    const byId = new Map(statuses.map(s => [s.item.id, s]));
    const lines = [];
    for (const section of CHECKLIST) {
        lines.push(`### ${section.title}`, '');
        for (const group of section.groups) {
            lines.push(`#### ${group.title}`, '');
            for (const item of group.items) {
                const status = byId.get(`${section.key}.${item.key}`);
                if (status)
                    lines.push(renderItem(status));
            }
            lines.push('');
        }
    }
    return lines.join('\n');
}

export { ITEM_MARKER_PREFIX as I, TICKED_BY_PREFLIGHT as T, renderItem as a, checklistStatus as c, itemStatus as i, renderChecklist as r };
