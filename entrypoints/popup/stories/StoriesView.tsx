import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LookupError } from '@/utils/errors/lookup-error';
import type { HighlightList } from '@/utils/highlights/highlight';
import { plural, type Translate } from '@/utils/i18n';
import type { PageMessage, Send, StoriesResponse } from '@/utils/protocol';
import type { StoriesContent } from '@/utils/stories/cached-stories';
import { linksExpired, linksValidUntil } from '@/utils/stories/link-expiry';
import { mediaUrlsText, storiesFile } from '@/utils/stories/story-files';
import type { FileFormat } from '@/utils/highlights/export-files';
import { saveFile } from '@/components/save-file';
import { CopyIcon, DownloadIcon, RefreshIcon } from '@/components/icons';
import type { CopyNotice, CopyStatus as CopyStatusPart } from '../list/CopyStatus';
import type { Thumbnail as ThumbnailPart } from '../list/Thumbnail';
import type { RowMenuTarget } from '../on-demand/RowMenu';
import { adoptStyle } from '../on-demand/adopt-style';
import { explainStoriesFailure } from './stories-failure';
import { backOnEscape, StoriesHead } from './StoriesHead';
import { StoryRow } from './StoryRow';
import { ProfileStoriesView } from './ProfileStoriesView';
import style from './stories.css?inline';

adoptStyle(style);


/**
 * The list's own parts, passed in rather than imported: a lazy chunk that
 * imports them from the popup's first chunk makes Rollup split Preact's JSX
 * runtime out of that chunk, a second file (and 0.3 kB more gzip) at open.
 */
export interface ListParts {
  Thumbnail: typeof ThumbnailPart;
  CopyStatus: typeof CopyStatusPart;
}

interface Props {
  /** The highlight, and the row it was opened from: the row gets the focus back. */
  target: RowMenuTarget;
  /** The list it is in: its profile names the files. */
  list: HighlightList;
  parts: ListParts;
  /** Copies text and says so: the popup's one copier (on-demand/copying.ts), whose notice is `notice`. */
  copy: (text: string, done: string) => Promise<void>;
  notice: CopyNotice | null;
  send: Send<PageMessage>;
  /** Back to the list (the Back button, Escape). */
  onClose: () => void;
  t: Translate;
}

type Shown =
  | { state: 'loading' }
  | { state: 'answer'; content: StoriesContent; fetchedAt: number; fromCache: boolean }
  | { state: 'error'; error: LookupError };

/** The background did not answer at all (stopped mid-message): said as a lost answer that may have cost a credit. */
const NO_ANSWER: LookupError = { kind: 'interrupted', startedAt: 0 };

/**
 * A highlight's stories, in the popup in place of the list: loaded on first
 * use (its own chunk). Opening it asks the background once; stories cached
 * there cost nothing, and only Refresh (or Try again after a failure) pays
 * again.
 */
export function StoriesView(props: Omit<Props, 'target'> & { target: RowMenuTarget | 'all' }) {
  const { target, list, send, onClose, t } = props;
  // All of the profile's (from the list's menu): in this chunk too, so that the popup's first chunk knows of one stories module.
  if (target === 'all') return <ProfileStoriesView handle={list.handle} send={send} onClose={onClose} t={t} />;
  return <HighlightStories {...props} target={target} />;
}

function HighlightStories({ target, list, parts, copy, notice, send, onClose, t }: Props) {
  const handle = list.handle;
  const highlight = list.highlights.find((h) => h.id === target.id) ?? { id: target.id, title: '', coverUrl: null };
  const onBack = () => {
    onClose();
    target.row.focus();
  };
  const { CopyStatus } = parts;
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<LookupError | null>(null);
  const back = useRef<HTMLButtonElement>(null);
  const title = highlight.title || t('untitled');

  const ask = (options: { refresh: boolean; resend?: boolean }, keepShown: boolean) => {
    if (keepShown) setRefreshing(true);
    else setShown({ state: 'loading' });
    setRefreshError(null);
    const done = (answer: StoriesResponse) => {
      setRefreshing(false);
      if (answer.ok) setShown({ state: 'answer', content: answer.answer.content, fetchedAt: answer.answer.fetchedAt, fromCache: answer.fromCache });
      else if (keepShown) setRefreshError(answer.error);
      else setShown({ state: 'error', error: answer.error });
    };
    send('highlight-stories', { highlightId: highlight.id, ...options }).then(done, () =>
      done({ ok: false, highlightId: highlight.id, error: NO_ANSWER }),
    );
  };

  useEffect(() => {
    back.current?.focus();
    ask({ refresh: false }, false);
  }, [highlight.id]);


  return (
    <section class="stories-view" aria-label={t('storiesOf', title)} data-testid="stories-view" data-state={shown.state} onKeyDown={backOnEscape(onBack)}>
      <StoriesHead backRef={back} onBack={onBack} title={t('storiesOf', title)} t={t}>
        <code class="row-id">{highlight.id}</code>
      </StoriesHead>
      <CopyStatus notice={notice} />
      {shown.state === 'loading' ? (
        <p class="stories-loading" role="status" aria-busy="true" data-testid="stories-loading">
          {t('storiesLoading')}
        </p>
      ) : shown.state === 'error' ? (
        <Failure error={shown.error} onRetry={(resend) => ask({ refresh: false, resend }, false)} t={t} />
      ) : shown.content.kind === 'raw' ? (
        <RawAnswer content={shown.content} highlight={highlight} copy={copy} t={t} />
      ) : (
        <StoriesList
          Thumbnail={parts.Thumbnail}
          content={shown.content}
          highlight={highlight}
          handle={handle}
          refreshing={refreshing}
          refreshError={refreshError}
          onRefresh={() => ask({ refresh: true }, true)}
          copy={copy}
          t={t}
        />
      )}
    </section>
  );
}

