/**
 * The demo's stories: a highlight's stories opened from its row's menu
 * (*Stories · 1 credit*), one request to the stand-in's highlight-detail;
 * then opened again, from the cache, free.
 */
import type { Popup } from '../test/support/popup';
import { DEFAULT_SCENARIOS, profileScenarios, storiesScenario } from '../test/support/scenarios';
import { API_PATHS } from '../test/support/sociavault-server';
import { check, detail } from '../test/support/story';
import type { World } from '../test/support/world';

/** nasa's fourth highlight: five stories, photos and videos. */
const INDEX = 3;

/** Opens the row's menu for `id`, chooses *Stories* and waits for them; says what the menu item read. */
async function openStories(popup: Popup, id: string): Promise<string> {
  const { page } = popup;
  await page.bringToFront();
  await page.getByRole('button', { name: `More actions for highlight ${id}` }).click();
  // The menu checks the cache as it opens: its label is final once it has.
  await page.waitForFunction(() => document.querySelector('[data-testid="row-menu-stories"]')?.getAttribute('data-cached') != null);
  const label = (await page.getByTestId('row-menu-stories').innerText()).trim();
  await page.getByTestId('row-menu-stories').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="stories-view"]')?.getAttribute('data-state') === 'answer', null, { timeout: 15_000 });
  return label;
}

/** Shows nasa's highlight's stories twice (paid, then cached); `shoot` pictures the first. */
export async function showStories(world: World, popup: Popup, shoot: () => Promise<void>): Promise<void> {
  const nasa = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'nasa')!;
  const expected = storiesScenario(nasa, INDEX);
  const id = expected.highlightId;
  const requests = () => world.api.requests.filter((r) => r.path === API_PATHS.highlightDetail).length;
  const before = requests();

  const label = await openStories(popup, id);
  const shown = await popup.page.getByTestId('story-id').allInnerTexts();
  const wanted = expected.stories.map((story) => story.pk);
  check(JSON.stringify(shown) === JSON.stringify(wanted), `The popup lists the stories ${shown.join(', ')}, not ${wanted.join(', ')}.`);
  check(requests() === before + 1, `Opening the stories sent ${requests() - before} requests to SociaVault, not 1.`);
  const until = (await popup.page.getByTestId('links-valid-until').innerText()).replace(/^·\s*/, '');
  detail(`chose “${label}” in the menu of “${expected.title}”: ${shown.length} stories, 1 request (1 credit); “${until}”`);
  await shoot();

  await popup.page.keyboard.press('Escape');
  const again = await openStories(popup, id);
  check(requests() === before + 1, 'Opening the cached stories again sent a request to SociaVault.');
  detail(`Escape, back to the list; the menu now says “${again}”, and opening them again sent no request`);
  await popup.page.keyboard.press('Escape');
}
