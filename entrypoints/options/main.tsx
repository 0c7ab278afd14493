import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createTranslator, type GetMessage } from '@/utils/i18n';
import { isWelcome } from '@/utils/account/onboarding';
import { createSender, type OptionsMessage } from '@/utils/protocol';
import { App } from './App';
import './options.css';

// WXT types getMessage with the English catalog's names; plural forms are named at run time.
const i18n = browser.i18n as { getMessage: GetMessage };
const t = createTranslator((name, substitutions) => i18n.getMessage(name, substitutions));
document.documentElement.lang = t.lang;
document.documentElement.dir = t.dir;
document.title = t('optionsPageTitle');

const root = document.getElementById('app');
const send = createSender<OptionsMessage>((message) => browser.runtime.sendMessage(message));
if (root) render(<App send={send} t={t} welcome={isWelcome(location.search)} />, root);
