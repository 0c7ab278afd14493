import { ApiKeySection } from '@/components/ApiKeySection';
import { CacheSection } from '@/components/CacheSection';
import { SettingsSection } from '@/components/SettingsSection';
import type { Translate } from '@/utils/i18n';
import type { OptionsMessage, Send } from '@/utils/protocol';

/** The options page: key, settings, cache, and where the key goes. */
export function App({ send, t }: { send: Send<OptionsMessage>; t: Translate }) {
  return (
    <main class="options">
      <header class="page-header">
        <h1>{t('extName')}</h1>
        <p class="hint">{t('optionsSubtitle')}</p>
      </header>
      <ApiKeySection send={send} t={t} />
      <SettingsSection send={send} t={t} />
      <CacheSection send={send} t={t} />
      <section class="card privacy">
        <h2 id="privacy-heading">{t('privacyHeading')}</h2>
        <p data-testid="privacy-note">{t('privacyNote')}</p>
      </section>
    </main>
  );
}
