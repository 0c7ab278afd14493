/**
 * What the stories view says when highlight-detail failed, and what it
 * offers next. Most failures read as they do for a list
 * (utils/errors/error-explanation.ts); those about the highlight itself (400,
 * 404), an interrupted request and an answer that is not JSON have their own
 * words. Only a timeout, an interrupted request and a 200 that is not JSON
 * say a credit may have been used: every other failure was not charged.
 */
import { explainError } from '@/utils/errors/error-explanation';
import type { LookupError } from '@/utils/errors/lookup-error';
import { text, type Text } from '@/utils/i18n';

export interface StoriesFailure {
  title: Text;
  detail: Text;
  /** Whether asking again can help (it costs a credit when it succeeds); `resend` for an interrupted request. */
  retry: 'ask' | 'resend' | null;
}

/** The failures that asking again cannot mend: the key, the credits, the id. */
const NO_RETRY = new Set<LookupError['kind']>(['no-key', 'key-unusable', 'key-rejected', 'out-of-credits', 'bad-request', 'not-found', 'invalid-handle']);

export function explainStoriesFailure(error: LookupError): StoriesFailure {
  const retry = error.kind === 'interrupted' ? 'resend' : NO_RETRY.has(error.kind) ? null : 'ask';
  switch (error.kind) {
    case 'bad-request':
      return {
        title: text('storiesErrBadRequestTitle'),
        detail: error.message ? explainError(error, null).detail : text('storiesErrBadRequestDetail'),
        retry,
      };
    case 'not-found':
      return { title: text('storiesErrNotFoundTitle'), detail: text('storiesErrNotFoundDetail'), retry };
    case 'interrupted':
      // Names the button that asks again by its translated label.
      return { title: text('storiesErrInterruptedTitle'), detail: text('errInterruptedDetail', text('storiesTryAgainCost')), retry };
    case 'bad-response':
      if (error.detail === 'the body is not JSON') return { title: text('errBadResponseTitle'), detail: text('storiesErrNotJson'), retry };
      break;
  }
  const { title, detail } = explainError(error, null);
  return { title, detail, retry };
}
