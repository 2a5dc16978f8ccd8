// Bundles the CLI into dist/ as ESM with code splitting: dist/cli.js is a small entry that parses
// argv; the checks, execa, undici, the simulator and Ink/React load as separate chunks on demand.
// `--clean` (used by `prepack`) removes every file of earlier builds; a plain build removes only
// files of builds older than a minute, so a CLI started from the previous build can still load its chunks.
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const argv = process.argv.slice(2);
const clean = argv.includes('--clean');
const STALE_AFTER_MS = 60_000;
// --outdir DIR builds somewhere else (the package test packs a copy without touching dist/).
const outdirAt = argv.indexOf('--outdir');
const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = outdirAt >= 0 && argv[outdirAt + 1] ? resolve(argv[outdirAt + 1]) : join(root, 'dist');
// Some bundled CommonJS packages call require(); chunks that do get one (see withoutUnusedBanner).
const BANNER = "import { createRequire as __acrCreateRequire } from 'node:module'; const require = __acrCreateRequire(import.meta.url);";
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const result = await build({
  write: false,
  entryPoints: { cli: join(root, 'src/cli/main.ts') },
  absWorkingDir: root,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  metafile: argv.includes('--meta'),
  define: { __ACR_DOCTOR_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  // Ink reaches for react-devtools-core only when DEV is set; it is not shipped.
  external: ['react-devtools-core'],
  banner: { js: BANNER },
  logLevel: 'warning',
});
// --meta: what went into which chunk, for working on startup (esbuild's analyser reads this file).
if (result.metafile) {
  const metaFile = join(tmpdir(), 'acr-doctor-build-meta.json');
  await writeFile(metaFile, JSON.stringify(result.metafile));
  process.stderr.write(`build: metafile written to ${metaFile}\n`);
}

/** The chunk's text without the require() banner when nothing in it uses require: one module less to set up at startup. */
function withoutUnusedBanner(text) {
  if (!text.startsWith(BANNER)) return text;
  const body = text.slice(BANNER.length);
  return /\brequire\b/.test(body) ? text : body.replace(/^\n/, '');
}

// Each file is replaced atomically, so a test running the CLI while another build runs never reads
// half a file. Chunks are written before the entry that imports them.
await mkdir(outdir, { recursive: true });
const entry = join(outdir, 'cli.js');
const files = [...result.outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
for (const file of files) {
  await mkdir(dirname(file.path), { recursive: true });
  const tmp = `${file.path}.${process.pid}.tmp`;
  await writeFile(tmp, withoutUnusedBanner(file.text));
  await rename(tmp, file.path);
}

const current = new Set(files.map((f) => basename(f.path)));
const now = Date.now();
for (const name of await readdir(outdir)) {
  if (current.has(name)) continue;
  const path = join(outdir, name);
  try {
    const info = await stat(path);
    if (!info.isFile()) continue;
    const old = now - info.mtimeMs > STALE_AFTER_MS;
    // A young *.tmp file belongs to a build running right now, even under --clean.
    if (old || (clean && !name.endsWith('.tmp'))) await unlink(path);
  } catch {
    // Another build removed it first.
  }
}
