// ESLint flat config. It keeps HTML injection and string-to-code out of the
// extension and its tests; keeps browser APIs out of utils/, and makes the
// rest of the product reach them through one import; and keeps hard-coded
// words out of the pages (they come from the i18n messages). No stylistic rules.
import tseslint from 'typescript-eslint';

/** Where the rules apply (`eslint .` lints these; everything else is left alone). */
const SOURCE_FOLDERS = '{entrypoints,components,utils,modules,test,scripts}';
const SCRIPT_EXTENSIONS = '{js,mjs,cjs,jsx,ts,mts,cts,tsx}';

const htmlSink = (property, why) => ({ property, message: `${property} parses a string as HTML. ${why}` });
const TEXT_INSTEAD = 'Render text (textContent, JSX children) or build elements instead.';

/**
 * Syntax that renders a string as HTML. Shared by several blocks below: when
 * two blocks set the same rule for a file, the later block's options replace
 * the earlier block's, so each block must list these again.
 */
const HTML_SYNTAX = [
  {
    // Preact sets any prop the element has as a DOM property, so
    // <div innerHTML={…}> is as dangerous as dangerouslySetInnerHTML.
    selector: 'JSXAttribute[name.name=/^(dangerouslySetInnerHTML|innerHTML|outerHTML|srcdoc)$/i]',
    message: 'This attribute renders a string as HTML. Render text (JSX children) instead.',
  },
  {
    // window.document.write(…), which no-restricted-properties (object: 'document') does not see.
    selector: "MemberExpression[object.property.name='document'][property.name=/^(write|writeln)$/]",
    message: 'document.write parses a string as HTML.',
  },
  {
    // The same props passed without JSX: h('div', { dangerouslySetInnerHTML }), Object.assign(el, { innerHTML }).
    selector: 'Property[key.name=/^(dangerouslySetInnerHTML|innerHTML|outerHTML)$/]',
    message: 'This property renders a string as HTML. Render text instead.',
  },
];

const NO_BROWSER_IN_UTILS = 'utils/ is free of browser APIs; put this in the entrypoint folder of the runtime that uses it, or pass it in.';

/** zod is imported only through entrypoints/background/zod-jitless.ts, which configures it (jitless: no `new Function`, which an extension's CSP forbids). */
const ZOD_MESSAGE = "Import { z } from '@/entrypoints/background/zod-jitless' (or '../zod-jitless'): it sets jitless before any schema is built.";
const ZOD_VIA_CONFIG = { name: 'zod', message: ZOD_MESSAGE };
/** The same for zod's other entry points ('zod/mini', which zod-jitless.ts uses, 'zod/v4', …). */
const ZOD_ENTRIES = { group: ['zod/*'], message: ZOD_MESSAGE };
const ZOD_SOURCE_FILE = 'entrypoints/background/zod-jitless.ts';

/** Attributes and props whose text a person sees or hears (aria-*, tooltips, placeholders, our components' text props). */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'text',
  'detail',
  'message',
  'warning',
]);
/** DOM properties that show text when assigned. */
const TEXT_DOM_PROPERTIES = new Set(['title', 'textContent', 'innerText', 'placeholder', 'ariaLabel', 'alt']);
const HAS_LETTER = /\p{L}/u;
const HARD_CODED_TEXT =
  "User-facing text goes through the i18n messages: add it to public/_locales/en/messages.json (and every translation) and render t('key').";

/**
 * The string literals that an expression shows as they are: the expression
 * itself, the branches of a ?: or &&, the parts of a + or a template. Not the
 * literals it passes to a call (t('key')), compares with, or looks up.
 */
function shownLiterals(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && HAS_LETTER.test(node.value) ? [node] : [];
    case 'TemplateLiteral':
      return node.quasis.some((quasi) => HAS_LETTER.test(quasi.value.cooked ?? quasi.value.raw))
        ? [node]
        : node.expressions.flatMap(shownLiterals);
    case 'ConditionalExpression':
      return [...shownLiterals(node.consequent), ...shownLiterals(node.alternate)];
    case 'LogicalExpression':
      return [...shownLiterals(node.left), ...shownLiterals(node.right)];
    case 'BinaryExpression':
      return node.operator === '+' ? [...shownLiterals(node.left), ...shownLiterals(node.right)] : [];
    case 'ArrayExpression':
      return node.elements.flatMap(shownLiterals);
    case 'JSXExpressionContainer':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return shownLiterals(node.expression);
    default:
      return [];
  }
}

/** Hard-coded words in what the pages render: JSX text, text attributes and props, and text given to the DOM. */
const noHardCodedText = {
  meta: { type: 'problem', schema: [], docs: { description: 'User-facing text comes from the i18n messages.' } },
  create(context) {
    const report = (node) => context.report({ node, message: HARD_CODED_TEXT });
    const nameOf = (key) => key?.name ?? (typeof key?.value === 'string' ? key.value : undefined);
    return {
      JSXText(node) {
        if (HAS_LETTER.test(node.value)) report(node);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : undefined;
        if (TEXT_ATTRIBUTES.has(name)) shownLiterals(node.value).forEach(report);
      },
      'JSXElement > JSXExpressionContainer, JSXFragment > JSXExpressionContainer'(node) {
        shownLiterals(node.expression).forEach(report);
      },
      Property(node) {
        if (TEXT_ATTRIBUTES.has(nameOf(node.key))) shownLiterals(node.value).forEach(report);
      },
      AssignmentExpression(node) {
        if (node.left.type === 'MemberExpression' && TEXT_DOM_PROPERTIES.has(nameOf(node.left.property))) {
          shownLiterals(node.right).forEach(report);
        }
      },
    };
  },
};

