import { ApiKeySection } from './ApiKeySection';
import { CacheSection } from './CacheSection';
import { SettingsSection } from './SettingsSection';

/** The options page: key, settings, cache, and where the key goes. */
export function OptionsApp() {
  return (
    <main class="options">
      <header class="page-header">
        <h1>Highlight Lookup</h1>
        <p class="hint">Options</p>
      </header>
      <ApiKeySection />
      <SettingsSection />
      <CacheSection />
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
