/**
 * What the popup shows besides its main state, fetched after the first paint
 * and never in its way: the credit balance (free to ask, at most once a
 * minute) and the collection the profile can be added to.
 */
import type { BalanceAnswer } from '@/utils/protocol';

export interface PopupExtras {
  balance: BalanceAnswer | null;
  /** Profiles in the default collection, once known. */
  collectionSize: number | null;
  /** What the last "Add to collection" did. */
  added: 'added' | 'already' | 'full' | null;
  adding: boolean;
}

export type ExtrasEvent =
  | { type: 'balance'; answer: BalanceAnswer }
  | { type: 'collection-size'; size: number }
  | { type: 'adding' }
  | { type: 'added'; added: number; size: number; overLimit: number }
  | { type: 'add-failed' };

export const initialExtras: PopupExtras = { balance: null, collectionSize: null, added: null, adding: false };

export function extrasReducer(extras: PopupExtras, event: ExtrasEvent): PopupExtras {
  switch (event.type) {
    case 'balance':
      return { ...extras, balance: event.answer };
    case 'collection-size':
      return { ...extras, collectionSize: event.size };
    case 'adding':
      return { ...extras, adding: true, added: null };
    case 'added': {
      const added = event.added > 0 ? 'added' : event.overLimit > 0 ? 'full' : 'already';
      return { ...extras, adding: false, added, collectionSize: event.size };
    }
    case 'add-failed':
      return { ...extras, adding: false };
  }
}
