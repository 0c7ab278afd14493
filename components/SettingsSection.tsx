import { useEffect, useState } from 'preact/hooks';
import { plural, type MessageKey, type Translate } from '@/utils/i18n';
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

const COPY_FORMAT_LABELS: Record<CopyFormat, MessageKey> = {
  lines: 'copyFormatLines',
  csv: 'copyFormatCsv',
  json: 'copyFormatJson',
};

const parseHours = (text: string) => parseWholeNumber(text, CACHE_TTL_HOURS_MIN, CACHE_TTL_HOURS_MAX);
const parseDailyCap = (text: string) => parseWholeNumber(text, AUTO_LOOKUP_DAILY_CAP_MIN, AUTO_LOOKUP_DAILY_CAP_MAX);

/** Cache lifetime, automatic lookup and its daily cap, and what "Copy all" copies. */
export function SettingsSection({ send, t }: { send: Send<OptionsMessage>; t: Translate }) {
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
        setMessage({ tone: 'error', text: failureText(t, 'failLoadSettings', error) });
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
          ? t('hoursInvalid', CACHE_TTL_HOURS_MIN, CACHE_TTL_HOURS_MAX)
          : t('dailyCapInvalid', AUTO_LOOKUP_DAILY_CAP_MIN, AUTO_LOOKUP_DAILY_CAP_MAX);
      setMessage({ tone: 'error', text });
      return;
    }
    setBusy(true);
    try {
      const response = await send('save-settings', { settings: { cacheTtlHours, autoLookup, copyFormat, autoLookupDailyCap } });
      if (response.ok) {
        showSettings(response.settings);
        setMessage({ tone: 'success', text: t('settingsSaved') });
      } else {
        setMessage({ tone: 'error', text: t(response.message) });
      }
    } catch (error) {
      setMessage({ tone: 'error', text: failureText(t, 'failSaveSettings', error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <NumberField
          id="cache-hours"
          label={t('cacheHoursLabel')}
          value={hours}
          min={CACHE_TTL_HOURS_MIN}
          max={CACHE_TTL_HOURS_MAX}
          invalid={refused && parseHours(hours) === null}
          onInput={setHours}
          hint={t('cacheHoursHint', CACHE_TTL_HOURS_MIN, CACHE_TTL_HOURS_MAX, DEFAULT_SETTINGS.cacheTtlHours)}
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
          <label for="auto-lookup">{t('autoLookupLabel')}</label>
        </div>
        <p id="auto-lookup-hint" class="hint">
          {t('autoLookupHint', AUTO_LOOKUPS_PER_MINUTE)}
        </p>
        <NumberField
          id="auto-lookup-daily-cap"
          label={t('dailyCapLabel')}
          value={dailyCap}
          min={AUTO_LOOKUP_DAILY_CAP_MIN}
          max={AUTO_LOOKUP_DAILY_CAP_MAX}
          invalid={refused && parseDailyCap(dailyCap) === null}
          onInput={setDailyCap}
          hint={
            <>
              {t('dailyCapHint', AUTO_LOOKUP_DAILY_CAP_MIN, AUTO_LOOKUP_DAILY_CAP_MAX, DEFAULT_SETTINGS.autoLookupDailyCap)}{' '}
              <span data-testid="auto-lookups-today">{usedToday === null ? '' : t(plural('usedToday', usedToday))}</span>
            </>
          }
        />

        <label class="field-label" for="copy-format">
          {t('copyFormatLabel')}
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
              {t(COPY_FORMAT_LABELS[format])}
            </option>
          ))}
        </select>

        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy || !loaded}>
            {t('saveSettings')}
          </button>
        </div>
        <StatusMessage message={message} testId="settings-message" />
      </form>
    </section>
  );
}
