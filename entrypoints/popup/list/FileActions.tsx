import type { FileFormat } from '@/utils/highlights/export-files';
import type { HighlightList } from '@/utils/highlights/highlight';
import type { Translate } from '@/utils/i18n';
import { DownloadIcon } from '@/components/icons';
import { lazyModule } from '../on-demand/lazy-module';

/**
 * The file formats and the saving, loaded on the first click. The download
 * still follows from the click: a click's user activation lasts seconds, and
 * the load takes milliseconds.
 */
const saving = lazyModule(() => import('../on-demand/save-list'));

interface Props {
  list: HighlightList;
  t: Translate;
}

/** "Download CSV" and "Download JSON" of the list shown. */
export function FileActions({ list, t }: Props) {
  const download = (format: FileFormat) => void saving.get().then(({ saveList }) => saveList(list, format), () => undefined);
  return (
    <div class="summary-actions">
      <button type="button" class="button" onClick={() => download('csv')}>
        <DownloadIcon size={14} />
        {t('downloadCsv')}
      </button>
      <button type="button" class="button" onClick={() => download('json')}>
        <DownloadIcon size={14} />
        {t('downloadJson')}
      </button>
    </div>
  );
}
