import { browser } from 'wxt/browser';
import { createTranslator, type GetMessage } from '@/utils/i18n';

// WXT types getMessage with the English catalog's names; plural forms are named at run time.
const i18n = browser.i18n as { getMessage: GetMessage };

/** The background's words (the toolbar button's title), in the browser's language. */
export const t = createTranslator((name, substitutions) => i18n.getMessage(name, substitutions));
