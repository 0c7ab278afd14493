import { exportFile, type FileFormat } from '@/utils/export-files';
import type { HighlightList } from '@/utils/highlight';
import type { Translate } from '@/utils/i18n';
import { DownloadIcon } from './icons';
import { saveFile } from './save-file';

interface Props {
  list: HighlightList;
  t: Translate;
}

/** "Download CSV" and "Download JSON" of the list shown. */
export function FileActions({ list, t }: Props) {
  const download = (format: FileFormat) => {
    const file = exportFile([list], list.handle, format);
    saveFile(file.name, new Blob([...file.chunks], { type: file.type }));
  };
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