function Failure({ error, onRetry, t }: { error: LookupError; onRetry: (resend: boolean) => void; t: Translate }) {
  const failure = explainStoriesFailure(error);
  return (
    <div class="stories-problem" role="alert" data-testid="stories-error" data-kind={error.kind}>
      <strong>{t(failure.title)}</strong>
      <p>{t(failure.detail)}</p>
      {failure.retry ? (
        <button type="button" class="button" data-testid="stories-retry" onClick={() => onRetry(failure.retry === 'resend')}>
          {t('storiesTryAgainCost')}
        </button>
      ) : null}
    </div>
  );
}

interface ListProps {
  Thumbnail: ListParts['Thumbnail'];
  content: Extract<StoriesContent, { kind: 'read' }>;
  highlight: HighlightList['highlights'][number];
  handle: string;
  refreshing: boolean;
  refreshError: LookupError | null;
  onRefresh: () => void;
  copy: (text: string, notice: string) => Promise<void>;
  t: Translate;
}

function StoriesList({ Thumbnail, content, highlight, handle, refreshing, refreshError, onRefresh, copy, t }: ListProps) {
  const { stories } = content.stories;
  const now = Date.now();
  const format = useMemo(() => new Intl.DateTimeFormat(t.lang, { dateStyle: 'medium', timeStyle: 'short' }), [t.lang]);
  const formatTime = (ms: number) => format.format(ms);
  const validUntil = linksValidUntil(stories);
  const expired = validUntil !== null && now >= validUntil;
  const file = { handle, highlightId: highlight.id, highlightTitle: highlight.title, stories };
  const download = (format: FileFormat) => {
    const saved = storiesFile(file, format);
    saveFile(saved.name, new Blob([...saved.chunks], { type: saved.type }));
  };
  // Links that stopped working are not copied: each story's own expiry counts.
  const urls = mediaUrlsText(stories.filter((story) => !linksExpired(story, now)));
  const urlCount = urls === '' ? 0 : urls.split('\n').length;
  const refreshProblem = refreshError ? explainStoriesFailure(refreshError) : null;
  return (
    <>
      <div class="summary">
        <p class="summary-text">
          <strong data-testid="story-count">{t(plural('storyCount', stories.length))}</strong>
          {validUntil !== null && !expired ? (
            <span data-testid="links-valid-until"> · {t('storiesLinksValidUntil', formatTime(validUntil))}</span>
          ) : null}
        </p>
        {expired ? (
          <p class="stories-expired" data-testid="links-expired">
            {t('storiesLinksExpired', formatTime(validUntil))}
          </p>
        ) : null}
        <div class="summary-actions">
          <button type="button" class="button" disabled={urlCount === 0} onClick={() => void copy(urls, t(plural('storiesCopiedUrls', urlCount)))}>
            <CopyIcon size={14} />
            {t('storiesCopyAllUrls')}
          </button>
          <button type="button" class="button" data-testid="stories-refresh" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing ? 'true' : undefined}>
            <RefreshIcon size={14} />
            {t('storiesRefreshCost')}
          </button>
        </div>
        <div class="summary-actions">
          <button type="button" class="button" data-testid="stories-csv" onClick={() => download('csv')}>
            <DownloadIcon size={14} />
            {t('downloadCsv')}
          </button>
          <button type="button" class="button" data-testid="stories-json" onClick={() => download('json')}>
            <DownloadIcon size={14} />
            {t('downloadJson')}
          </button>
        </div>
        {refreshProblem ? (
          <div class="refresh-problem" role="alert" data-testid="stories-refresh-error">
            <strong>{t(refreshProblem.title)}</strong> {t(refreshProblem.detail)}
          </div>
        ) : null}
      </div>
      {stories.length === 0 ? (
        <p class="empty-message" data-testid="stories-none">
          {t('storiesNone')}
        </p>
      ) : (
        <ol class="stories-list" aria-label={t(plural('storyCount', stories.length))}>
          {stories.map((story, i) => (
            <StoryRow key={story.id} Thumbnail={Thumbnail} story={story} position={i + 1} now={now} formatTime={formatTime} onCopy={(text, done) => void copy(text, done)} t={t} />
          ))}
        </ol>
      )}
    </>
  );
}

interface RawProps {
  content: Extract<StoriesContent, { kind: 'raw' }>;
  highlight: HighlightList['highlights'][number];
  copy: (text: string, notice: string) => Promise<void>;
  t: Translate;
}

/** An answer in no shape this version knows: it was paid for, so the user gets it as it came. */
function RawAnswer({ content, highlight, copy, t }: RawProps) {
  const download = () => saveFile(`highlight-${highlight.id}-answer.json`, new Blob([content.raw], { type: 'application/json' }));
  return (
    <div class="stories-problem" data-testid="stories-raw">
      <strong>{t('storiesRawTitle')}</strong>
      <p>{t('storiesRawDetail', content.detail)}</p>
      <div class="summary-actions">
        <button type="button" class="button" data-testid="stories-raw-copy" onClick={() => void copy(content.raw, t('storiesRawCopied'))}>
          <CopyIcon size={14} />
          {t('storiesRawCopy')}
        </button>
        <button type="button" class="button" data-testid="stories-raw-json" onClick={download}>
          <DownloadIcon size={14} />
          {t('downloadJson')}
        </button>
      </div>
    </div>
  );
}
