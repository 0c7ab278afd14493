export interface CopyNotice {
  text: string;
  tone: 'success' | 'failure';
  /** Set once the notice starts fading out. */
  fading: boolean;
}

/**
 * The live region that announces copies (the copying itself: on-demand/copying.ts).
 * Always rendered, so updates are announced.
 */
export function CopyStatus({ notice }: { notice: CopyNotice | null }) {
  const classes = ['copy-status'];
  if (notice) classes.push(`copy-status-${notice.tone}`);
  if (notice?.fading) classes.push('is-fading');
  return (
    <p class={classes.join(' ')} role="status" data-testid="copy-status">
      {notice?.text ?? ''}
    </p>
  );
}
