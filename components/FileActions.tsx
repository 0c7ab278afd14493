import { exportFile, type FileFormat } from '@/utils/export-files';
import type { HighlightList } from '@/utils/highlight';
import type { Translate } from '@/utils/i18n';
import { DownloadIcon } from './icons';

/** Saves a file through a link to a Blob: no permission needed, in Chrome and Firefox alike. */
export function saveFile(name: string, type: string, chunks: readonly BlobPart[]): void {
  const url = URL.createObjectURL(new Blob([...chunks], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it has started; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface Props {
  list: HighlightList;
  t: Translate;
}

/** "Download CSV" and "Download JSON" of the list shown. */
export function FileActions({ list, t }: Props) {
  const download = (format: FileFormat) => {
    const file = exportFile([list], list.handle, format);
    saveFile(file.name, file.type, file.chunks);
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
