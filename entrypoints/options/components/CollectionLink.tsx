import type { Translate } from '@/utils/i18n';

/** The way from the options page to the collection page (collection.html, beside options.html). */
export function CollectionLink({ t }: { t: Translate }) {
  return (
    <section class="card" aria-labelledby="collection-heading">
      <h2 id="collection-heading">{t('collectionHeading')}</h2>
      <p class="hint">{t('collectionSubtitle')}</p>
      <a class="button" href="collection.html" data-testid="open-collection">
        {t('openCollectionPage')}
      </a>
    </section>
  );
}
