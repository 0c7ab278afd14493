import { ESLint } from 'eslint';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT } from '@/test/unit/helpers/repo-files';

/** The folders `npm run lint` covers (see eslint.config.js). */
const SOURCE_FOLDERS = ['entrypoints', 'components', 'utils', 'modules', 'test', 'scripts'];

const eslint = new ESLint({ cwd: ROOT });

/** Lints `code` as if it were a file at `filePath` (which need not exist) with the project's config. */
async function lintSnippet(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!;
}

const SNIPPET = `declare const el: HTMLElement;
declare const x: string;
el.innerHTML = x;
export const view = <div dangerouslySetInnerHTML={{ __html: x }} />;
eval('1');
export const f = new Function('x');
setTimeout('alert(1)', 10);
el.insertAdjacentHTML('beforeend', x);
document.write(x);
export const g = <p innerHTML={x} />;
export const ok = <p>{x}</p>;
el.textContent = x;
setTimeout(() => el.remove(), 10);
`;

describe('the lint config forbids HTML sinks and string-to-code', () => {
  it.each([
    ['el.innerHTML = x', 3, 'no-restricted-properties'],
    ['<div dangerouslySetInnerHTML={…}>', 4, 'no-restricted-syntax'],
    ["eval('1')", 5, 'no-eval'],
    ["new Function('x')", 6, 'no-new-func'],
    ["setTimeout('alert(1)')", 7, 'no-implied-eval'],
    ['insertAdjacentHTML', 8, 'no-restricted-properties'],
    ['document.write', 9, 'no-restricted-properties'],
    ['<p innerHTML={…}> (Preact sets it as a DOM property)', 10, 'no-restricted-syntax'],
  ])('reports %s', async (_name, line, ruleId) => {
    for (const filePath of ['components/__lint_probe__.tsx', 'utils/__lint_probe__.tsx', 'test/__lint_probe__.tsx']) {
      const result = await lintSnippet(SNIPPET, filePath);
      expect(result.messages.filter((m) => m.fatal)).toEqual([]);
      expect(result.messages.some((m) => m.line === line && m.ruleId === ruleId && m.severity === 2), filePath).toBe(true);
    }
  });

  it('leaves safe code alone', async () => {
    const result = await lintSnippet(SNIPPET, 'components/__lint_probe__.tsx');
    expect(result.messages.filter((m) => m.line >= 11)).toEqual([]);
    expect(result.errorCount).toBe(8);
  });

  it('applies to plain JavaScript in scripts/ too', async () => {
    const result = await lintSnippet("document.body.innerHTML = '<b>x</b>';\neval('2');\n", 'scripts/__lint_probe__.mjs');
    expect(result.messages.map((m) => m.ruleId)).toEqual(['no-restricted-properties', 'no-eval']);
  });

  it('the real source folders have no errors', async () => {
    const results = await eslint.lintFiles(SOURCE_FOLDERS);
    expect(results.length).toBeGreaterThan(20);
    const problems = results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'}: ${m.message}`),
    );
    expect(problems).toEqual([]);
  });
});

describe('the lint config keeps browser APIs out of utils/', () => {
  const BROWSER_SNIPPET = `import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import polyfill from 'webextension-polyfill';
export const a = chrome.runtime.id;
export const b = browser.runtime.id;
export const c = globalThis.chrome;
export const d = (window as { browser?: unknown }).browser;
export const e = [storage, polyfill];
`;

  it.each([
    ['an import of wxt/browser', 1, 'no-restricted-imports'],
    ['an import of WXT storage', 2, 'no-restricted-imports'],
    ['an import of the polyfill', 3, 'no-restricted-imports'],
    ['chrome.*', 4, 'no-restricted-globals'],
    ['globalThis.chrome', 6, 'no-restricted-syntax'],
  ])('reports %s in utils/', async (_name, line, ruleId) => {
    const result = await lintSnippet(BROWSER_SNIPPET, 'utils/__lint_probe__.ts');
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.messages.some((m) => m.line === line && m.ruleId === ruleId && m.severity === 2)).toBe(true);
  });

  it('allows wxt/browser and WXT storage in an entrypoint folder (the rest is the next rule’s)', async () => {
    const result = await lintSnippet(BROWSER_SNIPPET, 'entrypoints/options/__lint_probe__.ts');
    expect(result.messages.map((m) => m.line)).toEqual([3, 4, 6]);
  });
});

describe('the lint config keeps zod behind entrypoints/background/zod-jitless.ts', () => {
  const ZOD_SNIPPET = `import { z } from 'zod';\nexport const s = z.string();\n`;

  it.each(['entrypoints/background/__lint_probe__.ts', 'components/__lint_probe__.tsx', 'utils/__lint_probe__.ts'])(
    'reports an import of zod itself in %s',
    async (filePath) => {
      const result = await lintSnippet(ZOD_SNIPPET, filePath);
      expect(result.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['1 no-restricted-imports']);
    },
  );

  it.each(['zod/mini', 'zod/v4', 'zod/v4/core'])('reports %s (another entry of zod) outside zod.ts', async (entry) => {
    const snippet = ZOD_SNIPPET.replace("'zod'", `'${entry}'`);
    for (const filePath of ['entrypoints/background/__lint_probe__.ts', 'utils/__lint_probe__.ts']) {
      const result = await lintSnippet(snippet, filePath);
      expect(result.messages.map((m) => `${m.line} ${m.ruleId}`), filePath).toEqual(['1 no-restricted-imports']);
    }
  });

  it('allows it in zod.ts, and the configured z everywhere', async () => {
    expect((await lintSnippet(ZOD_SNIPPET, 'entrypoints/background/zod-jitless.ts')).messages).toEqual([]);
    expect((await lintSnippet(ZOD_SNIPPET.replace("'zod'", "'zod/mini'"), 'entrypoints/background/zod-jitless.ts')).messages).toEqual([]);
    const viaConfig = `import { z } from './zod';\nexport const s = z.string();\n`;
    expect((await lintSnippet(viaConfig, 'entrypoints/background/__lint_probe__.ts')).messages).toEqual([]);
  });
});

