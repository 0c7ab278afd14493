/**
 * What each part of a built extension loads, and how big it is: the files of
 * the background, of the toolbar popup (what it loads to open: its HTML's
 * scripts, every chunk they import statically, and its style sheets; and apart
 * from those the chunks it imports dynamically, later) and of the content scripts, each file's bytes
 * and its gzip size (level 9, each file on its own). Deterministic for a given
 * build, so the size budgets (test/build/manifest.test.ts) and `npm run bench`
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
  /**
   * What the action's popup loads to open: the scripts its HTML names, every
   * chunk they import statically, and its style sheets (not the HTML itself).
   */
  popup: FileSet;
  /** Chunks the popup imports dynamically (on a user's action or a later answer), and theirs, not loaded at open. */
  popupLazy: FileSet;
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

/** Static `import … from"./x.js"` and bare `import"./x.js"` of a built chunk. */
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
/** Dynamic `import("./x.js")`. */
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

/**
 * What an HTML page of the build loads: `scripts` and `styles` when it opens
 * (script src and modulepreload, every chunk they import statically, style
 * sheets it links), and `lazyScripts`, the chunks imported dynamically from
 * those (and what those import), which load only when the page asks for them.
 */
export function pageFiles(dir: string, html: string): { scripts: string[]; styles: string[]; lazyScripts: string[] } {
  const text = readFileSync(join(dir, html), 'utf8');
  const styles = new Set<string>();
  const follow = (roots: Set<string>, pattern: RegExp, known: ReadonlySet<string>): Set<string> => {
    const found = new Set(roots);
    const queue = [...roots];
    while (queue.length) {
      const file = queue.shift()!;
      const code = readFileSync(join(dir, file), 'utf8');
      for (const [, ref, otherRef] of code.matchAll(pattern)) {
        const path = resolveRef((ref ?? otherRef)!, file);
        if (!found.has(path) && !known.has(path)) {
          found.add(path);
          queue.push(path);
        }
      }
    }
    return found;
  };
  const roots = new Set<string>();
  for (const [, src] of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) roots.add(resolveRef(src!, html));
  for (const [, href] of text.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) roots.add(resolveRef(href!, html));
  for (const [, href] of text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)) styles.add(resolveRef(href!, html));
  const atOpen = follow(roots, STATIC_IMPORT, new Set());
  const dynamicRoots = new Set<string>();
  for (const file of atOpen) {
    for (const [, ref] of readFileSync(join(dir, file), 'utf8').matchAll(DYNAMIC_IMPORT)) {
      const path = resolveRef(ref!, file);
      if (!atOpen.has(path)) dynamicRoots.add(path);
    }
  }
  // What a lazy chunk imports, statically or not, that the page did not load at open.
  const lazy = follow(dynamicRoots, new RegExp(`${STATIC_IMPORT.source}|${DYNAMIC_IMPORT.source}`, 'g'), atOpen);
  // A lazy chunk brings its style in its code (the build refuses chunks with style sheets: modules/plain-dynamic-imports.ts).
  return { scripts: [...atOpen], styles: [...styles], lazyScripts: [...lazy] };
}

/** The sizes of a built (unpacked) extension's background, popup and content scripts. */
export function builtSizes(dir: string): BuiltSizes {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestParts;
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  const popupHtml = manifest.action?.default_popup;
  const popup = popupHtml ? pageFiles(dir, popupHtml) : { scripts: [], styles: [], lazyScripts: [] };
  const content = (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]);
  return {
    background: fileSet(dir, background),
    popup: fileSet(dir, [...popup.scripts, ...popup.styles]),
    popupLazy: fileSet(dir, popup.lazyScripts),
    content: fileSet(dir, [...new Set(content)]),
  };
}
