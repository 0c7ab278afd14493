import { describe, expect, it } from 'vitest';
import { createTranslator, pageDirection, plural, pluralFormOf, splitAround, text, type GetMessage } from '@/utils/i18n';
import { catalogGetMessage, translatorFor } from '@/test/support/locales';

/** A catalog made up for a test: name → message with $1…, plus what @@ messages say. */
function fakeGetMessage(messages: Record<string, string>, asked: string[] = []): GetMessage {
  return (name, subs = []) => {
    asked.push(name);
    const message = messages[name];
    return message === undefined ? '' : message.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
  };
}

describe('plural forms', () => {
  const en = new Intl.PluralRules('en');
  const pt = new Intl.PluralRules('pt-BR');

  it('follow CLDR for the catalog language', () => {
    const forms = new Set(['one', 'other']);
    expect([0, 1, 2, 11, 101].map((n) => pluralFormOf(n, forms, en))).toEqual(['other', 'one', 'other', 'other', 'other']);
    // Brazilian Portuguese puts 0 with 1 …
    expect([0, 1, 2].map((n) => pluralFormOf(n, forms, pt))).toEqual(['one', 'one', 'other']);
  });

  it('use an exact-zero form where the catalog has one', () => {
    expect([0, 1, 2].map((n) => pluralFormOf(n, new Set(['0', 'one', 'other']), pt))).toEqual(['0', 'one', 'other']);
  });

  it('fall back to other for a category the catalog does not give', () => {
    // Spanish CLDR has "many" for a million; the catalog gives one and other.
    expect(pluralFormOf(1_000_000, new Set(['one', 'other']), new Intl.PluralRules('es'))).toBe('other');
  });

  it('never ask for a form the catalog does not list (Firefox logs every unknown name)', () => {
    const asked: string[] = [];
    const t = createTranslator(
      fakeGetMessage({ languageTag: 'en', pluralForms: 'one other', highlightCount_one: '$1 thing', highlightCount_other: '$1 things' }, asked),
    );
    expect([0, 1, 5].map((n) => t(plural('highlightCount', n)))).toEqual(['0 things', '1 thing', '5 things']);
    expect(asked.filter((name) => name.startsWith('highlightCount'))).toEqual(['highlightCount_other', 'highlightCount_one', 'highlightCount_other']);
  });
});

describe('the translator', () => {
  const en = translatorFor('en');
  const pt = translatorFor('pt_BR');

  it('substitutes numbers, text and other messages, translated first', () => {
    expect(en('lookingUp', 'nasa')).toBe('Looking up @nasa…');
    expect(en('errServerTitle', 503)).toBe('SociaVault is having trouble (HTTP 503)');
    expect(en(text('errCreditsNeedAndHave', plural('credits', 1), plural('credits', 0)))).toBe(
      'This lookup needs 1 credit; you have 0 credits. Buy more on your SociaVault dashboard.',
    );
    expect(pt(text('errCreditsNeedAndHave', plural('credits', 1), plural('credits', 0)))).toBe(
      'Esta consulta precisa de 1 crédito; você tem 0 créditos. Compre mais no seu painel da SociaVault.',
    );
  });

  it('puts the count first and further substitutions after it', () => {
    expect(en(plural('copiedHighlightsAs', 1, 'CSV'))).toBe('Copied 1 highlight as CSV');
    expect(pt(plural('copiedHighlightsAs', 0, 'JSON'))).toBe('0 destaques copiados em JSON');
  });

  it('knows its language', () => {
    expect([en.lang, pt.lang, translatorFor('es').lang]).toEqual(['en', 'pt-BR', 'es']);
  });

  it('keeps a substitution that looks like a placeholder as it is', () => {
    expect(en('errSociaVaultSaid', 'costs $1 or $$2.')).toBe('SociaVault said: costs $1 or $$2.');
  });

  it('makes Text that survives a trip through messaging', () => {
    const said = text('keySavedWithWarning', text('keyNoPrefix'));
    expect(en(JSON.parse(JSON.stringify(said)) as typeof said)).toBe(en(said));
  });
});

describe('right to left', () => {
  /** An Arabic catalog, as one would be added: its own language, the browser in Arabic. */
  const arabic = fakeGetMessage({
    languageTag: 'ar',
    pluralForms: 'zero one two few many other',
    highlightsOf: 'القصص المميزة لـ @$1',
    '@@ui_locale': 'ar',
    '@@bidi_dir': 'rtl',
  });

  it('pages follow @@bidi_dir when the text is in the browser’s language', () => {
    expect(pageDirection(arabic)).toBe('rtl');
    expect(createTranslator(arabic).dir).toBe('rtl');
    expect(translatorFor('en').dir).toBe('ltr');
    expect(translatorFor('pt_BR').dir).toBe('ltr');
  });

  it('an RTL browser whose language has no catalog gets English, laid out left to right', () => {
    const fallback = catalogGetMessage('en', 'he');
    expect(fallback('@@bidi_dir')).toBe('rtl');
    expect(pageDirection(fallback)).toBe('ltr');
    expect(createTranslator(fallback)('highlightsOf', 'nasa')).toBe('Highlights of @nasa');
  });

  it('isolates substitutions inside right-to-left text, and only there', () => {
    expect(createTranslator(arabic)('highlightsOf', 'nasa')).toBe('القصص المميزة لـ @\u2068nasa\u2069');
    expect(translatorFor('en')('highlightsOf', 'nasa')).not.toMatch(/[\u2068\u2069]/);
  });
});

describe('splitAround', () => {
  it('gives the text on either side of an element', () => {
    expect(splitAround('Get a key on your \uE000.', '\uE000')).toEqual(['Get a key on your ', '.']);
    expect(splitAround('\uE000 first', '\uE000')).toEqual(['', ' first']);
    expect(splitAround('no slot', '\uE000')).toEqual(['no slot', '']);
  });
});

