import { ApiKeySection } from '@/components/ApiKeySection';
import { CacheSection } from '@/components/CacheSection';
import { SettingsSection } from '@/components/SettingsSection';
import type { OptionsMessage, Send } from '@/utils/protocol';

/** The options page: key, settings, cache, and where the key goes. */
export function App({ send }: { send: Send<OptionsMessage> }) {
  return (
    <main class="options">
      <header class="page-header">
        <h1>Highlight Lookup</h1>
        <p class="hint">Options</p>
      </header>
      <ApiKeySection send={send} />
      <SettingsSection send={send} />
      <CacheSection send={send} />
      <section class="card privacy">
        <h2 id="privacy-heading">Where your key goes</h2>
        <p data-testid="privacy-note">
          Your API key is stored only in this browser’s extension storage and is sent only to api.sociavault.com, with
          each lookup. It is never shared with Instagram pages.
        </p>
      </section>
    </main>
  );
}
