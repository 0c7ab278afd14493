import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { META_KEYS, PLURAL_FORMS } from '@/utils/i18n';
import { catalogGetMessage, DEFAULT_LOCALE, locales, readCatalog, translatorFor, type Catalog, type CatalogEntry } from '@/test/support/locales';
import { REPO_ROOT as ROOT } from '@/test/unit/helpers/repo-files';

/**
 * public/_locales: every catalog has exactly the English keys, the same
 * substitutions in the same places, the plural forms its language needs,
 * and a translation rather than a copy of the English; every English key is
 * used somewhere.
 */

const LOCALES = locales();
const OTHERS = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);
const english = readCatalog(DEFAULT_LOCALE);

const PLURAL_SUFFIX = new RegExp(`_(${PLURAL_FORMS.join('|')})$`);

/** `highlightCount_one` → [`highlightCount`, `one`]; a key that is no plural form → [key, null]. */
function splitKey(key: string): [base: string, form: string | null] {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? [key.slice(0, match.index), match[1]!] : [key, null];
}

/** Plain messages, and plural messages with their forms. */
function shape(catalog: Catalog) {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of Object.keys(catalog)) {
    const [base, form] = splitKey(key);
    if (form === null) plain.add(key);
    else plurals.set(base, (plurals.get(base) ?? new Set()).add(form));
  }
  return { plain, plurals };
}

/** Which substitutions a message uses: `$1`… through its placeholders, and `$n` written directly. */
function substitutions(entry: CatalogEntry): string[] {
  const used = new Set<string>();
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p]));
  for (const [, name] of entry.message.matchAll(/\$([a-z0-9_@]+)\$/gi)) {
    for (const [, index] of (placeholders[name!.toLowerCase()]?.content ?? '').matchAll(/\$(\d)/g)) used.add(index!);
  }
  for (const [, index] of entry.message.replace(/\$[a-z0-9_@]+\$/gi, '').matchAll(/\$(\d)/g)) used.add(index!);
  return [...used].sort();
}

/** The English message a locale's entry answers to: the same key, or for a plural form, the English `_other`. */
function englishFor(key: string): CatalogEntry | undefined {
  const [base, form] = splitKey(key);
  return english[form === null ? key : `${base}_other`];
}

/** The forms a locale declares for its plural messages. */
function declaredForms(locale: string): string[] {
  return readCatalog(locale).pluralForms!.message.split(/\s+/);
}

describe('the catalogs', () => {
  it('are English (the default) and at least Brazilian Portuguese and Spanish', () => {
    expect(LOCALES[0]).toBe('en');
    expect(LOCALES).toEqual(expect.arrayContaining(['pt_BR', 'es']));
  });

  it.each(LOCALES)('%s: names are what Chrome accepts, unique regardless of case', (locale) => {
    const keys = Object.keys(readCatalog(locale));
    for (const key of keys) expect(key).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
  });

  it.each(LOCALES)('%s: says which language it is in, as its folder does', (locale) => {
    const tag = readCatalog(locale).languageTag!.message;
    expect(tag).toBe(locale.replace('_', '-'));
    expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
  });

  it.each(OTHERS)('%s: has every English message and no other', (locale) => {
    const own = shape(readCatalog(locale));
    const reference = shape(english);
    expect([...own.plain].sort()).toEqual([...reference.plain].sort());
    expect([...own.plurals.keys()].sort()).toEqual([...reference.plurals.keys()].sort());
  });

  it.each(LOCALES)('%s: gives every plural message the forms its language needs, and only those', (locale) => {
    const forms = declaredForms(locale);
    const tag = readCatalog(locale).languageTag!.message;
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories as string[];
    expect(forms).toContain('other');
    for (const form of forms) expect(['0', ...categories], `${locale}: form ${form}`).toContain(form);
    // Every category a count (0 … 9999) falls into; 0's only when there is no exact-zero form.
    const rules = new Intl.PluralRules(tag);
    const needed = new Set(Array.from({ length: 9999 }, (_, i) => rules.select(i + 1)));
    if (!forms.includes('0')) needed.add(rules.select(0));
    for (const category of needed) expect(forms, `${locale} needs the ${category} form`).toContain(category);
    for (const [base, own] of shape(readCatalog(locale)).plurals) expect([...own].sort(), `${locale}: ${base}`).toEqual([...forms].sort());
  });

  it.each(LOCALES)('%s: every $NAME$ is a declared placeholder and every placeholder stands for a substitution', (locale) => {
    for (const [key, entry] of Object.entries(readCatalog(locale))) {
      const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      for (const [, name] of entry.message.matchAll(/\$([a-z0-9_@]+)\$/gi)) expect(declared, `${locale}: ${key}`).toContain(name!.toLowerCase());
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(placeholder.content, `${locale}: ${key}.${name}`).toMatch(/^\$[1-9]$/);
        expect(entry.message.toLowerCase(), `${locale}: ${key} declares ${name} but does not use it`).toContain(`$${name.toLowerCase()}$`);
      }
    }
  });

  it.each(OTHERS)('%s: substitutes what English does, under the same placeholder names', (locale) => {
    for (const [key, entry] of Object.entries(readCatalog(locale))) {
      const reference = englishFor(key)!;
      const [, form] = splitKey(key);
      const own = substitutions(entry);
      const expected = substitutions(reference);
      // A plural form may leave out the count ($1): "one highlight", "no credits".
      if (form !== null && form !== 'other') expect(own, `${locale}: ${key}`).toEqual(expected.filter((index) => index !== '1' || own.includes('1')));
      else expect(own, `${locale}: ${key}`).toEqual(expected);
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(reference.placeholders?.[name]?.content, `${locale}: ${key}.${name}`).toBe(placeholder.content);
      }
    }
  });

  it.each(OTHERS)('%s: is a translation, not a copy of the English', (locale) => {
    // Names, formats and units that read the same in these languages.
    const SAME_EVERYWHERE = new Set(['extName', 'keyPlaceholder', 'durationSeconds', 'durationMinutes', 'pluralForms']);
    const copied = Object.entries(readCatalog(locale))
      .filter(([key, entry]) => !SAME_EVERYWHERE.has(key) && english[key]?.message === entry.message)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });

  it.each(LOCALES)('%s: no message is empty or padded, and each renders without a leftover $', (locale) => {
    const getMessage = catalogGetMessage(locale);
    for (const [key, entry] of Object.entries(readCatalog(locale))) {
      expect(entry.message.trim(), `${locale}: ${key}`).toBe(entry.message);
      expect(entry.message.length, `${locale}: ${key}`).toBeGreaterThan(0);
      expect(getMessage(key, ['A', 'B', 'C', 'D']), `${locale}: ${key}`).not.toContain('$');
    }
  });

  it('English describes every message for translators', () => {
    for (const [key, entry] of Object.entries(english)) expect(entry.description, key).toMatch(/\S/);
  });
});

