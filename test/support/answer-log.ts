/**
 * The messages a page sent to the background and got answered, recorded
 * inside the page from its first script on. A check that something was never
 * asked of SociaVault reads the stand-in's log after the page's own ask has
 * been answered (a positive event), not at once: a request on its way a moment
 * later would otherwise pass unseen.
 */
import type { Page } from 'playwright-core';

interface AnswerLogWindow {
  __answered?: string[];
}

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** For `beforeLoad`: wraps the page's runtime.sendMessage to note the type of every message answered. */
export async function recordAnswers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as AnswerLogWindow & { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
    w.__answered = [];
    // Both namespaces, each runtime object once (they may be one object).
    const runtimes = new Set([w.browser?.runtime, w.chrome?.runtime].filter((r): r is Runtime => r !== undefined));
    for (const runtime of runtimes) {
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = async (message: unknown) => {
        const answer = await send(message);
        w.__answered!.push(String((message as { type?: unknown } | null)?.type));
        return answer;
      };
    }
  });
}

/** The types of the messages answered so far, in order (needs `recordAnswers` before the page loaded). */
export async function answeredTypes(page: Page): Promise<string[]> {
  const answered = await page.evaluate(() => (window as AnswerLogWindow).__answered);
  if (!answered) throw new Error('The page was opened without recordAnswers.');
  return answered;
}
