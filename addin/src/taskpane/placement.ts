// Pure functions for placing findings on Word's paragraphs: paragraph
// fingerprints, sequence alignment of the core's paragraphs with Word's,
// and the search strings Word's `paragraph.search` needs. No Office here,
// so the logic is the same in the pane and in the tests.

/** Word's search refuses strings longer than this. */
export const WORD_SEARCH_LIMIT = 255;
/** Head and tail length for quotes too long to search in one go. */
const HEAD_TAIL = 120;

/**
 * A paragraph's text reduced to what both Word and the core agree on:
 * Unicode NFC, every kind of white space (tab, line break, no-break space)
 * as one space, invisible characters (field and object marks, zero-width
 * characters) out, trimmed, lower case.
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u0000-\u0008\u000e-\u001f\u200b-\u200d\u2060\ufeff\ufffc]/g, "")
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

/** A 32-bit FNV-1a hash of the normalised text: the paragraph's fingerprint. */
export function fingerprint(text: string): number {
  const s = normaliseText(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** How a core paragraph was matched to a Word paragraph. */
export type Match = { word: number; exact: boolean };

/**
 * Aligns the core's paragraphs with Word's by their fingerprints, as a diff
 * aligns lines: common prefix and suffix first, then the longest common
 * subsequence of the rest; paragraphs left over between two matched ones
 * are paired by position when both sides have the same number (the same
 * paragraphs, their text shown differently), `exact: false`. Returns, for
 * each core paragraph, its Word paragraph or null.
 */
export function alignParagraphs(coreTexts: string[], wordTexts: string[]): (Match | null)[] {
  const a = coreTexts.map(fingerprint);
  const b = wordTexts.map(fingerprint);
  const result: (Match | null)[] = new Array(a.length).fill(null);
  const pairs: [number, number][] = [];
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) {
    pairs.push([lo, lo]);
    lo++;
  }
  let hiA = a.length;
  let hiB = b.length;
  const suffix: [number, number][] = [];
  while (hiA > lo && hiB > lo && a[hiA - 1] === b[hiB - 1]) {
    hiA--;
    hiB--;
    suffix.push([hiA, hiB]);
  }
  pairs.push(...lcsPairs(a, b, lo, hiA, lo, hiB));
  pairs.push(...suffix.reverse());
  for (const [i, j] of pairs) result[i] = { word: j, exact: true };
  // Gaps between consecutive matches (and before the first / after the last).
  const anchors: [number, number][] = [[-1, -1], ...pairs, [a.length, b.length]];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [i0, j0] = anchors[k];
    const [i1, j1] = anchors[k + 1];
    const gapA = i1 - i0 - 1;
    const gapB = j1 - j0 - 1;
    if (gapA > 0 && gapA === gapB) {
      for (let d = 1; d <= gapA; d++) result[i0 + d] = { word: j0 + d, exact: false };
    }
  }
  return result;
}