describe('every English message is used', () => {
  const sources = ['entrypoints', 'components', 'utils']
    .flatMap((folder) => readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).map((file) => join(ROOT, folder, file)))
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .concat(join(ROOT, 'wxt.config.ts'));
  const code = sources.map((file) => readFileSync(file, 'utf8')).join('\n');

  it('reads the sources', () => {
    expect(sources.map((file) => relative(ROOT, file))).toEqual(expect.arrayContaining(['utils/i18n.ts', 'entrypoints/popup/panels/ErrorPanel.tsx', 'wxt.config.ts']));
  });

  it.each([...new Set(Object.keys(english).map((key) => splitKey(key)[0]))].filter((key) => !(META_KEYS as readonly string[]).includes(key)))(
    '%s',
    (key) => {
      expect(code.includes(`'${key}'`) || code.includes(`__MSG_${key}__`)).toBe(true);
    },
  );
});

describe('what a language says', () => {
  it.each([
    ['en', ['0 credits', '1 credit', '2 credits', '21 credits']],
    ['pt_BR', ['0 créditos', '1 crédito', '2 créditos', '21 créditos']],
    ['es', ['0 créditos', '1 crédito', '2 créditos', '21 créditos']],
  ])('%s counts credits', (locale, expected) => {
    const t = translatorFor(locale);
    expect([0, 1, 2, 21].map((n) => t({ plural: 'credits', count: n, subs: [] }))).toEqual(expected);
  });

  it.each([
    ['en', 'Highlights of @nasa', 'Try again', 'Out of credits'],
    ['pt_BR', 'Destaques de @nasa', 'Tentar novamente', 'Sem créditos'],
    ['es', 'Historias destacadas de @nasa', 'Reintentar', 'Sin créditos'],
  ])('%s: the toolbar title, a button, an error', (locale, title, button, error) => {
    const t = translatorFor(locale);
    expect([t('highlightsOf', 'nasa'), t('tryAgain'), t('errOutOfCreditsTitle')]).toEqual([title, button, error]);
  });

  it.each(LOCALES)('%s: the manifest texts fit the stores (name 45, description 132 characters)', (locale) => {
    const getMessage = catalogGetMessage(locale);
    expect(getMessage('extName').length).toBeLessThanOrEqual(45);
    expect(getMessage('extDescription').length).toBeLessThanOrEqual(132);
    expect(getMessage('commandOpenPopup').length).toBeGreaterThan(0);
  });
});
