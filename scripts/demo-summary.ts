/**
 * The demo's last words: what it showed and what it cost, from the stand-in
 * SociaVault's own request log, and where the screenshots are.
 */
import { relative } from 'node:path';
import { missingFontPackages } from '../test/support/screenshot';
import { API_PATHS } from '../test/support/sociavault-server';
import { say } from '../test/support/story';
import type { World } from '../test/support/world';

export interface DemoSummary {
  world: World;
  /** Highlights listed per profile shown. */
  listed: ReadonlyMap<string, number>;
  /** The screenshots taken, by name. */
  shots: readonly string[];
  outDir: string;
  startingCredits: number;
  /** How long the demo took, in words. */
  took: string;
}

export function printSummary({ world, listed, shots, outDir, startingCredits, took }: DemoSummary): void {
  const details = world.api.requests.filter((r) => r.path === API_PATHS.highlightDetail);
  const requests = [...world.highlightLog(), ...details];
  const charged = requests.filter((r) => r.status === 200);
  const uncharged = requests.filter((r) => r.status !== 200);
  const visited = [...listed.keys()].map((h) => `@${h}`);
  const total = [...listed.values()].reduce((a, b) => a + b, 0);
  const outShown = relative(process.env.INIT_CWD ?? process.cwd(), outDir) || '.';
  say('\nSummary');
  say(`  Profiles shown:     ${visited.length} (${visited.join(', ')}), plus @instagram with a rejected key`);
  say(`  Highlights listed:  ${total} (${[...listed].map(([h, n]) => `${n} @${h}`).join(', ')})`);
  say(
    `  Credits spent:      ${charged.length} of ${startingCredits} (${requests.length} requests to the stand-in SociaVault, ` +
      `${details.length} of them for a highlight's stories; ` +
      `${uncharged.length} refused without charge: ${uncharged.map((r) => r.status).join(', ') || 'none'}; ` +
      'the return to @nasa and the stories opened again came from the cache)',
  );
  say(`  Screenshots:        ${shots.length} PNGs in ${outDir}${outShown !== outDir ? ` (${outShown})` : ''}`);
  const fonts = missingFontPackages();
  if (fonts.length > 0) {
    say('  Hint:               some characters in highlight titles (emoji, Japanese) have no font here and');
    say(`                      show as boxes. On Debian/Ubuntu: apt-get install ${fonts.join(' ')}`);
  }
  say(`  Took:               ${took}`);
}
