/**
 * What was typed into the lookup form, checked where it enters: a handle, or
 * why it is none. The popup's reducer takes only a checked handle
 * (state.ts, `form-submitted`), so what cannot be a handle is never sent.
 * Loaded with the form (panel-set.ts), not with the list.
 */
import { invalidHandleDetail } from '@/utils/errors/error-action';
import { text, type Text } from '@/utils/i18n';
import { LOOKUP_INPUT_MAX } from '@/utils/limits';
import { parseHandleInput, type Handle } from '@/utils/profile-url';

export type TypedHandle = { ok: true; handle: Handle } | { ok: false; error: Text };

export function checkTypedHandle(value: string): TypedHandle {
  const typed = value.trim();
  if (typed.length === 0) return { ok: false, error: text('lookupEmpty') };
  if (typed.length > LOOKUP_INPUT_MAX) return { ok: false, error: text('lookupTooLong') };
  const handle = parseHandleInput(typed);
  return handle ? { ok: true, handle } : { ok: false, error: invalidHandleDetail(typed) };
}
