import { ApiKeySection } from './components/ApiKeySection';
import { CacheSection } from './components/CacheSection';
import { CollectionLink } from './components/CollectionLink';
import { SettingsSection } from './components/SettingsSection';
import { Welcome } from './components/Welcome';
import type { Translate } from '@/utils/i18n';
import type { OptionsMessage, Send } from '@/utils/protocol';

interface Props {
  send: Send<OptionsMessage>;
  t: Translate;
  /** Opened after a first install: the welcome first, and the focus in the key field. */
  welcome?: boolean;
}

/** The options page: the welcome after an install, key, settings, collections, cache, and where the key goes. */
export function App({ send, t, welcome = false }: Props) {
  return (
    <main class="options">
      <header class="page-header">
        <h1>{t('extName')}</h1>
        <p class="hint">{t('optionsSubtitle')}</p>
      </header>
      {welcome ? <Welcome t={t} /> : null}
      <ApiKeySection send={send} t={t} focusKey={welcome} />
      <SettingsSection send={send} t={t} />
      <CollectionLink t={t} />
      <CacheSection send={send} t={t} />
      <section class="card privacy">
        <h2 id="privacy-heading">{t('privacyHeading')}</h2>
        <p data-testid="privacy-note">{t('privacyNote')}</p>
      </section>
    </main>
  );
}
