/**
 * Source of the stand-in `az` the demo puts first on PATH. It forwards its arguments to the
 * simulator's admin endpoint and prints what comes back, so it shares the simulator's state.
 * Plain CommonJS with no dependencies: it runs under any Node the CLI runs under.
 */
export const AZ_STANDIN_SOURCE = `#!/usr/bin/env node
'use strict';
const https = require('node:https');
const fs = require('node:fs');
const path = require('node:path');

function fail(message) {
  process.stderr.write('ERROR: ' + message + '\\n');
  process.exit(1);
}

let cfg;
try {
  cfg = JSON.parse(fs.readFileSync(path.join(__dirname, 'standin.json'), 'utf8'));
} catch (err) {
  fail(cfg && cfg.unreachable ? cfg.unreachable : 'the acr-doctor demo is not running (' + err.message + ')');
}

const body = JSON.stringify({ argv: process.argv.slice(2) });
const url = new URL(cfg.adminUrl + '/az');
const req = https.request(
  {
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    ca: cfg.ca,
    timeout: 10000,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [cfg.header]: cfg.token },
  },
  (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (c) => (text += c));
    res.on('end', () => {
      let r;
      try {
        r = JSON.parse(text);
      } catch {
        fail(cfg.unreachable.replace('{message}', 'HTTP ' + res.statusCode));
      }
      if (typeof r.exitCode !== 'number') fail(cfg.unreachable.replace('{message}', 'HTTP ' + res.statusCode));
      if (r.stdout) process.stdout.write(r.stdout + '\\n');
      if (r.stderr) process.stderr.write(r.stderr + '\\n');
      process.exitCode = r.exitCode;
    });
  },
);
req.on('timeout', () => req.destroy(new Error('timed out')));
req.on('error', (err) => fail(cfg.unreachable.replace('{message}', err.message)));
req.end(body);
`;

/** Windows runs `az.cmd`: hand the same script to node. */
export const AZ_STANDIN_CMD = '@echo off\r\nnode "%~dp0az" %*\r\n';
