/**
 * The extension's message catalogs (public/_locales/<lang>/messages.json)
 * read in Node, and `getMessage` as the browsers implement it, so that tests
 * can see every text in every language without a browser: unit tests run in
 * English through it, the locale tests compare the catalogs, and end-to-end
 * tests look for the texts a language shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTranslator, type GetMessage, type Translate } from '../../utils/i18n';

// A path, not a URL: under a DOM environment (happy-dom, for the page components'
// unit tests) the global URL is the DOM's own, which node:fs does not take.
const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales');

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

/** The default locale (manifest `default_locale`): every other catalog falls back to it, key by key. */
export const DEFAULT_LOCALE = 'en';

/** Every locale folder, the default first: `en`, `es`, `pt_BR`, … */
export function locales(): string[] {
  const found = readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return [DEFAULT_LOCALE, ...found.filter((locale) => locale !== DEFAULT_LOCALE)];
}

export function readCatalog(locale: string): Catalog {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalog;
}

/** Scripts written right to left, as Chrome decides `@@bidi_dir`. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ps', 'sd', 'ug', 'ur', 'yi', 'dv', 'ckb']);

/**
 * `chrome.i18n.getMessage` over the catalog of `locale` (an `_locales` folder
 * name) falling back to English, as the browser does with that UI language:
 * `$name$` placeholders become their content, then `$1`…`$9` the
 * substitutions (never re-read), `$$` a dollar; names are case-insensitive;
 * an unknown name gives ''. `uiLocale` (default: `locale`) is the browser's
 * language, which `@@ui_locale` and `@@bidi_dir` report.
 */
export function catalogGetMessage(locale: string, uiLocale = locale): GetMessage {
  const chain = [...new Set([locale, DEFAULT_LOCALE])].map((name) => lowerCaseKeys(readCatalog(name)));
  return (name, substitutions = []) => {
    if (name === '@@ui_locale') return uiLocale;
    if (name === '@@bidi_dir') return RTL_LANGUAGES.has(uiLocale.split(/[-_]/)[0]!.toLowerCase()) ? 'rtl' : 'ltr';
    const entry = chain.map((catalog) => catalog[name.toLowerCase()]).find(Boolean);
    if (!entry) return '';
    const placeholders = lowerCaseKeys(entry.placeholders ?? {});
    const withContent = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, placeholder: string) => placeholders[placeholder.toLowerCase()]?.content ?? whole);
    return withContent.replace(/\$(\d)|\$\$/g, (whole, index?: string) => (index === undefined ? '$' : (substitutions[Number(index) - 1] ?? '')));
  };
}

/** A translator for one locale, as a page of the extension in that language has it. */
export function translatorFor(locale: string, uiLocale = locale): Translate {
  return createTranslator(catalogGetMessage(locale, uiLocale));
}

function lowerCaseKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}
