import type { JSX } from 'preact';
import type { Translate } from '@/utils/i18n';

interface Props {
  /** False: no content script answered in the tab, so it may need a reload. */
  pageSeen: boolean;
  /** The lookup form, offered instead. */
  form: JSX.Element;
  t: Translate;
}

/** The tab shows no profile: say so, and offer to look one up by hand. */
export function NoProfilePanel({ pageSeen, form, t }: Props) {
  return (
    <section class="no-profile" aria-labelledby="no-profile-title">
      <h2 id="no-profile-title" class="problem-title">
        {t('noProfileTitle')}
      </h2>
      <p class="problem-detail">{t('noProfileDetail')}</p>
      {pageSeen ? null : (
        <p class="problem-detail" data-testid="reload-hint">
          {t('reloadHint')}
        </p>
      )}
      {form}
    </section>
  );
}
