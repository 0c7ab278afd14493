import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_EXTENSION_DIR } from './browser';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the extension with `wxt build` when there is no build yet (or when
 * E2E_REBUILD=1). Retries, because a build can fail for a moment while files are
 * being edited.
 */
export async function ensureExtensionBuild({ attempts = 3, retryDelayMs = 60_000 } = {}): Promise<void> {
  const manifest = join(DEFAULT_EXTENSION_DIR, 'manifest.json');
  if (existsSync(manifest) && process.env.E2E_REBUILD !== '1') return;
  let output = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const run = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
    if (run.status === 0 && existsSync(manifest)) return;
    output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
    if (attempt < attempts) {
      console.warn(`wxt build failed (attempt ${attempt}/${attempts}); retrying in ${retryDelayMs / 1000} s`);
      await new Promise((r) => setTimeout(r, retryDelayMs));
    }
  }
  throw new Error(`wxt build failed ${attempts} times; last output:\n${output.slice(-4000)}`);
}

/** Vitest globalSetup entry. */
export default async function setup(): Promise<void> {
  await ensureExtensionBuild();
}
