const MARK = { pass: '✓', warn: '!', fail: '✗', skip: '-', error: '✗' };
function progressLine(result) {
    const blocking = result.blocking ? ' [blocking]' : '';
    return `${MARK[result.status]} ${result.id.padEnd(14)} ${result.status}${blocking}: ${result.message.replace(/\s*\n\s*/g, ' ')} (${Math.round(result.durationMs)} ms)`;
}

function renderJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}

export { progressLine as p, renderJson as r };
