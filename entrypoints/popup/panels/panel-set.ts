/**
 * What the popup shows besides a list and "Looking up…", as one chunk loaded
 * when one of them is shown (App.tsx): the no-key and failure panels, the
 * no-profile notice, the lookup form, the notice of a full cache. The list,
 * what nearly every opening shows, paints without them.
 */
import '../on-demand/form-controls';
import { adoptStyle } from '../on-demand/adopt-style';
import style from './panels.css?inline';

adoptStyle(style);

export { CacheFullNotice } from './CacheFullNotice';
export { PanelBody, StateLookupForm } from './PanelBody';
