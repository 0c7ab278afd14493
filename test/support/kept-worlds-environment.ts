/**
 * The vitest environment of the e2e projects: Node's own, plus closing the
 * worlds kept across test files (kept-worlds.ts) when the worker stops. With
 * `isolate: false` and one worker, vitest sets an environment up once for all
 * the files of a project and tears it down once after the last: the one
 * moment that is after every file.
 */
import { builtinEnvironments, type Environment } from 'vitest/environments';
import { closeKeptWorlds } from './kept-worlds';

const environment: Environment = {
  name: 'kept-worlds',
  viteEnvironment: 'ssr',
  async setup(global, options) {
    const node = await builtinEnvironments.node.setup(global, options);
    return {
      async teardown(global) {
        await closeKeptWorlds();
        await node.teardown(global);
      },
    };
  },
};

export default environment;
