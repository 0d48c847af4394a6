/// <reference types="office-js" />
// Everything that talks to Office and Word: loading Office.js (only inside
// Office), reading the open document, placing findings on Word's paragraphs,
// selecting, adding and clearing the pane's comments.

import type { FindingJson, PaneCheck } from "../generated/edge";
import {
  alignParagraphs,
  commentText,
  escapeWordSearch,
  isPaneComment,
  planSearch,
  type Match,
  type SearchPlan,
} from "./placement";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * True when the page runs inside an Office host. Office opens the
 * manifest's SourceLocation with a `_host_Info` query parameter (and keeps
 * it in the session for later navigations); Word on the web shows the pane
 * in a frame; the desktop hosts expose their webview bridges. `?office=0|1`
 * overrides (for testing the page by hand).
 */
export function insideOffice(): boolean {
  const params = new URLSearchParams(location.search);
  const forced = params.get("office");
  if (forced === "0") return false;
  if (forced === "1") return true;
  if (params.has("_host_Info")) return true;
  try {
    if (sessionStorage.getItem("hostInfoValue")) return true;
  } catch {
    /* storage may be blocked */
  }
  const w = window as unknown as {
    chrome?: { webview?: unknown };
    webkit?: { messageHandlers?: Record<string, unknown> };
  };
  if (w.chrome?.webview) return true; // Word on Windows (WebView2)
  if (w.webkit?.messageHandlers && "Agave" in w.webkit.messageHandlers) return true; // Word on Mac
  return false;
}

/** Loads Office.js from Microsoft's CDN (as Office requires) and waits for the host. */
export async function connectToWord(timeoutMs = 10000): Promise<boolean> {
  if (typeof Office === "undefined") {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = OFFICE_JS;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error("Office.js could not be loaded"));
      document.head.appendChild(script);
    });
  }
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  return !!info && info.host === Office.HostType.Word;
}

/** WordApi 1.4 brings `insertComment` and `getComments`. */
export function canComment(): boolean {
  return Office.context.requirements.isSetSupported("WordApi", "1.4");
}

/** The open document's bytes: the compressed file in slices, else the body's flat OPC. */
export async function readDocument(): Promise<{ bytes: Uint8Array; via: "file" | "ooxml" }> {
  try {
    return { bytes: await readCompressedFile(), via: "file" };
  } catch (error) {
    const ooxml = await Word.run(async (context) => {
      const xml = context.document.body.getOoxml();
      await context.sync();
      return xml.value;
    });
    if (!ooxml) throw error;
    return { bytes: new TextEncoder().encode(ooxml), via: "ooxml" };
  }
}

function readCompressedFile(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 65536 }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(result.error?.message ?? "the document could not be read"));
        return;
      }
      const file = result.value;
      const chunks: Uint8Array[] = [];
      const finish = (error?: Error) =>
        file.closeAsync(() => {
          if (error) {
            reject(error);
            return;
          }
          const total = chunks.reduce((n, c) => n + c.length, 0);
          const bytes = new Uint8Array(total);
          let at = 0;
          for (const c of chunks) {
            bytes.set(c, at);
            at += c.length;
          }
          resolve(bytes);
        });
      const next = (index: number) => {
        if (index >= file.sliceCount) {
          finish();
          return;
        }
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded) {
            finish(new Error(slice.error?.message ?? "a part of the document could not be read"));
            return;
          }
          const data = slice.value.data as ArrayLike<number> | ArrayBuffer;
          chunks.push(data instanceof ArrayBuffer ? new Uint8Array(data) : Uint8Array.from(data as ArrayLike<number>));
          next(index + 1);
        });
      };
      next(0);
    });
  });
}

/** Where a finding landed in Word. */
export type Placement = {
  finding: number;
  /** Word paragraph index, or null when nothing could be placed. */
  paragraph: number | null;
  /** True when the comment sits exactly on the quote. */
  exact: boolean;
  /** Why it is not exact, in words, for the pane and the comment. */
  note?: string;
};

