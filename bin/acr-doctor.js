#!/usr/bin/env node
// Launcher: refuse old Node clearly, answer a bare `--version` at once, tune the runtime, then load the bundle.
import { readFileSync } from 'node:fs';

const [major, minor, patch] = process.versions.node.split('.').map(Number);
const ok = major > 20 || (major === 20 && (minor > 18 || (minor === 18 && patch >= 1)));
if (!ok) {
  process.stderr.write(`acr-doctor needs Node.js 20.18.1 or newer; this is ${process.version}. Install a newer Node.js and try again.\n`);
  process.exit(2);
}
const argv = process.argv.slice(2);

// `acr-doctor demo --list | head -3`: a reader that stops early is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// `--version` alone always means "print the version" (no option or variable changes that), and the
// bundle's version is package.json's, which ships beside this file: no need to load the bundle.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  // Node 22.1+ can keep the bundle's compiled code on disk between runs; older versions skip it.
  if (major >= 22) {
    try {
      const { enableCompileCache } = await import('node:module');
      enableCompileCache?.();
    } catch {
      // A cache that cannot be used only costs speed.
    }
  }
  // After the first responses V8 recompiles undici's WebAssembly HTTP parser with its optimising
  // compiler, which briefly costs ~35 MB of memory for a parser that reads a dozen small responses
  // here. The baseline compiler's code is fast enough for that.
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--liftoff-only');
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(argv);
}
