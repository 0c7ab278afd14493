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
  LOW_BALANCE_WARNING_MAX,
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
const parseLowBalance = (text: string) => parseWholeNumber(text, 0, LOW_BALANCE_WARNING_MAX);

/** The form as typed: numbers stay text until Save, so what was typed is kept when refused. */
interface Draft {
  hours: string;
  dailyCap: string;
  lowBalance: string;
  autoLookup: boolean;
  copyFormat: CopyFormat;
}

const draftOf = (settings: Settings): Draft => ({
  hours: String(settings.cacheTtlHours),
  dailyCap: String(settings.autoLookupDailyCap),
  lowBalance: String(settings.lowBalanceWarning),
  autoLookup: settings.autoLookup,
  copyFormat: settings.copyFormat,
});

/** Cache lifetime, automatic lookup and its daily cap, the low-balance warning, and what "Copy all" copies. */
export function SettingsSection({ send, t }: { send: Send<OptionsMessage>; t: Translate }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(DEFAULT_SETTINGS));
  const [usedToday, setUsedToday] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const refused = message?.tone === 'error';
  const edit = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  useEffect(() => {
    send('get-status', {})
      .then(({ settings }) => {
        setDraft(draftOf(settings));
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
    const cacheTtlHours = parseHours(draft.hours);
    const autoLookupDailyCap = parseDailyCap(draft.dailyCap);
    const lowBalanceWarning = parseLowBalance(draft.lowBalance);
    if (cacheTtlHours === null || autoLookupDailyCap === null || lowBalanceWarning === null) {
      const text =
        cacheTtlHours === null
          ? t('hoursInvalid', CACHE_TTL_HOURS_MIN, CACHE_TTL_HOURS_MAX)
          : autoLookupDailyCap === null
            ? t('dailyCapInvalid', AUTO_LOOKUP_DAILY_CAP_MIN, AUTO_LOOKUP_DAILY_CAP_MAX)
            : t('lowBalanceInvalid', LOW_BALANCE_WARNING_MAX);
      setMessage({ tone: 'error', text });
      return;
    }
    setBusy(true);
    try {
      const { autoLookup, copyFormat } = draft;
      const settings = { cacheTtlHours, autoLookup, copyFormat, autoLookupDailyCap, lowBalanceWarning };
      const response = await send('save-settings', { settings });
      if (response.ok) {
        setDraft(draftOf(response.settings));
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
          value={draft.hours}
          min={CACHE_TTL_HOURS_MIN}
          max={CACHE_TTL_HOURS_MAX}
          invalid={refused && parseHours(draft.hours) === null}
          onInput={(hours) => edit({ hours })}
          hint={t('cacheHoursHint', CACHE_TTL_HOURS_MIN, CACHE_TTL_HOURS_MAX, DEFAULT_SETTINGS.cacheTtlHours)}
        />

        <div class="checkbox-row">
          <input
            id="auto-lookup"
            type="checkbox"
            name="auto-lookup"
            checked={draft.autoLookup}
            aria-describedby="auto-lookup-hint"
            onChange={(event) => edit({ autoLookup: event.currentTarget.checked })}
          />
          <label for="auto-lookup">{t('autoLookupLabel')}</label>
        </div>
        <p id="auto-lookup-hint" class="hint">
          {t('autoLookupHint', AUTO_LOOKUPS_PER_MINUTE)}
        </p>
        <NumberField
          id="auto-lookup-daily-cap"
          label={t('dailyCapLabel')}
          value={draft.dailyCap}
          min={AUTO_LOOKUP_DAILY_CAP_MIN}
          max={AUTO_LOOKUP_DAILY_CAP_MAX}
          invalid={refused && parseDailyCap(draft.dailyCap) === null}
          onInput={(dailyCap) => edit({ dailyCap })}
          hint={
            <>
              {t('dailyCapHint', AUTO_LOOKUP_DAILY_CAP_MIN, AUTO_LOOKUP_DAILY_CAP_MAX, DEFAULT_SETTINGS.autoLookupDailyCap)}{' '}
              <span data-testid="auto-lookups-today">{usedToday === null ? '' : t(plural('usedToday', usedToday))}</span>
            </>
          }
        />

        <NumberField
          id="low-balance-warning"
          label={t('lowBalanceLabel')}
          value={draft.lowBalance}
          min={0}
          max={LOW_BALANCE_WARNING_MAX}
          invalid={refused && parseLowBalance(draft.lowBalance) === null}
          onInput={(lowBalance) => edit({ lowBalance })}
          hint={t('lowBalanceHint', DEFAULT_SETTINGS.lowBalanceWarning)}
        />

        <label class="field-label" for="copy-format">
          {t('copyFormatLabel')}
        </label>
        <select
          id="copy-format"
          class="input"
          name="copy-format"
          value={draft.copyFormat}
          onChange={(event) => edit({ copyFormat: event.currentTarget.value as CopyFormat })}
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
