import { SOCIAVAULT_DASHBOARD_URL } from '@/utils/errors/error-action';
import { splitAround, type Translate } from '@/utils/i18n';

/** Stands for the dashboard link inside the translated sentence, which is split around it. */
const LINK_SLOT = '\u{E000}';

/** The welcome after a first install: what the extension does, where a key comes from, what a lookup costs. */
export function Welcome({ t }: { t: Translate }) {
  const [before, after] = splitAround(t('welcomeKey', LINK_SLOT, t('save')), LINK_SLOT);
  return (
    <section class="card welcome" aria-labelledby="welcome-heading" data-testid="welcome">
      <h2 id="welcome-heading">{t('welcomeHeading')}</h2>
      <p>{t('welcomeWhat')}</p>
      <p>
        {before}
        <a href={SOCIAVAULT_DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
          {t('keyHintLink')}
        </a>
        {after}
      </p>
      <p>{t('welcomeCredits', t('testKey'))}</p>
    </section>
  );
}
