import { describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { catalogGetMessage, locales } from '@/test/support/locales';
import { readRepoFile } from '@/test/unit/helpers/repo-files';

/**
 * docs/store/listing.*.md: the texts pasted into the Chrome Web Store and
 * addons.mozilla.org, in three languages. Checks the stores' length limits,
 * that the languages say the same things, and that the data declared to
 * Mozilla is what the manifest declares.
 */

const LANGUAGES = ['en', 'pt_BR', 'es'] as const;
const listing = (language: string) => readRepoFile(`docs/store/listing.${language}.md`);

/** The `## ` sections of a listing, in order, without HTML comments. */
function sections(markdown: string): { heading: string; body: string }[] {
  const text = markdown.replace(/<!--[\s\S]*?-->/g, '');
  return text
    .split(/^## /m)
    .slice(1)
    .map((part) => {
      const [heading = '', ...rest] = part.split('\n');
      return { heading: heading.trim(), body: rest.join('\n').trim() };
    });
}

type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, unknown>;
const manifestFor = (browser: string) =>
  (config.manifest as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });

describe('the store listing texts', () => {
  const english = sections(listing('en'));

  it.each(LANGUAGES)('%s: has every section of the English one, in the same order', (language) => {
    const own = sections(listing(language));
    expect(own.map((s) => s.body.length > 0)).toEqual(english.map(() => true));
    expect(own).toHaveLength(english.length);
  });

  it.each(LANGUAGES)('%s: the short description fits Chrome (132 characters) and AMO (250), on one line', (language) => {
    const short = sections(listing(language))[1]!.body;
    expect(short).not.toContain('\n');
    expect(short.length).toBeGreaterThan(40);
    expect(short.length).toBeLessThanOrEqual(132);
  });

  it.each(LANGUAGES)('%s: justifies each permission and names the data Mozilla is told about', (language) => {
    const text = listing(language);
    const manifest = manifestFor('firefox');
    for (const permission of manifest.permissions as string[]) expect(text).toContain(`\`${permission}\``);
    // An optional permission is justified too, and said to be optional (asked only when the user turns on what needs it).
    for (const permission of manifest.optional_permissions as string[]) expect(text).toMatch(new RegExp(`\\*\\*\`${permission}\` \\([^)]+\\)\\*\\*`));
    for (const host of manifest.host_permissions as string[]) expect(text).toContain(`\`${host}\``);
    expect(text).toContain('`https://www.instagram.com/*`');
    expect(text).toContain('`commands`');
    const gecko = (manifest.browser_specific_settings as { gecko: { data_collection_permissions: { required: string[] } } }).gecko;
    // Every declared category, and no other of Mozilla's categories named as collected.
    const declared = gecko.data_collection_permissions.required;
    for (const category of declared) expect(text).toContain(`**\`${category}\`**`);
    expect(text.match(/\*\*`[a-zA-Z]+Info`\*\*|\*\*`browsingActivity`\*\*|\*\*`website\w+`\*\*|\*\*`searchTerms`\*\*/g)?.length).toBe(declared.length);
    expect(text).toContain('https://github.com/sociavault-tools/highlight-lookup/blob/main/PRIVACY.md');
  });

  it('the manifest description fits Chrome too (132 characters), in every language', () => {
    for (const browser of ['chrome', 'firefox']) expect(manifestFor(browser).description).toBe('__MSG_extDescription__');
    for (const locale of locales()) expect(catalogGetMessage(locale)('extDescription').length, locale).toBeLessThanOrEqual(132);
  });
});
