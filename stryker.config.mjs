// @ts-check
/**
 * Mutation testing of the pure core: `npm run test:mutation`.
 *
 * StrykerJS changes one thing at a time in the modules below (a `<` to `<=`,
 * a string to "", a condition to true) and runs the unit tests that reach
 * that line: a change no test notices is a wrong program the tests would let
 * through. Not part of `npm test` (it takes minutes); CONTRIBUTING.md says
 * when to run it. StrykerJS stays at 9.6.1, the last line that runs on
 * Node 20 (10.x needs Node 22).
 *
 * This file is also loaded as a Stryker plugin (see `plugins`), for the
 * `per-module` reporter at its end.
 */
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

/** Each module's score must reach this; below it the command fails. */
const MODULE_FLOOR = 95;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'utils/profile-url.ts',
    'utils/highlights/export-files.ts',
    'utils/highlights/id-export.ts',
    'utils/highlights/highlight-id.ts',
    'utils/stories/*.ts',
    'utils/collections/collection-input.ts',
    'entrypoints/background/lookup/exact-json.ts',
    'entrypoints/background/lookup/highlights-response.ts',
    'entrypoints/background/lookup/retry-policy.ts',
    'entrypoints/background/cache/cache-policy.ts',
    // The stories reader and the stories run's reducer; not stories-service.ts, the glue
    // between storage, fetch and messages (as lookup-service.ts is not here).
    'entrypoints/background/stories/json-parts.ts',
    'entrypoints/background/stories/stories-response.ts',
    'entrypoints/background/stories/story-item.ts',
    'entrypoints/background/stories/story-redaction.ts',
    'entrypoints/background/stories/stories-run-machine.ts',
    'entrypoints/background/collections/run-machine.ts',
  ],
  testRunner: 'vitest',
  // The unit project alone (vitest.config.ts picks it when Stryker's worker
  // runs it): no build, no browser. Of its files vitest runs only those that
  // import the mutated module (the runner's `related`), and of their tests
  // only those that reached the changed line (perTest). Not Stryker's
  // `testFiles` option: with it, 9.6.1 never switches on a mutant of code
  // that runs at import (a module's constant), so those all "survive".
  coverageAnalysis: 'perTest',
  // The machine has two cores.
  concurrency: 2,
  plugins: ['@stryker-mutator/vitest-runner', './stryker.config.mjs'],
  reporters: ['clear-text', 'progress', 'html', 'json', 'per-module'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Stryker's own break is on the total; `per-module` below fails the run on
  // any one module under the floor instead.
  thresholds: { high: MODULE_FLOOR, low: 90, break: null },
  // What the sandbox copy of the project can leave out: builds, screenshots,
  // bench output, reports.
  ignorePatterns: ['.output', '.demo', '.bench', '.test-tmp', 'reports', 'docs/screenshots', 'docs/bench', 'docs/store/images'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

/**
 * Prints each module's score, with the run's start and length, and sets a
 * failing exit code when one is under MODULE_FLOOR: the total can hide a weak
 * module behind strong ones.
 */
class PerModuleReporter {
  static inject = /** @type {const} */ ([]);
  started = new Date();

  /**
   * @param {unknown} _report
   * @param {import('mutation-testing-metrics').MutationTestMetricsResult} metrics
   */
  onMutationTestReportReady(_report, metrics) {
    /** @type {{ path: string, m: import('mutation-testing-metrics').Metrics }[]} */
    const modules = [];
    /** @param {import('mutation-testing-metrics').MetricsResult} node */
    const walk = (node) => {
      if (node.file) modules.push({ path: node.file.name, m: node.metrics });
      node.childResults.forEach(walk);
    };
    walk(metrics.systemUnderTestMetrics);
    const minutes = (Date.now() - this.started.getTime()) / 60_000;
    const lines = [`Mutation score per module (floor ${MODULE_FLOOR}%), run of ${this.started.toISOString()}, ${minutes.toFixed(1)} min:`];
    const under = [];
    for (const { path, m } of modules.sort((a, b) => a.path.localeCompare(b.path))) {
      // NaN when a module has no mutant that could run: nothing to score.
      const score = m.totalValid === 0 ? 100 : m.mutationScore;
      if (score < MODULE_FLOOR) under.push(path);
      lines.push(
        `  ${score.toFixed(2).padStart(6)}%  ${path}  (${m.totalValid} mutants: ${m.totalDetected} caught, ` +
          `${m.survived} survived, ${m.noCoverage} not reached)${score < MODULE_FLOOR ? '  UNDER THE FLOOR' : ''}`,
      );
    }
    lines.push(under.length === 0 ? `Every module at ${MODULE_FLOOR}% or more.` : `${under.length} module(s) under ${MODULE_FLOOR}%.`);
    console.log(lines.join('\n'));
    if (under.length > 0) process.exitCode = 1;
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'per-module', PerModuleReporter)];
