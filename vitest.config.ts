import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// StrykerJS's workers (`npm run test:mutation`, stryker.config.mjs) run the unit
// project alone: the other projects build the extension or start browsers.
const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined;

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          // Needs no build and no browser: `npm run test:unit` on a fresh clone after `npm ci`.
          // Each module's test mirrors its path (utils/profile-url.ts →
          // test/unit/utils/profile-url.test.ts); test/unit/repo/ checks the repository as a whole.
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // English from public/_locales for the fake browser's i18n.getMessage.
          setupFiles: ['test/unit/helpers/setup.ts'],
          // A guard against a hang, not a time limit: on a shared two-core machine
          // under load (a load average of 19 was seen) a property test or a lint
          // run of the whole tree took more than vitest's 5 s default and failed.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Type tests: tsc checks that each @ts-expect-error meets its error.
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          // What the builds in .output/ hold: manifests, size budgets, web-ext lint, the
          // store zips, the built code. Builds nothing itself: `npm run test:build` and
          // `npm test` build Chrome and Firefox first.
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          // A hang guard as in unit: web-ext lint and the zip's own build take seconds
          // of CPU, and tens of seconds on a loaded two-core machine.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Node's environment, plus closing the browser kept across files (test/support/kept-worlds.ts).
          environment: './test/support/kept-worlds-environment.ts',
          globalSetup: ['test/support/global-setup.ts'],
          // One browser at a time: the machine has two cores. Every file in one worker
          // (isolate: false), so that a browser launched for one file serves the next.
          fileParallelism: false,
          isolate: false,
          // A group of its own: vitest runs a single non-isolated worker only apart from
          // projects with other worker counts (the unit tests run in parallel).
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // expect.poll waits for what the browser will show; its 1 s default is a time
          // limit that a loaded two-core machine misses (a collection created by keyboard
          // took longer in one run of four under load).
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          environment: './test/support/kept-worlds-environment.ts',
          globalSetup: ['test/support/global-setup-firefox.ts'],
          fileParallelism: false,
          isolate: false,
          // After the Chromium tests: one browser at a time on two cores.
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ].filter((project) => !underStryker || project.test.name === 'unit'),
  },
});
