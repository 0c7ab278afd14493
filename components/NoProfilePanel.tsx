import type { JSX } from 'preact';

interface Props {
  /** False: no content script answered in the tab, so it may need a reload. */
  pageSeen: boolean;
  /** The lookup form, offered instead. */
  form: JSX.Element;
}

/** The tab shows no profile: say so, and offer to look one up by hand. */
export function NoProfilePanel({ pageSeen, form }: Props) {
  return (
    <section class="no-profile" aria-labelledby="no-profile-title">
      <h2 id="no-profile-title" class="problem-title">
        This page is not an Instagram profile
      </h2>
      <p class="problem-detail">Open a profile on instagram.com, or look one up here.</p>
      {pageSeen ? null : (
        <p class="problem-detail" data-testid="reload-hint">
          If this tab does show Instagram, reload it: tabs opened before Highlight Lookup was installed or updated
          cannot be seen until then.
        </p>
      )}
      {form}
    </section>
  );
}
