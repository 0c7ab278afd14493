/**
 * Adds a style sheet, given as text, to the page. It is for the style of a
 * part that the popup loads later (a chunk of its own, see lazy-module.ts).
 * Imported as `./X.css?inline`, the style comes inside that part's code. The
 * other way, Vite's loader for a chunk's style sheets, would add more to what
 * the popup loads at open than the style itself weighs.
 */
export function adoptStyle(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
