/**
 * The demo's collection: a list pasted the way people paste one (handles,
 * @handles, profile and post URLs, a duplicate, two lines that are no
 * profile, one profile Instagram no longer has), estimated, started,
 * confirmed and run against the stand-in SociaVault; then the CSV read back.
 */
import { failingProfiles, readCsv } from '../test/support/collections';
import { CollectionPage } from '../test/support/collection-page';
import { bigIdPlus, makeProfile, type ProfileScenario, type Scenarios } from '../test/support/scenarios';
import { check, detail } from '../test/support/story';
import type { World } from '../test/support/world';

const NEW_PROFILES: Array<[handle: string, titles: string[]]> = [
  ['esa', ['Launches', 'Astronauts', 'Earth from space', 'Mars Express', 'Webb', 'Rosetta']],
  ['spacex', ['Starship', 'Falcon 9', 'Dragon', 'Starlink']],
  ['nasahubble', ['Galaxies', 'Nebulae', 'Anniversary', 'Servicing missions', 'Deep field']],
  ['nasawebb', ['First images', 'Mirrors', 'Exoplanets']],
  ['iss', ['Spacewalks', 'Crew life', 'Science', 'Sunrises', 'Docking', 'Q&A', 'Experiments']],
  ['cern', ['LHC', 'Open days', 'Detectors']],
  ['natgeotravel', ['Mountains', 'Coasts', 'Cities', 'Deserts', 'Islands', 'Night skies', 'Food', 'Festivals']],
];

/** Profiles only the collection knows: new ones to look up, and one that is gone (404). */
export const COLLECTION_SCENARIOS: Scenarios = {
  ...Object.fromEntries(
    NEW_PROFILES.map(([handle, titles], i) => [
      handle,
      makeProfile({ username: handle, ownerId: String(3_100_000_000 + i * 7_331), firstId: bigIdPlus('17950000000000000', i * 1_000_000), titles }),
    ]),
  ),
  ...failingProfiles('gone.profile', [404]),
};

/** 14 lines: 9 profiles already shown by the demo or new, written in every form, a duplicate and two that are no profile. */
const PASTED = [
  '@nasa',
  'https://www.instagram.com/natgeo/',
  'esa, spacex',
  'https://www.instagram.com/nasahubble/p/C0deWebb1/',
  'NASAWEBB',
  'instagram.com/iss',
  '@NASA',
  'explore',
  'https://twitter.com/cern',
  'cern',
  'gone.profile0',
  'natgeotravel',
  'unicode.names',
  'bigprofile',
].join('\n');

/**
 * Pastes the list, estimates, starts and confirms, waits for the run to
 * finish and checks the CSV; leaves the page open on the finished run.
 */
export async function runDemoCollection(world: World, scenarios: Scenarios, viewport: { width: number; height: number }): Promise<CollectionPage> {
  const page = await CollectionPage.open(world.browser, { viewport });
  detail(`pasted ${PASTED.split(/\n|, /).length} entries; the page says: “${await page.paste(PASTED)}”`);
  const refused = await page.refusedEntries();
  detail(`not added: ${refused.map((entry) => entry.text).join('; ')}`);
  const before = world.highlightRequests();
  detail(`Estimate: “${await page.estimate()}”`);
  await page.start();
  check(world.highlightRequests() === before, 'Something was sent before the confirmation.');
  await page.confirmStart();
  await page.waitForPhase('finished', 60_000);
  const progress = await page.progress();
  check(progress.now === progress.max, `The progress bar stopped at ${progress.text}.`);
  const rows = await page.rows();
  const sent = world.highlightRequests() - before;
  detail(`${progress.text}; ${sent} requests to SociaVault (the cached profiles cost nothing): “${await page.progressText()}”`);
  const failed = rows.filter((row) => row.status === 'failed');
  detail(`failed: ${failed.map((row) => `@${row.handle} (${row.statusText})`).join(', ') || 'none'}`);

  const csv = await page.download('csv');
  const [, ...lines] = readCsv(csv.text);
  const expected = rows
    .filter((row) => row.status === 'done')
    .reduce((sum, row) => sum + ((scenarios[row.handle] as ProfileScenario | undefined)?.highlights.length ?? 0), 0);
  check(lines.length === expected, `The CSV has ${lines.length} rows, not the ${expected} highlights of the profiles done.`);
  detail(`Download CSV: ${csv.name}, ${lines.length} rows (one per highlight), read back from the download`);
  return page;
}
