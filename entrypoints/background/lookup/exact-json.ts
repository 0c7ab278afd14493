/**
 * JSON.parse, except that integers too large for a double are kept as their
 * exact digits (as strings). Instagram ids exceed 2^53; a bare JSON number id
 * must not be rounded on its way to the user's clipboard.
 */
export function parseJsonExact(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}

/** Wraps every integer literal outside strings that is not a safe integer in quotes. */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) {
        i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      }
      i++;
      continue;
    }
    if (c === 0x2d /* - */ || isDigit(c)) {
      // The digits after the minus or the first digit (charCodeAt past the end is NaN, no digit).
      let end = i + 1;
      while (isDigit(text.charCodeAt(end))) end++;
      const next = text[end];
      const isInteger = next !== '.' && next !== 'e' && next !== 'E';
      const literal = text.slice(i, end);
      if (isInteger && isJsonInteger(literal) && !isKey(text, end) && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(copiedUpTo, i)}"${literal}"`;
        copiedUpTo = end;
      }
      while (/[0-9.eE+-]/.test(text.charAt(end))) end++;
      i = end;
      continue;
    }
    i++;
  }
  return out + text.slice(copiedUpTo);
}

/** Quoting must not turn what JSON.parse refuses (a leading zero, a bare key) into something it accepts. */
function isJsonInteger(literal: string): boolean {
  return /^-?(0|[1-9][0-9]*)$/.test(literal);
}

function isKey(text: string, end: number): boolean {
  let j = end;
  while (/\s/.test(text.charAt(j))) j++;
  return text[j] === ':';
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
