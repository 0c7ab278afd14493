import { plural, type Translate } from '@/utils/i18n';

interface Props {
  /** What the last "Add" did, if anything. */
  added: 'added' | 'already' | 'full' | null;
  adding: boolean;
  /** Profiles in the collection, once known. */
  collectionSize: number | null;
  onAdd: () => void;
  onOpenCollection: () => void;
  t: Translate;
}

/** "Add to collection", what it did, and the way to the collection page. */
export function CollectionActions({ added, adding, collectionSize, onAdd, onOpenCollection, t }: Props) {
  const said =
    added === 'added' && collectionSize !== null
      ? t(plural('addedToCollection', collectionSize))
      : added === 'already'
        ? t('alreadyInCollection')
        : added === 'full'
          ? t('collectionFull')
          : collectionSize
            ? t(plural('inCollection', collectionSize))
            : '';
  return (
    <div class="collection-actions">
      <button type="button" class="button" onClick={onAdd} disabled={adding || added === 'added' || added === 'already'}>
        {t('addToCollection')}
      </button>
      <span class="collection-said" role="status" data-testid="collection-status">
        {said}
      </span>
      <button type="button" class="link-button" onClick={onOpenCollection}>
        {t('openCollectionPage')}
      </button>
    </div>
  );
}
