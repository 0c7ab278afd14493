/** How often the URL is compared where the browser has no Navigation API. */
const POLL_MS = 250;

interface NavigationLike extends EventTarget {
  currentEntry: { url: string | null } | null;
}

/**
 * Calls `listener` after every same-document URL change (pushState,
 * replaceState, back and forward). The Navigation API tells at once; without
 * it the URL is compared a few times a second. Both ways run in the content
 * script's own world, and start before any page script runs, so the page can
 * neither see them nor stop them.
 */
export function onUrlChange(listener: (url: string) => void): () => void {
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    const changed = () => listener(navigation.currentEntry?.url ?? location.href);
    navigation.addEventListener('currententrychange', changed);
    return () => navigation.removeEventListener('currententrychange', changed);
  }
  let last = location.href;
  const timer = setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    listener(last);
  }, POLL_MS);
  return () => clearInterval(timer);
}
