/**
 * The options page as a person uses it: the key (masked, reveal, save,
 * refuse, warn, remove), the settings, and clearing the cache.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_KEYS } from '../../utils/storage-keys';
import { DEFAULT_API_KEY } from '../support/sociavault-server';
import { useWorld } from './fixture';

const world = useWorld();

async function storedSettings(): Promise<unknown> {
  return (await world.getStorage('local', LOCAL_KEYS.settings))[LOCAL_KEYS.settings];
}

describe('the API key', () => {
  it('is masked, can be revealed, and shows the saved key', async () => {
    const options = await world.options();
    const field = options.keyField();
    await expect.poll(() => field.inputValue()).toBe(DEFAULT_API_KEY);
    expect(await field.getAttribute('type')).toBe('password');
    await options.page.getByRole('button', { name: 'Show' }).click();
    expect(await field.getAttribute('type')).toBe('text');
    await options.page.getByRole('button', { name: 'Hide' }).click();
    expect(await field.getAttribute('type')).toBe('password');
  });

  it.each([
    ['empty', '', /Enter your SociaVault API key/],
    ['with a space inside', 'sk_live abc', /no spaces/],
  ])('refuses a key that is %s, keeps what was typed and the saved key', async (_name, typed, words) => {
    const options = await world.options();
    const field = options.keyField();
    await expect.poll(() => field.inputValue()).toBe(DEFAULT_API_KEY);
    await field.fill(typed);
    await options.page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await options.keyMessage()).toMatch(words);
    expect(await options.page.getByTestId('key-message').getAttribute('role')).toBe('alert');
    expect(await field.inputValue()).toBe(typed);
    expect(await options.storedKey()).toBe(DEFAULT_API_KEY);
  });

  it('saves a key that does not start with sk_, with a warning', async () => {
    const options = await world.options();
    const field = options.keyField();
    await expect.poll(() => field.inputValue()).toBe(DEFAULT_API_KEY);
    await field.fill('  live_abc123\n');
    await options.page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await options.keyMessage()).toMatch(/Key saved\. .*start with sk_/);
    expect(await options.storedKey()).toBe('live_abc123');
  });

  it('removes the key after a confirmation; the popup then asks for one', async () => {
    const options = await world.options();
    await expect.poll(() => options.keyField().inputValue()).toBe(DEFAULT_API_KEY);
    await options.page.getByRole('button', { name: 'Remove key' }).click();
    expect(await options.storedKey()).toBe(DEFAULT_API_KEY);
    await options.page.getByRole('button', { name: 'Confirm remove' }).click();
    await expect.poll(() => options.storedKey()).toBeUndefined();

    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled()).toBe('no-key');
    expect(world.highlightRequests()).toBe(0);
  });
});

describe('settings and cache', () => {
  it('refuses a cache lifetime out of range and keeps the saved one', async () => {
    const options = await world.options();
    const hours = options.cacheLifetime();
    await expect.poll(() => hours.inputValue()).toBe('24');
    await hours.fill('0');
    expect(await options.saveSettings(/whole number/)).toMatch(/whole number of hours from 1 to 720/);
    expect(await storedSettings()).toMatchObject({ cacheTtlHours: 24 });

    await hours.fill('48');
    expect(await options.saveSettings(/Settings saved/)).toContain('Settings saved');
    expect(await storedSettings()).toMatchObject({ cacheTtlHours: 48 });
  });

  it('"Clear cached answers" says how many, and the next popup asks the API again', async () => {
    const first = await world.popupFor('/nasa/');
    await first.popup.settled('list');
    expect(world.highlightRequests()).toBe(1);

    const options = await world.options();
    expect(await options.clearCache()).toBe('Cleared 1 cached profile');

    const again = await world.popup(first.tab);
    expect(await again.settled()).toBe('list');
    expect(world.highlightRequests()).toBe(2);
  });
});

describe('automatic lookups', () => {
  it('stop at the daily limit set in the options, which shows what they spent today', async () => {
    const options = await world.browser.openOptions();
    const cap = options.getByLabel('Automatic lookups a day, at most');
    await expect.poll(() => cap.inputValue()).toBe('100');
    await expect.poll(() => options.getByTestId('auto-lookups-today').textContent()).toBe('Today: 0 automatic lookups (0 credits).');
    await cap.fill('0');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => options.getByTestId('settings-message').textContent()).toMatch(/daily limit from 1 to 1000/);
    await options.getByLabel('Look up automatically when I open a profile').check();
    await cap.fill('2');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => options.getByTestId('settings-message').textContent()).toContain('Settings saved');

    // A page that moves through new profiles: two of them are looked up, no more.
    const page = await world.browser.newInstagramPage('/explore/');
    for (const handle of ['nasa', 'natgeo', 'emptyprofile', 'bigprofile', 'unicode.names']) {
      await page.evaluate((p) => (window as unknown as { __spaNavigate(p: string): void }).__spaNavigate(p), `/${handle}/`);
      await page.waitForTimeout(150);
    }
    await expect.poll(() => world.highlightRequests()).toBe(2);
    await page.waitForTimeout(1_000);
    expect(world.highlightRequests()).toBe(2);

    await options.reload();
    await expect.poll(() => options.getByTestId('auto-lookups-today').textContent()).toBe('Today: 2 automatic lookups (2 credits).');
  });
});

describe('the way to the collection page', () => {
  it('"Open the collection" opens collection.html', async () => {
    const options = await world.options();
    await options.page.getByRole('link', { name: 'Open the collection' }).click();
    await options.page.waitForURL(`${world.browser.extensionOrigin}/collection.html`);
    await expect.poll(() => options.page.getByRole('heading', { level: 1 }).innerText()).toBe('Collections');
    expect(world.api.requests).toEqual([]);
  });
});