/**
 * Product code reaches the extension API one way: `import { browser } from
 * 'wxt/browser'`. The build decides per bundle what that is (the browser's own
 * namespace, or webextension-polyfill: modules/polyfill-scope.ts), so nothing
 * may pick one itself.
 */
const ONE_BROWSER_API = "Reach the extension API through import { browser } from 'wxt/browser' (types too); modules/polyfill-scope.ts decides per bundle what it is.";
const OTHER_BROWSER_MODULES = {
  group: ['webextension-polyfill', '@wxt-dev/webextension-polyfill', '@wxt-dev/webextension-polyfill/*', '@wxt-dev/browser', '@wxt-dev/browser/*'],
  message: ONE_BROWSER_API,
};
const BROWSER_GLOBALS = [
  { name: 'browser', message: ONE_BROWSER_API },
  { name: 'chrome', message: ONE_BROWSER_API },
];
/** globalThis.chrome, window.browser, self.chrome: the same globals, reached as properties. */
const browserGlobalSyntax = (message) => ({
  selector: 'MemberExpression[object.name=/^(globalThis|window|self)$/][property.name=/^(browser|chrome)$/]',
  message,
});

export default [
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.test-tmp/**', 'test-results/**', 'stats.html', '.stryker-tmp/**', 'reports/**'],
  },
  {
    // The TypeScript parser, so .ts and .tsx (JSX) parse; no type information is needed.
    files: ['**/*.{ts,mts,cts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
  {
    files: [`${SOURCE_FOLDERS}/**/*.${SCRIPT_EXTENSIONS}`],
    // no-implied-eval recognises setTimeout/setInterval (bare, or through
    // window/global) only when they are declared as globals. No other rule here
    // reads globals (there is no no-undef), so this short list is enough.
    languageOptions: {
      globals: {
        window: 'readonly',
        global: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        execScript: 'readonly',
      },
    },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      // setTimeout / setInterval / execScript with a string argument.
      'no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        htmlSink('innerHTML', TEXT_INSTEAD),
        htmlSink('outerHTML', TEXT_INSTEAD),
        htmlSink('insertAdjacentHTML', TEXT_INSTEAD),
        htmlSink('setHTMLUnsafe', TEXT_INSTEAD),
        htmlSink('createContextualFragment', TEXT_INSTEAD),
        htmlSink('srcdoc', TEXT_INSTEAD),
        { object: 'document', property: 'write', message: 'document.write parses a string as HTML.' },
        { object: 'document', property: 'writeln', message: 'document.writeln parses a string as HTML.' },
      ],
      'no-restricted-syntax': ['error', ...HTML_SYNTAX],
    },
  },
  {
    // The pages and their components: every word a person sees comes from the messages (docs/architecture.md, "Languages inside").
    files: [`{components,entrypoints/popup,entrypoints/options,entrypoints/collection}/**/*.${SCRIPT_EXTENSIONS}`],
    plugins: { local: { rules: { 'no-hard-coded-text': noHardCodedText } } },
    rules: { 'local/no-hard-coded-text': 'error' },
  },
  {
    // The product's runtimes: zod only as zod-jitless.ts configures it, the extension API only through wxt/browser.
    files: [`{entrypoints,components}/**/*.${SCRIPT_EXTENSIONS}`],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD_VIA_CONFIG], patterns: [ZOD_ENTRIES, OTHER_BROWSER_MODULES] }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
      'no-restricted-syntax': ['error', ...HTML_SYNTAX, browserGlobalSyntax(ONE_BROWSER_API)],
    },
  },
  {
    // The one file that imports zod itself; the rule about the extension API still holds.
    files: [ZOD_SOURCE_FILE],
    rules: { 'no-restricted-imports': ['error', { patterns: [OTHER_BROWSER_MODULES] }] },
  },
  {
    // utils/ is what several runtimes share, tested without a browser: code
    // that touches an extension API belongs to its runtime's entrypoint folder.
    files: [`utils/**/*.${SCRIPT_EXTENSIONS}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ZOD_VIA_CONFIG],
          patterns: [
            ZOD_ENTRIES,
            {
              group: ['wxt/browser', 'wxt/utils/*', 'wxt/testing/*', 'webextension-polyfill', '@wxt-dev/*', '#imports'],
              message: NO_BROWSER_IN_UTILS,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: NO_BROWSER_IN_UTILS },
        { name: 'chrome', message: NO_BROWSER_IN_UTILS },
      ],
      'no-restricted-syntax': [
        'error',
        ...HTML_SYNTAX,
        browserGlobalSyntax(NO_BROWSER_IN_UTILS),
      ],
    },
  },
];
