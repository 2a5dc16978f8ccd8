#!/usr/bin/env node
// Launcher: refuse old Node clearly, then load the bundle.
const [major, minor, patch] = process.versions.node.split('.').map(Number);
const ok = major > 20 || (major === 20 && (minor > 18 || (minor === 18 && patch >= 1)));
if (!ok) {
  process.stderr.write(`acr-doctor needs Node.js 20.18.1 or newer; this is ${process.version}. Install a newer Node.js and try again.\n`);
  process.exit(2);
}
// Node 22.1+ can keep the bundle's compiled code on disk between runs; older versions simply skip it.
if (major >= 22) {
  try {
    const { enableCompileCache } = await import('node:module');
    enableCompileCache?.();
  } catch {
    // A cache that cannot be used only costs speed.
  }
}
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