/** Matched index pairs of a longest common subsequence of a[a0..a1) and b[b0..b1). */
function lcsPairs(a: number[], b: number[], a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) return [];
  if (n * m > 8_000_000) return patiencePairs(a, b, a0, a1, b0, b1);
  // DP table of LCS lengths of suffixes, (n+1) x (m+1).
  const w = m + 1;
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] =
        a[a0 + i] === b[b0 + j]
          ? table[(i + 1) * w + j + 1] + 1
          : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      out.push([a0 + i, b0 + j]);
      i++;
      j++;
    } else if (table[(i + 1) * w + j] >= table[i * w + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return out;
}

/**
 * For very long documents: matches fingerprints that occur exactly once on
 * each side, keeping the longest increasing run (patience diff's anchors).
 */
function patiencePairs(a: number[], b: number[], a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const count = (xs: number[], from: number, to: number) => {
    const m = new Map<number, number>();
    for (let i = from; i < to; i++) m.set(xs[i], (m.get(xs[i]) ?? 0) + 1);
    return m;
  };
  const ca = count(a, a0, a1);
  const cb = count(b, b0, b1);
  const posB = new Map<number, number>();
  for (let j = b0; j < b1; j++) if (cb.get(b[j]) === 1) posB.set(b[j], j);
  const candidates: [number, number][] = [];
  for (let i = a0; i < a1; i++) {
    if (ca.get(a[i]) === 1 && posB.has(a[i])) candidates.push([i, posB.get(a[i])!]);
  }
  // Longest increasing subsequence on the Word index.
  const tails: number[] = [];
  const prev: number[] = new Array(candidates.length).fill(-1);
  for (let k = 0; k < candidates.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tails[mid]][1] < candidates[k][1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.push(candidates[k]);
  return out.reverse();
}

/** Escapes text for Word's (non-wildcard) search: `^` starts a special code. */
export function escapeWordSearch(text: string): string {
  let out = "";
  for (const ch of text) {
    switch (ch) {
      case "^":
        out += "^^";
        break;
      case "\t":
        out += "^t";
        break;
      case "\u000b":
        out += "^l";
        break;
      case "\u00a0":
        out += "^s";
        break;
      case "\u00ad":
        out += "^-";
        break;
      case "\r":
      case "\n":
        out += "^p";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** Non-overlapping occurrences of `needle` in `hay` that start before `before`. */
export function occurrencesBefore(hay: string, needle: string, before: number): number {
  if (!needle) return 0;
  let n = 0;
  let i = hay.indexOf(needle);
  while (i >= 0 && i < before) {
    n++;
    i = hay.indexOf(needle, i + needle.length);
  }
  return n;
}

/** What to search for in one Word paragraph to find a quote. */
export type SearchPlan =
  | { kind: "whole"; text: string; occurrence: number }
  | { kind: "head-tail"; head: string; headOccurrence: number; tail: string; tailOccurrence: number };

/** One character-class-insensitive view of a string, for locating a quote. */
function looseChars(text: string): string {
  return text.normalize("NFC").replace(/[\s\u00a0\u2007\u202f]/g, " ");
}

/**
 * Locates the core's quote (at UTF-16 `start` of the core's paragraph text)
 * in Word's text of the same paragraph, and says what to search for: the
 * exact characters Word has there (tabs, no-break spaces and all), with the
 * occurrence to pick among the search results; by head and tail when longer
 * than Word's search allows. Null when Word's paragraph does not hold it.
 */
export function planSearch(coreText: string, wordText: string, quote: string, start: number | null): SearchPlan | null {
  if (!quote.trim()) return null;
  const coreLoose = looseChars(coreText);
  const wordLoose = looseChars(wordText);
  const quoteLoose = looseChars(quote);
  if (wordLoose.length !== wordText.length || coreLoose.length !== coreText.length) {
    // NFC changed lengths: offsets no longer correspond; search the quote as it is.
    return wholeOrHeadTail(wordText, quote, wordText.indexOf(quote));
  }
  // Which occurrence of the quote the finding means, counted in the core's text.
  const k = start == null ? 0 : occurrencesBefore(coreLoose, quoteLoose, start);
  let at = -1;
  let seen = 0;
  for (let i = wordLoose.indexOf(quoteLoose); i >= 0; i = wordLoose.indexOf(quoteLoose, i + quoteLoose.length)) {
    at = i;
    if (seen === k) break;
    seen++;
  }
  if (at < 0) return null;
  return wholeOrHeadTail(wordText, wordText.slice(at, at + quote.length), at);
}

function wholeOrHeadTail(wordText: string, exact: string, at: number): SearchPlan | null {
  if (at < 0) return null;
  const trimmedStart = exact.length - exact.trimStart().length;
  const core = exact.trim();
  const pos = at + trimmedStart;
  if (escapeWordSearch(core).length <= WORD_SEARCH_LIMIT) {
    return { kind: "whole", text: core, occurrence: occurrencesBefore(wordText, core, pos) };
  }
  let head = core.slice(0, HEAD_TAIL);
  let tail = core.slice(core.length - HEAD_TAIL);
  // Never cut a surrogate pair in two.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  if (/^[\udc00-\udfff]/.test(tail)) tail = tail.slice(1);
  head = head.trimEnd();
  tail = tail.trimStart();
  const tailPos = pos + core.length - tail.length;
  return {
    kind: "head-tail",
    head,
    headOccurrence: occurrencesBefore(wordText, head, pos),
    tail,
    tailOccurrence: occurrencesBefore(wordText, tail, tailPos),
  };
}

/** The text of a comment the pane writes: message, help and the tag. */
export const TAG_PREFIX = "[Golden Thread \u00b7 ";
export function commentText(f: { message: string; help: string; rule: string }, note?: string): string {
  const parts = [f.message.trim(), f.help.trim()];
  if (note) parts.push(note);
  parts.push(`${TAG_PREFIX}${f.rule}]`);
  return parts.filter(Boolean).join("\n");
}
export function isPaneComment(content: string): boolean {
  return content.includes(TAG_PREFIX);
}
