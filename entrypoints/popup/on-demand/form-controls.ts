/**
 * The theme's form controls and emphasised buttons (assets/form-controls.css),
 * adopted once by the first part that shows one (the panels, the filter): the
 * list paints without them.
 */
import style from '@/assets/form-controls.css?inline';
import { adoptStyle } from './adopt-style';

adoptStyle(style);
