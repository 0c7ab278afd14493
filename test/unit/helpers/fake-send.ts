/**
 * A page's `send` to the background, for component tests: each message type
 * answers with what the test gives (a value, or a function of the request),
 * every call is recorded, and a type the test gave no answer for rejects as
 * a background that does not answer would.
 */
import { vi } from 'vitest';
import { NoAnswerError, type MessageType, type RequestOf, type ResponseOf, type Send } from '@/utils/protocol';

type Answers<Types extends MessageType> = {
  [T in Types]?: ResponseOf<T> | ((request: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>);
};

export function fakeSend<Types extends MessageType>(answers: Answers<Types>) {
  const send = vi.fn(async (type: Types, request: RequestOf<Types>) => {
    const answer = answers[type];
    if (answer === undefined) throw new NoAnswerError();
    return typeof answer === 'function' ? (answer as (r: unknown) => unknown)(request) : answer;
  });
  return send as unknown as Send<Types> & typeof send;
}

/** A promise the test settles when it chooses (an answer that arrives late). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
