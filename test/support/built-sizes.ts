/**
 * What each part of a built extension loads, and how big it is: the files of
 * the background, of the toolbar popup (its HTML's scripts, every chunk they
 * import, and its style sheets) and of the content scripts, each file's bytes
 * and its gzip size (level 9, each file on its own). Deterministic for a given
 * build, so the size budgets (test/unit/manifest.test.ts) and `npm run bench`
 * read them from here.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSet {
  /** Paths relative to the build folder. */
  files: string[];
  bytes: number;
  /** The sum of each file's gzip size. */
  gzip: number;
}

export interface BuiltSizes {
  background: FileSet;
  /** Scripts and style sheets of the action's popup page (not the HTML itself). */
  popup: FileSet;
  /** Scripts and style sheets of every content script. */
  content: FileSet;
}

interface ManifestParts {
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export function fileSet(dir: string, files: readonly string[]): FileSet {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    bytes += content.length;
    gzip += gzipSize(content);
  }
  return { files: [...files], bytes, gzip };
}

/** A path in the build folder for a reference made from `from` (a page or a chunk). */
function resolveRef(ref: string, from: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) throw new Error(`${from} loads a remote file: ${ref}`);
  return ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(from), ref);
}

/**
 * The scripts (script src and modulepreload, and every chunk they import,
 * statically or dynamically) and style sheets an HTML page of the build loads.
 */
export function pageFiles(dir: string, html: string): { scripts: string[]; styles: string[] } {
  const text = readFileSync(join(dir, html), 'utf8');
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const queue: string[] = [];
  const addScript = (ref: string, from: string) => {
    const path = resolveRef(ref, from);
    if (!scripts.has(path)) {
      scripts.add(path);
      queue.push(path);
    }
  };
  for (const [, src] of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) addScript(src!, html);
  for (const [, href] of text.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) addScript(href!, html);
  for (const [, href] of text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)) styles.add(resolveRef(href!, html));
  while (queue.length) {
    const file = queue.shift()!;
    const code = readFileSync(join(dir, file), 'utf8');
    // Static `import … from"./x.js"`, bare `import"./x.js"` and dynamic `import("./x.js")`.
    for (const [, ref] of code.matchAll(/\b(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) addScript(ref!, file);
  }
  return { scripts: [...scripts], styles: [...styles] };
}

/** The sizes of a built (unpacked) extension's background, popup and content scripts. */
export function builtSizes(dir: string): BuiltSizes {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestParts;
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  const popupHtml = manifest.action?.default_popup;
  const popup = popupHtml ? pageFiles(dir, popupHtml) : { scripts: [], styles: [] };
  const content = (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]);
  return {
    background: fileSet(dir, background),
    popup: fileSet(dir, [...popup.scripts, ...popup.styles]),
    content: fileSet(dir, [...new Set(content)]),
  };
}
