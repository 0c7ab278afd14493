import { exportFile, type FileFormat } from '@/utils/highlights/export-files';
import type { HighlightList } from '@/utils/highlights/highlight';
import { saveFile } from '@/components/save-file';

/**
 * A list saved as a file. Loaded on the first click of a download button
 * (list/FileActions.tsx): the file formats are not in what the popup
 * loads to open.
 */
export function saveList(list: HighlightList, format: FileFormat): void {
  const file = exportFile([list], list.handle, format);
  saveFile(file.name, new Blob([...file.chunks], { type: file.type }));
}
