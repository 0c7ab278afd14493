import { useEffect, useState } from 'preact/hooks';
import { AUTO_LOOKUPS_PER_MINUTE } from '@/utils/limits';
import type { OptionsMessage, Send } from '@/utils/protocol';
import {
  AUTO_LOOKUP_DAILY_CAP_MAX,
  AUTO_LOOKUP_DAILY_CAP_MIN,
  CACHE_TTL_HOURS_MAX,
  CACHE_TTL_HOURS_MIN,
  COPY_FORMATS,
  DEFAULT_SETTINGS,
  type CopyFormat,
  type Settings,
} from '@/utils/settings';
import { NumberField, parseWholeNumber } from './NumberField';
import { failureText, StatusMessage, type Message } from './StatusMessage';

const COPY_FORMAT_LABELS: Record<CopyFormat, string> = {
  lines: 'IDs, one per line (for the next API call)',
  csv: 'CSV with id and title (for a spreadsheet)',
  json: 'JSON with id and title (for a script)',
};

const parseHours = (text: string) => parseWholeNumber(text, CACHE_TTL_HOURS_MIN, CACHE_TTL_HOURS_MAX);
const parseDailyCap = (text: string) => parseWholeNumber(text, AUTO_LOOKUP_DAILY_CAP_MIN, AUTO_LOOKUP_DAILY_CAP_MAX);

function lookups(n: number): string {
  return `${n} automatic ${n === 1 ? 'lookup' : 'lookups'}`;
}

/** Cache lifetime, automatic lookup and its daily cap, and what "Copy all" copies. */
export function SettingsSection({ send }: { send: Send<OptionsMessage> }) {
  const [hours, setHours] = useState(String(DEFAULT_SETTINGS.cacheTtlHours));
  const [autoLookup, setAutoLookup] = useState(DEFAULT_SETTINGS.autoLookup);
  const [dailyCap, setDailyCap] = useState(String(DEFAULT_SETTINGS.autoLookupDailyCap));
  const [copyFormat, setCopyFormat] = useState<CopyFormat>(DEFAULT_SETTINGS.copyFormat);
  const [usedToday, setUsedToday] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const refused = message?.tone === 'error';

  const showSettings = (settings: Settings) => {
    setHours(String(settings.cacheTtlHours));
    setAutoLookup(settings.autoLookup);
    setDailyCap(String(settings.autoLookupDailyCap));
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
    send('get-usage', {})
      .then(({ autoLookupsToday }) => setUsedToday(autoLookupsToday))
      .catch(() => setUsedToday(null));
  }, []);

  const save = async () => {
    const cacheTtlHours = parseHours(hours);
    const autoLookupDailyCap = parseDailyCap(dailyCap);
    if (cacheTtlHours === null || autoLookupDailyCap === null) {
      const text =
        cacheTtlHours === null
          ? `Enter a whole number of hours from ${CACHE_TTL_HOURS_MIN} to ${CACHE_TTL_HOURS_MAX}.`
          : `Enter a daily limit from ${AUTO_LOOKUP_DAILY_CAP_MIN} to ${AUTO_LOOKUP_DAILY_CAP_MAX} automatic lookups.`;
      setMessage({ tone: 'error', text });
      return;
    }
    setBusy(true);
    try {
      const response = await send('save-settings', { settings: { cacheTtlHours, autoLookup, copyFormat, autoLookupDailyCap } });
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
        <NumberField
          id="cache-hours"
          label="Cache lifetime (hours)"
          value={hours}
          min={CACHE_TTL_HOURS_MIN}
          max={CACHE_TTL_HOURS_MAX}
          invalid={refused && parseHours(hours) === null}
          onInput={setHours}
          hint={`A profile looked up within this time is shown again from the cache, without spending a credit. ${CACHE_TTL_HOURS_MIN}–${CACHE_TTL_HOURS_MAX} hours; default ${DEFAULT_SETTINGS.cacheTtlHours}.`}
        />

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
          {AUTO_LOOKUPS_PER_MINUTE} a minute and the daily limit below, so that no page can drain your credits. When
          off, nothing is looked up until you open Highlight Lookup.
        </p>
        <NumberField
          id="auto-lookup-daily-cap"
          label="Automatic lookups a day, at most"
          value={dailyCap}
          min={AUTO_LOOKUP_DAILY_CAP_MIN}
          max={AUTO_LOOKUP_DAILY_CAP_MAX}
          invalid={refused && parseDailyCap(dailyCap) === null}
          onInput={setDailyCap}
          hint={
            <>
              {AUTO_LOOKUP_DAILY_CAP_MIN}–{AUTO_LOOKUP_DAILY_CAP_MAX}; default {DEFAULT_SETTINGS.autoLookupDailyCap}.{' '}
              <span data-testid="auto-lookups-today">
                {usedToday === null ? '' : `Today: ${lookups(usedToday)} (${usedToday} ${usedToday === 1 ? 'credit' : 'credits'}).`}
              </span>
            </>
          }
        />

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
