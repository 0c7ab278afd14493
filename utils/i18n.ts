/**
 * The extension's words in the browser's language. The messages live in
 * `public/_locales/<lang>/messages.json` (English, `en`, is the default and
 * the reference every other catalog is checked against). This file does not
 * touch the browser: code that shows text passes in the browser's
 * `i18n.getMessage`. Code that only decides *what* to say (in utils/ or the
 * background) returns a `Text` instead: a message key and its substitutions.
 * A `Text` is plain data, so it can travel in an extension message; the page
 * that shows it translates it.
 *
 * Plurals: chrome.i18n has none, so a plural message has one entry per form:
 * `<key>_one`, `<key>_other`, …, named after the CLDR plural category that
 * `Intl.PluralRules` picks for the catalog's language. A language that words
 * an exact zero differently also has `<key>_0` (like ICU's `=0`). Each catalog
 * lists in its `pluralForms` message the forms that every one of its plural
 * messages has, and only those forms are ever asked for, because Firefox logs
 * every message name it does not know.
 */
import type english from '@/public/_locales/en/messages.json';

/** Every message name in the English catalog, plural forms included. */
export type MessageName = keyof typeof english & string;

/** How a plural message's forms end: CLDR's categories, and `0` for an exact zero. */
export const PLURAL_FORMS = ['0', 'zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralForm = (typeof PLURAL_FORMS)[number];

/** Messages about the catalog itself, never shown: its language and its plural forms. */
export const META_KEYS = ['languageTag', 'pluralForms'] as const;

/** A plural message by its base name: `highlightCount` for `highlightCount_one`, `highlightCount_other`. */
export type PluralKey = MessageName extends infer Name ? (Name extends `${infer Base}_other` ? Base : never) : never;

/** A message shown as it is (not a plural form, not about the catalog). */
export type MessageKey = Exclude<MessageName, `${string}_${PluralForm}` | (typeof META_KEYS)[number]>;

/** A substitution: plain text (a handle, a number), or another message, translated first. */
export type Sub = string | number | Text;

/** What to say, not yet in a language: `$1`, `$2`, … of the message are `subs`. */
export type Text =
  | { readonly key: MessageKey; readonly subs: readonly Sub[] }
  /** A plural message: its form follows `count`, which is also its `$1`; `subs` are `$2`, `$3`, … */
  | { readonly plural: PluralKey; readonly count: number; readonly subs: readonly Sub[] };

export function text(key: MessageKey, ...subs: Sub[]): Text {
  return { key, subs };
}

export function plural(key: PluralKey, count: number, ...subs: Sub[]): Text {
  return { plural: key, count, subs };
}

/** `browser.i18n.getMessage`: '' for a name the catalogs do not have. */
export type GetMessage = (name: string, substitutions?: string[]) => string;

export interface Translate {
  /** A message in the catalog's language, with its substitutions; or a `Text`, with everything in it. */
  (what: MessageKey | Text, ...subs: Sub[]): string;
  /** The language of the catalog in use (BCP 47, e.g. `pt-BR`): for `lang` and for `Intl` formats. */
  readonly lang: string;
  /** Which way that text runs: see `pageDirection`. */
  readonly dir: 'ltr' | 'rtl';
}

/** First Strong Isolate … Pop Directional Isolate: wrapped around a substitution, they keep its own direction inside the sentence. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * A translate function over a `getMessage`. In right-to-left text each
 * substitution is wrapped in Unicode isolates, so that "@nasa" or a number
 * stays whole and in place inside the sentence.
 */
export function createTranslator(getMessage: GetMessage): Translate {
  let catalog: { lang: string; dir: 'ltr' | 'rtl'; forms: ReadonlySet<string>; rules: Intl.PluralRules } | null = null;
  // Read on first use, not when the translator is made: the background makes its translator while it loads.
  const grammar = () => {
    if (catalog) return catalog;
    const lang = catalogLanguage(getMessage);
    const forms = new Set(getMessage('pluralForms').split(/\s+/));
    catalog = { lang, dir: pageDirection(getMessage), forms, rules: new Intl.PluralRules(lang) };
    return catalog;
  };

  const sub = (value: Sub): string => {
    const plain = typeof value === 'object' ? render(value) : String(value);
    return grammar().dir === 'rtl' ? `${FSI}${plain}${PDI}` : plain;
  };

  function render(what: Text): string {
    const subs = what.subs.map(sub);
    if ('key' in what) return getMessage(what.key, subs);
    const { forms, rules } = grammar();
    return getMessage(`${what.plural}_${pluralFormOf(what.count, forms, rules)}`, [sub(what.count), ...subs]);
  }

  const translate = (what: MessageKey | Text, ...subs: Sub[]) => render(typeof what === 'string' ? { key: what, subs } : what);
  return Object.defineProperties(translate, {
    lang: { get: () => grammar().lang, enumerable: true },
    dir: { get: () => grammar().dir, enumerable: true },
  }) as Translate;
}

/**
 * Which form of a plural message `count` takes, among the forms a catalog
 * has: its exact zero when it has one, else the CLDR category, else `other`.
 */
export function pluralFormOf(count: number, forms: ReadonlySet<string>, rules: Intl.PluralRules): string {
  if (count === 0 && forms.has('0')) return '0';
  const category = rules.select(count);
  return forms.has(category) ? category : 'other';
}

/** The catalog's language as a BCP 47 tag; English when the catalog does not say. */
function catalogLanguage(getMessage: GetMessage): string {
  const tag = getMessage('languageTag');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** `pt_BR`, `pt-BR` → `pt`. */
function primaryLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * The direction a page is written in: the browser's (`@@bidi_dir`) when the
 * text is in the browser's language; left to right when the browser's
 * language has no catalog and the text falls back to English.
 */
export function pageDirection(getMessage: GetMessage): 'ltr' | 'rtl' {
  const sameLanguage = primaryLanguage(getMessage('@@ui_locale')) === primaryLanguage(catalogLanguage(getMessage));
  return sameLanguage && getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Splits a translated sentence around one element (such as a link inside it).
 * `slot` is the placeholder text that was passed as the element's
 * substitution; returns the text before it and the text after it.
 */
export function splitAround(sentence: string, slot: string): [before: string, after: string] {
  const at = sentence.indexOf(slot);
  return at < 0 ? [sentence, ''] : [sentence.slice(0, at), sentence.slice(at + slot.length)];
}
