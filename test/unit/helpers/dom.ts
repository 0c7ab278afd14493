/**
 * Rendering Preact components in a unit test, under happy-dom (a test file
 * opts in with `// @vitest-environment happy-dom` on its first line). Renders
 * and events go through preact/test-utils' act(), so the page is up to date
 * when a test reads it; an answer that comes later is awaited with vi.waitFor.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

const mounted: HTMLElement[] = [];

export interface Mounted {
  root: HTMLElement;
  rerender(ui: ComponentChild): void;
}

/** Renders `ui` into a fresh element of the document. */
export function mount(ui: ComponentChild): Mounted {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  act(() => render(ui, root));
  return { root, rerender: (next) => act(() => render(next, root)) };
}

/** Unmounts everything mount() rendered (for afterEach). */
export function cleanup(): void {
  for (const root of mounted.splice(0)) {
    act(() => render(null, root));
    root.remove();
  }
}

/** The one element matching `selector` in `root`; throws when there is none. */
export function find<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The button whose text is `label` (trimmed); throws when there is none. */
export function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no button "${label}" among ${[...root.querySelectorAll('button')].map((b) => `"${b.textContent?.trim()}"`).join(', ')}`);
  return found;
}

/** The buttons' labels, in order. */
export function buttonLabels(root: ParentNode): string[] {
  return [...root.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '');
}

export function click(element: HTMLElement): void {
  act(() => element.click());
}

/** Types `value` into a field as the user would: the field's value, then an input event. */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function submit(form: HTMLFormElement): void {
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

export function key(element: HTMLElement, name: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...init });
  act(() => {
    element.dispatchEvent(event);
  });
  return event;
}
