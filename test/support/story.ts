/**
 * Telling a story in numbered steps on the terminal, for `npm run demo`: what
 * each step does, what it saw, which step failed, and clean-up of what was
 * started on success, failure and Ctrl+C.
 */
import { seconds } from './poll';

/** A failure with the step it happened in. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const say = (line = ''): void => console.log(line);
export const detail = (line: string): void => console.log(`    ${line}`);

export interface Story {
  /** Runs one numbered step; a failure in it becomes a StepError naming it. */
  step<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** Something to undo at the end, on failure or on Ctrl+C (last registered, first undone). */
  onCleanup(run: () => Promise<void>): void;
  /** From now on Ctrl+C ends a successful story (a headed browser left open for a person). */
  keepOpen(): void;
  /** Time since the story started. */
  took(): string;
}

export interface RunOptions {
  /** What the story is called in its failure line ("The demo failed at …"). */
  name: string;
  /** Called when the story failed, before clean-up; may add lines about the failure. */
  onFailure?: () => Promise<void>;
}

/**
 * Runs `tell` and exits: 0 when it succeeded, 1 when it failed (saying where
 * and why), 130 when interrupted. Ctrl+C, SIGTERM and SIGHUP clean up first.
 */
export async function runStory({ name, onFailure }: RunOptions, tell: (story: Story) => Promise<void>): Promise<never> {
  const started = Date.now();
  const cleanups: Array<() => Promise<void>> = [];
  let cleaning: Promise<void> | null = null;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const run of cleanups.reverse()) {
        await Promise.race([run().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      }
    })());

  let keepingOpen = false;
  let interrupts = 0;
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts > 1) {
      // One Ctrl+C reaches us several times within milliseconds (from the terminal, and relayed
      // by npm and tsx); only a second press, later on, stops waiting for the clean-up.
      if (Date.now() - firstSignalAt > 1_500) process.exit(130);
      return;
    }
    firstSignalAt = Date.now();
    if (keepingOpen) say('\nClosing the browser and the servers…');
    else console.error(`\nInterrupted (${signal}); closing the browser and the servers…`);
    void cleanUp().then(() => process.exit(keepingOpen ? 0 : 130));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

  let stepNumber = 0;
  const story: Story = {
    async step(title, body) {
      stepNumber += 1;
      say(`\n${String(stepNumber).padStart(2)}. ${title}`);
      try {
        return await body();
      } catch (error) {
        throw error instanceof StepError ? error : new StepError(title, error);
      }
    },
    onCleanup: (run) => void cleanups.push(run),
    keepOpen: () => void (keepingOpen = true),
    took: () => seconds(Date.now() - started),
  };

  let code = 0;
  try {
    await tell(story);
  } catch (error) {
    code = interrupts > 0 ? 130 : 1;
    if (code === 1) {
      const where = error instanceof StepError ? ` at “${error.step}”` : '';
      console.error(`\nThe ${name} failed${where}:\n${(error as Error).message}`);
      await onFailure?.().catch(() => undefined);
    }
  } finally {
    await cleanUp();
  }
  // An interrupted story exits from its signal handler once cleaned up.
  if (interrupts > 0) await new Promise(() => {});
  process.exit(code);
}
