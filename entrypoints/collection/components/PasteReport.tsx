import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { refusalText, textLineText } from '../format';
import type { PasteReport } from '../state';
import { MAX_COLLECTION_SIZE } from '@/utils/collections/run-record';
import type { RefusalReason } from '@/utils/collections/collection-input';
import { plural, text, type Translate } from '@/utils/i18n';
import { useVisibleRows } from './windowing';

/** Entries of a group listed at first; the rest on demand, in a list that draws only what is in view. */
export const FIRST_SHOWN = 20;
/** A listed entry's height in pixels (collection.css gives each exactly this). */
const ENTRY_HEIGHT = 24;

/** What the last paste did: a summary read out, then each kind of entry grouped, with its count. */
export function PasteReportView({ report, t }: { report: PasteReport | null; t: Translate }) {
  return (
    <div class="paste-report" data-testid="paste-report">
      {/* The summary is announced; the lists are there to read at leisure. */}
      <p class="report-line" role="status" data-testid="paste-added">
        {report ? summaryOf(report, t) : ''}
      </p>
      {report ? <Groups report={report} t={t} /> : null}
    </div>
  );
}

function summaryOf({ added, alreadyIn, overLimit, duplicates, refused, textLines, linesRead, linesLeft }: PasteReport, t: Translate): string {
  const parts = [t(plural('collectionAdded', added))];
  if (alreadyIn > 0) parts.push(t(plural('collectionAlreadyIn', alreadyIn)));
  if (overLimit > 0) parts.push(t(plural('collectionOverLimit', overLimit, MAX_COLLECTION_SIZE)));
  if (duplicates.length > 0) parts.push(`${t(plural('collectionDuplicates', duplicates.length))}.`);
  if (refused.length > 0) parts.push(`${t(plural('collectionRefusedCount', refused.length))}.`);
  if (textLines.length > 0) parts.push(`${t(plural('collectionTextLines', textLines.length))}.`);
  if (linesLeft > 0) parts.push(t(plural('collectionLinesLeft', linesLeft, linesRead, text('collectionAddButton'))));
  return parts.join(' ');
}

/** Refusals by reason, in the order each reason first came up. */
function byReason(refused: PasteReport['refused']): Array<[RefusalReason, PasteReport['refused']]> {
  const groups = new Map<RefusalReason, PasteReport['refused']>();
  for (const entry of refused) {
    const group = groups.get(entry.reason);
    if (group) group.push(entry);
    else groups.set(entry.reason, [entry]);
  }
  return [...groups];
}

function Groups({ report, t }: { report: PasteReport; t: Translate }) {
  return (
    <>
      {report.duplicates.length > 0 ? (
        <Group
          testId="paste-duplicates"
          summary={t(plural('collectionDuplicates', report.duplicates.length))}
          entries={report.duplicates}
          line={(entry) => t('collectionDuplicateEntry', entry.line, entry.text, entry.of)}
          t={t}
        />
      ) : null}
      {report.refused.length > 0 ? (
        <div class="report-refused" data-testid="paste-refused">
          {byReason(report.refused).map(([reason, entries]) => (
            <Group
              key={reason}
              open
              reason={reason}
              summary={t(plural('collectionRefusedGroup', entries.length, refusalText(reason)))}
              entries={entries}
              line={(entry) => t(text('collectionRefusedEntry', entry.line, entry.text, refusalText(reason)))}
              t={t}
            />
          ))}
        </div>
      ) : null}
      {report.textLines.length > 0 ? (
        <Group
          open
          testId="paste-text-lines"
          summary={t(plural('collectionTextLines', report.textLines.length))}
          entries={report.textLines}
          line={(entry) => t(textLineText(t, entry))}
          t={t}
        />
      ) : null}
    </>
  );
}

interface GroupProps<E> {
  testId?: string;
  open?: boolean;
  reason?: RefusalReason;
  summary: string;
  entries: readonly E[];
  line: (entry: E) => string;
  t: Translate;
}

/** One kind of entry: its count, the first FIRST_SHOWN, and "Show all" for the rest. */
function Group<E>({ testId, open = false, reason, summary, entries, line, t }: GroupProps<E>) {
  const [all, setAll] = useState(false);
  return (
    <details class="report-list" data-testid={testId} data-group={reason} open={open}>
      <summary>{summary}</summary>
      {all ? (
        <AllEntries entries={entries} line={line} reason={reason} />
      ) : (
        <ul>
          {entries.slice(0, FIRST_SHOWN).map((entry, i) => (
            <li key={i} data-reason={reason}>
              {line(entry)}
            </li>
          ))}
        </ul>
      )}
      {!all && entries.length > FIRST_SHOWN ? (
        <button type="button" class="link-button" onClick={() => setAll(true)}>
          {t(plural('collectionShowAll', entries.length))}
        </button>
      ) : null}
    </details>
  );
}

/** Every entry of a group, in a box that draws only the entries in view. */
function AllEntries<E>({ entries, line, reason }: { entries: readonly E[]; line: (entry: E) => string; reason?: RefusalReason }) {
  const box = useRef<HTMLDivElement>(null);
  const { first, last } = useVisibleRows(entries.length, ENTRY_HEIGHT, box);
  const shown: JSX.Element[] = [];
  for (let i = first; i < last; i++) {
    const said = line(entries[i]!);
    shown.push(
      <li key={i} class="windowed-entry" data-reason={reason} title={said} style={{ insetBlockStart: `${i * ENTRY_HEIGHT}px` }}>
        {said}
      </li>,
    );
  }
  return (
    <div class="windowed-list" ref={box} tabIndex={0}>
      <ul style={{ blockSize: `${entries.length * ENTRY_HEIGHT}px` }}>{shown}</ul>
    </div>
  );
}
