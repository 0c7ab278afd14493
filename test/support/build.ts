/**
 * The one way the extension gets built for tests, the demo and the bench:
 * `npx wxt build` (with `-b firefox` for Firefox) in the repository.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type TargetBrowser = 'chrome' | 'firefox';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where `wxt build` writes the unpacked extension for a browser. */
export function extensionDir(browser: TargetBrowser = 'chrome'): string {
  return join(REPO_ROOT, '.output', `${browser}-mv3`);
}

export interface BuildOptions {
  browser?: TargetBrowser;
  /** Build only when there is no build yet (E2E_REBUILD=1 builds anyway). */
  ifMissing?: boolean;
  /** How many times to try (default 1): a build can fail for a moment while files are being edited. */
  attempts?: number;
  retryDelayMs?: number;
  /** 'inherit' shows wxt's output as it goes; 'capture' (default) keeps it for the error. */
  output?: 'inherit' | 'capture';
  /** Where a retry is announced (default console.warn). */
  log?: (line: string) => void;
}

export interface Build {
  dir: string;
  /** False when an existing build was kept (`ifMissing`). */
  built: boolean;
  ms: number;
}

function runWxtBuild(browser: TargetBrowser, output: 'inherit' | 'capture'): Promise<{ ok: boolean; output: string }> {
  const args = ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
  return new Promise((resolve) => {
    const child = spawn('npx', args, {
      cwd: REPO_ROOT,
      env: process.env,
      stdio: ['ignore', output === 'inherit' ? 'inherit' : 'pipe', output === 'inherit' ? 'inherit' : 'pipe'],
    });
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, output: `Could not run \`npx ${args.join(' ')}\`: ${error.message}` }));
    child.on('close', (code, signal) =>
      resolve({ ok: code === 0, output: code === 0 ? text : `${text}\n(${signal ?? `exit code ${code}`})` }),
    );
  });
}

/** Builds the extension for `browser`; throws with wxt's output (its end) when it does not build. */
export async function buildExtension({
  browser = 'chrome',
  ifMissing = false,
  attempts = 1,
  retryDelayMs = 60_000,
  output = 'capture',
  log = console.warn,
}: BuildOptions = {}): Promise<Build> {
  const dir = extensionDir(browser);
  const manifest = join(dir, 'manifest.json');
  const started = Date.now();
  if (ifMissing && existsSync(manifest) && process.env.E2E_REBUILD !== '1') return { dir, built: false, ms: 0 };
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const run = await runWxtBuild(browser, output);
    if (run.ok && existsSync(manifest)) return { dir, built: true, ms: Date.now() - started };
    last = run.output;
    if (attempt < attempts) {
      log(`wxt build (${browser}) failed (attempt ${attempt}/${attempts}); retrying in ${retryDelayMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    }
  }
  const tries = attempts > 1 ? ` ${attempts} times` : '';
  const shown = output === 'inherit' ? `(${last.trim()}; its output is above)` : `Its output:\n${last.trim().slice(-4000)}`;
  throw new Error(`\`wxt build\` for ${browser} failed${tries}. ${shown}\nRun \`npm ci\` if dependencies are missing.`);
}
