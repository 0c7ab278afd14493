/**
 * A page's JavaScript worlds through DevTools: Instagram's own (main) world
 * and our content script's isolated world, which Playwright's evaluate does
 * not reach.
 */
import type { CDPSession } from 'playwright-core';
import { until } from './poll';

export interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

/** Tracks a page's live JavaScript contexts (main world, isolated worlds). */
export async function trackContexts(cdp: CDPSession): Promise<Map<number, ExecutionContext>> {
  const contexts = new Map<number, ExecutionContext>();
  cdp.on('Runtime.executionContextCreated', (e) => contexts.set(e.context.id, e.context as ExecutionContext));
  cdp.on('Runtime.executionContextDestroyed', (e) => contexts.delete(e.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');
  return contexts;
}

/** Our content script's isolated world in that page (not Playwright's utility world). */
export function contentScriptContext(contexts: Map<number, ExecutionContext>, extensionOrigin: string): Promise<ExecutionContext> {
  const find = () =>
    [...contexts.values()].find(
      (c) => c.auxData?.type === 'isolated' && (c.name === 'Highlight Lookup' || c.origin === extensionOrigin),
    );
  return until("the content script's world to appear", find, (c) => c !== undefined, 10_000) as Promise<ExecutionContext>;
}

/** Evaluates `expression` (awaited) in a context (default: the main world); the value as JSON, or the exception's text. */
export async function evaluateIn(cdp: CDPSession, expression: string, contextId?: number) {
  const r = await cdp.send('Runtime.evaluate', {
    expression,
    ...(contextId === undefined ? {} : { contextId }),
    awaitPromise: true,
    returnByValue: true,
  });
  return r.exceptionDetails
    ? { threw: true, text: `${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ''}` }
    : { threw: false, text: JSON.stringify(r.result.value) ?? 'undefined' };
}
