/**
 * Adds a style sheet, given as text, to the page. For the style of a part the
 * popup loads later (a chunk of its own, lazy-module.ts): imported as
 * `./X.css?inline`, it comes with that part's code, instead of through Vite's
 * loader for a chunk's style sheets, which would cost the popup more at open
 * than the style itself.
 */
export function adoptStyle(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