type Pending = {
  finding: number;
  paragraph: number | null;
  plan?: SearchPlan;
  whole?: Word.RangeCollection;
  occurrence?: number;
  head?: Word.RangeCollection;
  headOccurrence?: number;
  tail?: Word.RangeCollection;
  tailOccurrence?: number;
  note?: string;
  fallback?: "paragraph" | "heading" | "start";
};

/** How many findings to search for per `context.sync` (a request stays far below Word on the web's 5 MB payload limit). */
export const BATCH = 1000;

/** The Word paragraph each finding belongs on, with what to search for there. */
function planPlacements(check: PaneCheck, wordTexts: string[], indices: number[]): Pending[] {
  const alignment: (Match | null)[] = alignParagraphs(check.paragraphs, wordTexts);
  const headingOf = new Map<string, number>();
  for (const s of check.report.plan.sections) {
    if (s.heading_paragraph != null) headingOf.set(s.id, s.heading_paragraph);
  }
  const wordIndexOf = (core: number | null | undefined) =>
    core == null ? null : (alignment[core]?.word ?? null);
  const sectionAnchor = (f: FindingJson) => {
    const ids = f.section === "H" ? ["H", "H1", "H2"] : f.section ? [f.section] : [];
    for (const id of ids) {
      const at = wordIndexOf(headingOf.get(id));
      if (at != null) return at;
    }
    return null;
  };
  return indices.map((i) => {
    const f = check.report.findings[i];
    const at = wordIndexOf(f.paragraph);
    if (f.paragraph != null && at != null) {
      const plan = planSearch(check.paragraphs[f.paragraph] ?? "", wordTexts[at], f.quote, f.start ?? null);
      if (plan) {
        return plan.kind === "whole"
          ? { finding: i, paragraph: at, plan, occurrence: plan.occurrence }
          : { finding: i, paragraph: at, plan, headOccurrence: plan.headOccurrence, tailOccurrence: plan.tailOccurrence };
      }
      return {
        finding: i,
        paragraph: at,
        fallback: "paragraph",
        note: f.quote ? "The quoted text was not found in Word; this is on its paragraph." : undefined,
      };
    }
    const heading = sectionAnchor(f);
    if (heading != null) {
      return {
        finding: i,
        paragraph: heading,
        fallback: "heading",
        note: f.paragraph != null ? "Its paragraph was not found in Word; this is on the section heading." : undefined,
      };
    }
    return {
      finding: i,
      paragraph: wordTexts.length ? 0 : null,
      fallback: "start",
      note:
        f.paragraph != null
          ? "Its paragraph was not found in Word; this is at the start of the document."
          : "This concerns the whole plan; it is at the start of the document.",
    };
  });
}

/** Queues the searches of the pending placements (no sync). */
function queueSearches(paragraphs: Word.Paragraph[], pending: Pending[]) {
  for (const p of pending) {
    if (p.paragraph == null || !p.plan) continue;
    const para = paragraphs[p.paragraph];
    const options = { matchCase: true, matchWildcards: false };
    if (p.plan.kind === "whole") {
      p.whole = para.search(escapeWordSearch(p.plan.text), options);
      p.whole.load("items");
    } else {
      p.head = para.search(escapeWordSearch(p.plan.head), options);
      p.tail = para.search(escapeWordSearch(p.plan.tail), options);
      p.head.load("items");
      p.tail.load("items");
    }
  }
}

