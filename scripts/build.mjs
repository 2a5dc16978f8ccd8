// Bundles the CLI into dist/ as ESM. Ink and React stay in their own chunk, loaded only by the wizard.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
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
