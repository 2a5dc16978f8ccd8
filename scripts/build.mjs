// Bundles the CLI into dist/ as ESM. Ink and React stay in their own chunk, loaded only by the wizard.
import { build } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const result = await build({
  write: false,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  define: { __ACR_DOCTOR_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  // Ink reaches for react-devtools-core only when DEV is set; it is not shipped.
  external: ['react-devtools-core'],
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __acrCreateRequire } from 'node:module'; const require = __acrCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Each file is replaced atomically, so a test running the CLI while another build runs never reads half a file.
for (const file of result.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  const tmp = `${file.path}.${process.pid}.tmp`;
  await writeFile(tmp, file.contents);
  await rename(tmp, file.path);
}