/** After the searches' sync: the range for each placement and its final note. */
function resolveRanges(paragraphs: Word.Paragraph[], pending: Pending[]): { range: Word.Range | null; placement: Placement }[] {
  return pending.map((p) => {
    let range: Word.Range | null = null;
    let note = p.note;
    let exact = false;
    if (p.whole) {
      const items = p.whole.items;
      range = items[p.occurrence ?? 0] ?? items[0] ?? null;
      exact = !!range;
    } else if (p.head && p.tail) {
      const head = p.head.items[p.headOccurrence ?? 0] ?? p.head.items[0];
      const tail = p.tail.items[p.tailOccurrence ?? 0] ?? p.tail.items[p.tail.items.length - 1];
      if (head && tail) {
        range = head.expandTo(tail);
        exact = true;
      } else if (head) {
        range = head;
        note = "Only the start of the quoted text was found; this is on it.";
      }
    }
    if (!range && p.paragraph != null) {
      range = paragraphs[p.paragraph].getRange("Content");
      if (!note && (p.whole || p.head)) note = "The quoted text was not found in Word; this is on its paragraph.";
    }
    return { range, placement: { finding: p.finding, paragraph: p.paragraph, exact, note } };
  });
}

/** Loads Word's paragraphs (one sync, with anything else queued first). */
async function loadParagraphs(context: Word.RequestContext): Promise<Word.Paragraph[]> {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load("items/text");
  await context.sync();
  return paragraphs.items;
}

/** Selects a finding's text in the document. Three syncs. */
export async function selectFinding(check: PaneCheck, index: number): Promise<Placement> {
  return Word.run(async (context) => {
    const paragraphs = await loadParagraphs(context);
    const pending = planPlacements(check, paragraphs.map((p) => p.text), [index]);
    queueSearches(paragraphs, pending);
    await context.sync();
    const [{ range, placement }] = resolveRanges(paragraphs, pending);
    if (!range) throw new Error("the document has no paragraphs to select");
    range.select();
    await context.sync();
    return placement;
  });
}

export type CommentOutcome = {
  added: number;
  removed: number;
  keptWithReplies: number;
  placements: Placement[];
  syncs: number;
};

/**
 * Replaces the pane's comments with one per finding: one sync to load the
 * paragraphs and the comments; then, per batch of findings, one sync for
 * the searches (and the earlier comments' replies) and one for the inserts
 * (and the deletions). Comments someone replied to are kept.
 */
export async function addComments(check: PaneCheck, indices: number[]): Promise<CommentOutcome> {
  return Word.run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const body = context.document.body;
    const comments = body.getComments();
    comments.load("items/content");
    const paragraphsCollection = body.paragraphs;
    paragraphsCollection.load("items/text");
    await sync();
    const paragraphs = paragraphsCollection.items;
    const ours = comments.items.filter((c) => isPaneComment(c.content));
    for (const c of ours) c.replies.load("items");
    const pending = planPlacements(check, paragraphs.map((p) => p.text), indices);
    const placements: Placement[] = [];
    let removed = 0;
    let keptWithReplies = 0;
    let added = 0;
    // Batch 0 also carries the replies of the earlier comments, so it always syncs.
    for (let b = 0; b === 0 || b < pending.length; b += BATCH) {
      const batch = pending.slice(b, b + BATCH);
      queueSearches(paragraphs, batch);
      await sync();
      if (b === 0) {
        for (const c of ours) {
          if (c.replies.items.length > 0) keptWithReplies++;
          else {
            c.delete();
            removed++;
          }
        }
      }
      for (const { range, placement } of resolveRanges(paragraphs, batch)) {
        placements.push(placement);
        if (!range) continue;
        range.insertComment(commentText(check.report.findings[placement.finding], placement.note));
        added++;
      }
      await sync();
    }
    return { added, removed, keptWithReplies, placements, syncs };
  });
}

/** Removes the pane's comments (those carrying its tag), never anyone else's. Two syncs. */
export async function clearComments(): Promise<{ removed: number; keptWithReplies: number }> {
  return Word.run(async (context) => {
    const comments = context.document.body.getComments();
    comments.load("items/content");
    await context.sync();
    const ours = comments.items.filter((c) => isPaneComment(c.content));
    for (const c of ours) c.replies.load("items");
    await context.sync();
    let removed = 0;
    let keptWithReplies = 0;
    for (const c of ours) {
      if (c.replies.items.length > 0) keptWithReplies++;
      else {
        c.delete();
        removed++;
      }
    }
    await context.sync();
    return { removed, keptWithReplies };
  });
}
