/**
 * Where the extension welcomes a new user: the options page it opens in a tab
 * on a first install. Written out here, not taken from the code under test;
 * both browsers' harnesses wait for that tab at launch.
 */
export const WELCOME_PAGE = 'options.html?welcome=1';

/**
 * Run in the welcome page: whether it has heard back from the background on
 * everything it asks for as it opens (whether a key is saved, the settings,
 * today's automatic lookups). The harness closes the tab only then: Firefox
 * logs an error for every message a closed page was still waiting on.
 * Self-contained, as it is sent to the page as source text.
 */
export function optionsPageSettled(): boolean {
  // Sent to the page as source text: no named inner function (tsx, which runs
  // the demo and the bench, would wrap it in a helper the page does not have).
  const [keyState = '', autoToday = ''] = ['key-state', 'auto-lookups-today'].map(
    (testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '',
  );
  const submits = [...document.querySelectorAll<HTMLButtonElement>('form button[type="submit"]')];
  return keyState !== '' && !/^Checking/.test(keyState) && autoToday !== '' && submits.length > 1 && submits.every((b) => !b.disabled);
}
