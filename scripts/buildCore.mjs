// Bundles the core (electron/core/serve.ts and everything it imports from the repo) into one
// JavaScript file, dist/core/serve.mjs, and the entries of its worker threads (a worker starts from a
// file of its own) into siblings, dist/core/reportWorker.mjs and dist/core/analysisWorker.mjs, so `npm run serve` and the desktop app
// start it with plain Node instead of compiling TypeScript at every launch. Packages stay in
// node_modules (better-sqlite3 is native; Electron loads its own build of it), except dayjs, whose
// plugins are imported by extensionless paths that only a bundler resolves. Rebuilt only when a
// source is newer than the bundle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CORE_BUNDLE = join(root, 'dist', 'core', 'serve.mjs');
const WORKER_BUNDLES = ['reportWorker.mjs', 'analysisWorker.mjs'].map((name) => join(root, 'dist', 'core', name));
const SOURCES = [join(root, 'electron', 'core'), join(root, 'shared')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function buildCoreIfStale() {
  const sources = Math.max(...SOURCES.map(newestMtime), statSync(join(root, 'package-lock.json')).mtimeMs);
  if (WORKER_BUNDLES.every((file) => existsSync(file)) && existsSync(CORE_BUNDLE) && statSync(CORE_BUNDLE).mtimeMs >= sources) return;
  const { build } = await import('esbuild');
  await build({
    entryPoints: [
      join(root, 'electron', 'core', 'serve.ts'),
      join(root, 'electron', 'core', 'reports', 'reportWorker.ts'),
      join(root, 'electron', 'core', 'moderation', 'analysisWorker.ts'),
    ],
    outdir: dirname(CORE_BUNDLE),
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies).filter((name) => name !== 'dayjs'),
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCoreIfStale();
