import { parseHandleInput, type Handle } from '@/utils/profile-url';

/** The checked handle for what a test writes (`nasa`, `@NASA`, a profile URL); throws when there is none. */
export function h(input: string): Handle {
  const handle = parseHandleInput(input);
  if (!handle) throw new Error(`not a handle: ${input}`);
  return handle;
}
