'use strict';

var child_process = require('node:child_process');

/**
 * The kubectl on this machine's PATH, the one the deploy job will use: `kubectl version --client -o json`,
 * bounded to 5 s. Undefined when there is none, it fails, or it prints something else.
 */
function kubectlClientVersion() {
    return new Promise(resolve => {
        child_process.execFile('kubectl', ['version', '--client', '-o', 'json'], { timeout: 5000 }, (error, stdout) => {
            if (error)
                return resolve(undefined);
            try {
                resolve(JSON.parse(stdout).clientVersion?.gitVersion);
            }
            catch {
                resolve(undefined);
            }
        });
    });
}

exports.kubectlClientVersion = kubectlClientVersion;
