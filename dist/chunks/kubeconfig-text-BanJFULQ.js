'use strict';

var fs = require('node:fs');
var preflight = require('./markdown-B3dz7ddV.js');
var version = require('./version-Sfzk9NQZ.js');

/**
 * Kubeconfig content as text: decoded from raw YAML or base64, and the values in it that must never be
 * printed. Apart from config.ts (which loads client-node) so that the action can mask a kubeconfig before
 * anything heavy is loaded.
 */
/** Decodes kubeconfig content given as raw YAML or base64; throws a UsageError that says what to pass. */
function decodeKubeconfig(content) {
    const trimmed = content.trim();
    const looksLikeYaml = (text) => /(^|\n)\s*(clusters|apiVersion|contexts)\s*:/.test(text);
    if (looksLikeYaml(trimmed))
        return trimmed;
    if (/^[A-Za-z0-9+/=\s_-]+$/.test(trimmed)) {
        const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
        if (looksLikeYaml(decoded))
            return decoded;
    }
    if (!trimmed.includes('\n') && fs.existsSync(trimmed)) {
        throw new version.UsageError('kubeconfig: this looks like a file path. Pass the file content (or its base64), not its path.');
    }
    throw new version.UsageError('kubeconfig: not a kubeconfig in YAML or base64 (no "clusters:" found). Pass the file content, e.g. ${{ secrets.KUBECONFIG }}.');
}
/**
 * Parses kubeconfig text. Warnings are not logged: yaml prints them to stderr quoting the file around the
 * problem (a map used as a key, say), which may hold a token, and before the adapter can mask it.
 */
const parseKubeconfig = (text) => preflight.distExports.parse(text, { logLevel: 'error' });
const SECRET_NAME = /token|key|password|certificate-data|secret/i;
function secretsIn(doc) {
    const secrets = new Set();
    const add = (value) => {
        if (typeof value === 'string' && value.length >= 6)
            secrets.add(value);
    };
    for (const entry of Array.isArray(doc?.users) ? doc.users : []) {
        const user = entry?.user ?? {};
        for (const [key, value] of Object.entries(user))
            if (SECRET_NAME.test(key))
                add(value);
        // An exec plugin's env often carries one (AWS_SECRET_ACCESS_KEY, a vault token).
        const env = user.exec?.env;
        for (const variable of Array.isArray(env) ? env : []) {
            const { name, value } = (variable ?? {});
            if (typeof name === 'string' && SECRET_NAME.test(name))
                add(value);
        }
    }
    return [...secrets];
}
/** Every value in a kubeconfig that must never be printed (tokens, keys, passwords, cert data, exec env secrets). */
function kubeconfigSecrets(yamlText) {
    try {
        return secretsIn(parseKubeconfig(yamlText));
    }
    catch {
        return [];
    }
}

exports.decodeKubeconfig = decodeKubeconfig;
exports.kubeconfigSecrets = kubeconfigSecrets;
exports.parseKubeconfig = parseKubeconfig;
exports.secretsIn = secretsIn;
