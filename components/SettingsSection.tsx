import { useEffect, useState } from 'preact/hooks';
import { AUTO_LOOKUPS_PER_MINUTE } from '@/utils/limits';
import type { OptionsMessage, Send } from '@/utils/protocol';
import {
  CACHE_TTL_HOURS_MAX,
  CACHE_TTL_HOURS_MIN,
  COPY_FORMATS,
  DEFAULT_SETTINGS,
  type CopyFormat,
  type Settings,
} from '@/utils/settings';
import { failureText, StatusMessage, type Message } from './StatusMessage';

/** A whole number of hours within bounds, or null. */
export function parseCacheHours(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const hours = Number(trimmed);
  return hours >= CACHE_TTL_HOURS_MIN && hours <= CACHE_TTL_HOURS_MAX ? hours : null;
}

const COPY_FORMAT_LABELS: Record<CopyFormat, string> = {
  lines: 'IDs, one per line (for the next API call)',
  csv: 'CSV with id and title (for a spreadsheet)',
  json: 'JSON with id and title (for a script)',
};

/** Cache lifetime, automatic lookup, and what "Copy all" copies. */
export function SettingsSection({ send }: { send: Send<OptionsMessage> }) {
  const [hours, setHours] = useState(String(DEFAULT_SETTINGS.cacheTtlHours));
  const [autoLookup, setAutoLookup] = useState(DEFAULT_SETTINGS.autoLookup);
  const [copyFormat, setCopyFormat] = useState<CopyFormat>(DEFAULT_SETTINGS.copyFormat);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const showSettings = (settings: Settings) => {
    setHours(String(settings.cacheTtlHours));
    setAutoLookup(settings.autoLookup);
    setCopyFormat(settings.copyFormat);
  };

  useEffect(() => {
    send('get-status', {})
      .then(({ settings }) => {
        showSettings(settings);
        setLoaded(true);
      })
      .catch((error: unknown) => {
        setMessage({ tone: 'error', text: failureText('Could not load the settings', error) });
      });
  }, []);

  const save = async () => {
    const cacheTtlHours = parseCacheHours(hours);
    if (cacheTtlHours === null) {
      setMessage({
        tone: 'error',
        text: `Enter a whole number of hours from ${CACHE_TTL_HOURS_MIN} to ${CACHE_TTL_HOURS_MAX}.`,
      });
      return;
    }
    setBusy(true);
    try {
      const response = await send('save-settings', { settings: { cacheTtlHours, autoLookup, copyFormat } });
      if (response.ok) {
        showSettings(response.settings);
        setMessage({ tone: 'success', text: 'Settings saved.' });
      } else {
        setMessage({ tone: 'error', text: response.message });
      }
    } catch (error) {
      setMessage({ tone: 'error', text: failureText('Could not save the settings', error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <h2 id="settings-heading">Settings</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label class="field-label" for="cache-hours">
          Cache lifetime (hours)
        </label>
        <input
          id="cache-hours"
          class="input input-number"
          type="number"
          name="cache-hours"
          inputMode="numeric"
          min={CACHE_TTL_HOURS_MIN}
          max={CACHE_TTL_HOURS_MAX}
          step={1}
          value={hours}
          aria-describedby="cache-hours-hint"
          aria-invalid={message?.tone === 'error' && parseCacheHours(hours) === null ? 'true' : undefined}
          onInput={(event) => setHours(event.currentTarget.value)}
        />
        <p id="cache-hours-hint" class="hint">
          A profile looked up within this time is shown again from the cache, without spending a credit.{' '}
          {CACHE_TTL_HOURS_MIN}–{CACHE_TTL_HOURS_MAX} hours; default {DEFAULT_SETTINGS.cacheTtlHours}.
        </p>

        <div class="checkbox-row">
          <input
            id="auto-lookup"
            type="checkbox"
            name="auto-lookup"
            checked={autoLookup}
            aria-describedby="auto-lookup-hint"
            onChange={(event) => setAutoLookup(event.currentTarget.checked)}
          />
          <label for="auto-lookup">Look up automatically when I open a profile</label>
        </div>
        <p id="auto-lookup-hint" class="hint">
          Spends 1 credit for every newly visited Instagram profile (profiles still in the cache are free), at most{' '}
          {AUTO_LOOKUPS_PER_MINUTE} a minute so that no page can drain your credits. When off, nothing is looked up
          until you open Highlight Lookup.
        </p>

        <label class="field-label" for="copy-format">
          “Copy all” copies
        </label>
        <select
          id="copy-format"
          class="input"
          name="copy-format"
          value={copyFormat}
          onChange={(event) => setCopyFormat(event.currentTarget.value as CopyFormat)}
        >
          {COPY_FORMATS.map((format) => (
            <option key={format} value={format}>
              {COPY_FORMAT_LABELS[format]}
            </option>
          ))}
        </select>

        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy || !loaded}>
            Save settings
          </button>
        </div>
        <StatusMessage message={message} testId="settings-message" />
      </form>
    </section>
  );
}