describe('the lint config keeps hard-coded words out of the pages', () => {
  const TEXT_SNIPPET = `declare const t: (key: string, ...subs: unknown[]) => string;
declare const busy: boolean;
declare const handle: string;
declare const setMessage: (m: { tone: string; text: string }) => void;
export const a = <p>Try again</p>;
export const b = <button aria-label="Settings" />;
export const c = <input placeholder={'natgeo or instagram.com/natgeo'} />;
export const d = <span>{busy ? 'Refreshing…' : t('refresh')}</span>;
export const e = <a title={\`Open @\${handle}\`} />;
export const f = <Loading label="Checking this tab…" />;
export const g = () => setMessage({ tone: 'error', text: 'Key saved.' });
export const h = () => { document.title = 'Highlight Lookup'; };
export const i = <section aria-label={\`Highlights of @\${handle}\`} />;
export const ok1 = <p class="hint" data-testid="key-state" dir="ltr">{t('keyChecking')}</p>;
export const ok2 = <span aria-hidden="true">{busy ? '▾' : '▸'}</span>;
export const ok3 = <a title={t('openProfileOnInstagram')}>{\`@\${handle}\`}</a>;
export const ok4 = () => setMessage({ tone: busy ? 'error' : 'success', text: t(busy ? 'keyHide' : 'keyShow') });
export const ok5 = <button type="button" aria-label={t('copyIdLabel', handle)} />;
`;
  const Loading = 'declare function Loading(props: { label: string }): null;\n';

  it.each(['components/__lint_probe__.tsx', 'entrypoints/popup/__lint_probe__.tsx', 'entrypoints/options/__lint_probe__.tsx'])(
    'reports text in JSX, text attributes and props, messages and document.title in %s',
    async (filePath) => {
      const result = await lintSnippet(Loading + TEXT_SNIPPET, filePath);
      expect(result.messages.filter((m) => m.fatal)).toEqual([]);
      const lines = result.messages.filter((m) => m.ruleId === 'local/no-hard-coded-text').map((m) => m.line - 1);
      expect(lines).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
    },
  );

  it('leaves the background and utils/ alone (they return messages, not markup)', async () => {
    const result = await lintSnippet(Loading + TEXT_SNIPPET, 'entrypoints/background/__lint_probe__.tsx');
    expect(result.messages.filter((m) => m.ruleId === 'local/no-hard-coded-text')).toEqual([]);
  });
});

describe('the lint config lets product code reach the extension API one way: wxt/browser', () => {
  const RUNTIME_FILES = [
    'entrypoints/background/__lint_probe__.ts',
    'entrypoints/popup/__lint_probe__.ts',
    'entrypoints/options/__lint_probe__.ts',
    'entrypoints/collection/__lint_probe__.ts',
    'entrypoints/profile-watcher/__lint_probe__.ts',
    'components/__lint_probe__.tsx',
    'entrypoints/background/zod-jitless.ts',
  ];
  const WXT_BROWSER = `import { browser, type Browser } from 'wxt/browser';
import type { WxtBrowser } from 'wxt/browser';
export const id = browser.runtime.id;
export type T = [Browser.tabs.Tab, WxtBrowser];
`;
  const OTHER_WAYS = `import polyfill from 'webextension-polyfill';
import { browser as wrapped } from '@wxt-dev/webextension-polyfill/browser';
import { browser as own } from '@wxt-dev/browser';
export const a = chrome.runtime.id;
export const b = browser.runtime.id;
export const c = globalThis.chrome;
export const d = self.browser;
export const e = [polyfill, wrapped, own];
`;

  it.each(RUNTIME_FILES)('allows wxt/browser, its values and its types, in %s', async (filePath) => {
    expect((await lintSnippet(WXT_BROWSER, filePath)).messages).toEqual([]);
  });

  it.each(RUNTIME_FILES)('reports every other way in %s', async (filePath) => {
    const result = await lintSnippet(OTHER_WAYS, filePath);
    expect(result.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([
      '1 no-restricted-imports',
      '2 no-restricted-imports',
      '3 no-restricted-imports',
      '4 no-restricted-globals',
      '5 no-restricted-globals',
      '6 no-restricted-syntax',
      '7 no-restricted-syntax',
    ]);
  });

  it('still reports HTML sinks there (the rule lists are merged, not replaced)', async () => {
    const result = await lintSnippet('declare const el: HTMLElement;\nel.insertAdjacentHTML("beforeend", "x");\nexport const v = <div dangerouslySetInnerHTML={{ __html: "x" }} />;\n', 'components/__lint_probe__.tsx');
    expect(result.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['2 no-restricted-properties', '3 no-restricted-syntax']);
  });
});
