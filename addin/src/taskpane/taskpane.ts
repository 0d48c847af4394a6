// The task pane: checks the open plan (or a dropped file), shows the
// findings by section with counts, RAG and the thread map, and writes the
// findings into the document as comments. Plan text is untrusted: it is only
// ever put on the page with textContent.

import type { FindingJson, ItemJson, LinkJson, PaneCheck, ThreadEntryJson } from "../generated/edge";
import { CoreClient } from "./core-client";
import {
  addComments,
  canComment,
  clearComments,
  connectToWord,
  insideOffice,
  readDocument,
  selectFinding,
  type Placement,
} from "./office-host";
import { annotatedName, download, readFile, setUpDropZone } from "./standalone";

const SECTION_ORDER = ["A", "B", "C", "D", "E", "F", "G", "H", "H1", "H2", "I", "J", "K"];
const SECTION_NAMES: Record<string, string> = {
  A: "Views, interests and aspirations",
  B: "Special educational needs",
  C: "Health needs",
  D: "Social care needs",
  E: "Outcomes",
  F: "Special educational provision",
  G: "Health provision",
  H: "Social care provision",
  H1: "Social care provision (CSDPA)",
  H2: "Other social care provision",
  I: "Placement",
  J: "Personal budget",
  K: "Advice and information",
};
const SEVERITY_LABEL: Record<string, string> = { error: "Error", warning: "Warning", info: "Note" };
const EVIDENCE_LABEL: Record<string, string> = {
  "table-row": "same table row",
  reference: "stated reference",
  heading: "same heading",
  inferred: "inferred",
};

type Mode = "word" | "standalone";

type State = {
  mode: Mode;
  commentsSupported: boolean;
  check: PaneCheck | null;
  bytes: Uint8Array | null;
  fileName: string;
  severities: Set<string>;
  view: "findings" | "thread";
  placements: Map<number, Placement>;
  current: number | null;
  busy: boolean;
};

/** Timings for the benchmark and the tests (no plan content). */
export type Timings = {
  paneStart: number;
  wasmReady?: number;
  /** From the pane's script starting to the first result shown. */
  firstResult?: number;
  /** From navigation start (opening the pane) to the first result shown. */
  firstResultSinceNavigation?: number;
  coreMs?: number;
};
const timings: Timings = { paneStart: performance.now() };
// The last result stays in this page (it never leaves it); the tests read it.
(window as unknown as { goldenThread: unknown }).goldenThread = { timings, report: () => state.check };

const state: State = {
  mode: "standalone",
  commentsSupported: false,
  check: null,
  bytes: null,
  fileName: "",
  severities: new Set(["error", "warning", "info"]),
  view: "findings",
  placements: new Map(),
  current: null,
  busy: false,
};

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let core: CoreClient;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function setStatus(text: string, isError = false) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

function setBusy(busy: boolean) {
  state.busy = busy;
  document.body.dataset.busy = busy ? "true" : "false";
  for (const id of ["check", "add-comments", "clear-comments", "save-copy-word", "save-copy"]) {
    const b = document.getElementById(id) as HTMLButtonElement | null;
    if (b) b.disabled = busy;
  }
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryLine(check: PaneCheck): string {
  const s = check.report.summary;
  if (s.error + s.warning + s.info === 0) return "Checked: no findings.";
  return `Checked: ${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${plural(s.info, "note")}.`;
}

// ---------------------------------------------------------------- rendering

function render() {
  const check = state.check;
  $("results").hidden = !check;
  if (!check) return;
  const report = check.report;
  const child = report.plan.child;
  const who = child.name ?? child.first_name;
  $("plan-title").textContent = who ? `Plan for ${who}` : state.mode === "word" ? "This plan" : report.file || "This plan";

  const counts = $("counts");
  counts.replaceChildren();
  for (const [key, label] of [
    ["error", "Errors"],
    ["warning", "Warnings"],
    ["info", "Notes"],
  ] as const) {
    const box = el("div", `count ${key}`);
    box.append(el("span", "n", String(report.summary[key])), el("span", "label", label));
    counts.append(box);
  }

  const rag = $("rag");
  rag.replaceChildren();
  for (const id of SECTION_ORDER) {
    const value = report.summary.rag[id];
    if (!value) continue;
    const cell = el("div", `rag-cell rag-${value}`, id);
    cell.setAttribute("role", "listitem");
    cell.title = `Section ${id}: ${SECTION_NAMES[id] ?? ""} — ${value}`;
    cell.setAttribute("aria-label", `Section ${id} ${value}`);
    rag.append(cell);
  }

  for (const b of $("filter").querySelectorAll<HTMLButtonElement>("button")) {
    b.setAttribute("aria-pressed", String(state.severities.has(b.dataset.severity!)));
  }
  $("view-findings").setAttribute("aria-pressed", String(state.view === "findings"));
  $("view-thread").setAttribute("aria-pressed", String(state.view === "thread"));
  $("filter").hidden = state.view !== "findings";
  $("findings").hidden = state.view !== "findings";
  $("thread").hidden = state.view !== "thread";
  renderFindings(check);
  renderThread(check);
  updateCommentButton();
}

function visibleFindings(check: PaneCheck): number[] {
  return check.report.findings.flatMap((f, i) => (state.severities.has(f.severity) ? [i] : []));
}

function renderFindings(check: PaneCheck) {
  const root = $("findings");
  root.replaceChildren();
  const shown = visibleFindings(check);
  if (check.report.findings.length === 0) {
    root.append(el("p", "empty", "No findings: the golden thread holds as far as the checks can tell."));
    return;
  }
  if (shown.length === 0) {
    root.append(el("p", "empty", "No findings of the selected severities."));
    return;
  }
  const groups = new Map<string, number[]>();
  for (const i of shown) {
    const key = check.report.findings[i].section ?? "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(i);
  }
  const keys = [...groups.keys()].sort((a, b) => order(a) - order(b));
  for (const key of keys) {
    const items = groups.get(key)!;
    const details = el("details", "group");
    details.open = true;
    details.dataset.section = key || "plan";
    const summary = el("summary");
    const rag = key ? check.report.summary.rag[key] ?? (key === "H" ? worst(check, ["H1", "H2"]) : undefined) : undefined;
    if (rag) {
      const dot = el("span", `dot ${rag}`);
      dot.setAttribute("role", "img");
      dot.setAttribute("aria-label", rag);
      summary.append(dot);
    }
    summary.append(
      el("span", "group-title", key ? `${key} · ${SECTION_NAMES[key] ?? "Section"}` : "Whole plan"),
      el("span", "badge", String(items.length)),
    );
    details.append(summary);
    const list = el("ul", "findings-list");
    for (const i of items) {
      const li = el("li");
      li.append(renderFinding(check.report.findings[i], i));
      list.append(li);
    }
    details.append(list);
    root.append(details);
  }
}

function worst(check: PaneCheck, ids: string[]): string | undefined {
  const rank = { green: 0, amber: 1, red: 2 } as Record<string, number>;
  let best: string | undefined;
  for (const id of ids) {
    const v = check.report.summary.rag[id];
    if (v && (best == null || rank[v] > rank[best])) best = v;
  }
  return best;
}

function order(section: string): number {
  const i = SECTION_ORDER.indexOf(section);
  return section === "" ? -1 : i < 0 ? 99 : i;
}

function renderFinding(f: FindingJson, index: number): HTMLElement {
  const clickable = state.mode === "word";
  const node = clickable ? el("button", `finding ${f.severity}`) : el("div", `finding ${f.severity}`);
  node.dataset.index = String(index);
  if (clickable) {
    (node as HTMLButtonElement).type = "button";
    node.setAttribute("aria-label", `${SEVERITY_LABEL[f.severity] ?? f.severity}: ${f.message} Select in document.`);
    node.addEventListener("click", () => void onSelect(index));
  }
  if (state.current === index) node.classList.add("current");
  const head = el("span", "finding-head");
  head.append(el("span", "sev", SEVERITY_LABEL[f.severity] ?? f.severity), el("span", "rule", f.rule));
  node.append(head);
  if (f.quote) node.append(el("q", "quote", f.quote));
  node.append(el("span", "message", f.message));
  if (f.help) node.append(el("span", "help", f.help));
  if (f.reference) node.append(el("span", "reference", f.reference));
  const placement = state.placements.get(index);
  if (placement?.note) node.append(el("span", "note", placement.note));
  return node;
}

function renderThread(check: PaneCheck) {
  const root = $("thread");
  root.replaceChildren();
  const entries = check.report.thread;
  if (entries.length === 0) {
    root.append(el("p", "empty", "No needs were found in section B, C or D, so there is no thread to show."));
    return;
  }
  root.append(el("p", "legend", "Each need with the outcomes and provision linked to it. Dashed: inferred from the wording."));
  const items = new Map<string, ItemJson>();
  const plan = check.report.plan;
  for (const item of [...plan.needs, ...plan.outcomes, ...plan.provision, ...plan.aspirations]) items.set(item.id, item);
  for (const entry of entries) root.append(renderNeed(entry, items, plan.links));
}

function linkBetween(links: LinkJson[], a: string, b: string): LinkJson | undefined {
  return links.find((l) => (l.from === a && l.to === b) || (l.from === b && l.to === a));
}

function renderNeed(entry: ThreadEntryJson, items: Map<string, ItemJson>, links: LinkJson[]): HTMLElement {
  const card = el("article", entry.gaps.length ? "need gap" : "need");
  card.dataset.need = entry.need;
  const head = el("div", "need-head");
  head.append(el("span", "need-id", entry.need), el("span", "need-text", entry.text));
  card.append(head);
  const row = (label: string, ids: string[], gap: string | null, via: string[]) => {
    const r = el("div", "thread-row");
    r.append(el("span", "thread-label", label));
    for (const id of ids) {
      let link = linkBetween(links, entry.need, id);
      for (const v of via) link ??= linkBetween(links, v, id);
      const chip = el("span", link?.evidence === "inferred" ? "chip inferred" : "chip");
      chip.append(el("span", undefined, id));
      if (link) {
        const evidence = EVIDENCE_LABEL[link.evidence] ?? link.evidence;
        chip.append(el("span", "evidence", link.evidence === "inferred" ? `${evidence} ${Math.round(link.score * 100)}%` : evidence));
        chip.title = `${items.get(id)?.text ?? id}\n\n${link.detail}`;
      } else {
        chip.title = items.get(id)?.text ?? id;
      }
      r.append(chip);
    }
    if (gap) r.append(el("span", "chip missing", gap));
    return r;
  };
  card.append(row("Outcomes", entry.outcomes, entry.gaps.includes("outcome") ? "No outcome" : null, []));
  card.append(row("Provision", entry.provision, entry.gaps.includes("provision") ? "No provision" : null, entry.outcomes));
  if (entry.aspirations.length) card.append(row("Aspirations", entry.aspirations, null, entry.outcomes));
  return card;
}

function updateCommentButton() {
  const add = $("add-comments");
  if (!state.check) return;
  const n = visibleFindings(state.check).length;
  add.textContent = n ? `Add comments (${n})` : "Add comments";
}

// ---------------------------------------------------------------- actions

async function runCheck(bytes: Uint8Array, fileName: string) {
  setStatus("Checking…");
  const { result, ms } = await core.check(bytes, fileName);
  timings.coreMs = ms;
  state.check = result;
  state.bytes = bytes;
  state.fileName = fileName;
  state.placements = new Map();
  state.current = null;
  render();
  if (timings.firstResult == null) {
    timings.firstResultSinceNavigation = performance.now();
    timings.firstResult = timings.firstResultSinceNavigation - timings.paneStart;
  }
  document.body.dataset.state = "checked";
  return result;
}

async function guarded(work: () => Promise<void>) {
  if (state.busy) return;
  setBusy(true);
  try {
    await work();
  } catch (error) {
    document.body.dataset.state = state.check ? "checked" : "error";
    setStatus(error instanceof Error ? error.message : String(error), true);
  } finally {
    setBusy(false);
  }
}

async function checkOpenDocument() {
  setStatus("Reading the document…");
  const { bytes, via } = await readDocument();
  const check = await runCheck(bytes, via === "file" ? "" : "document.xml");
  setStatus(summaryLine(check));
}

async function onSelect(index: number) {
  if (!state.check || state.busy) return;
  state.current = index;
  for (const n of document.querySelectorAll(".finding.current")) n.classList.remove("current");
  document.querySelector(`.finding[data-index="${index}"]`)?.classList.add("current");
  try {
    const placement = await selectFinding(state.check, index);
    state.placements.set(index, placement);
    if (placement.note) {
      const node = document.querySelector(`.finding[data-index="${index}"]`);
      if (node && !node.querySelector(".note")) node.append(el("span", "note", placement.note));
      setStatus(placement.note);
    } else {
      setStatus("Selected in the document.");
    }
  } catch (error) {
    setStatus(`Could not select it: ${error instanceof Error ? error.message : String(error)}`, true);
  }
}

async function onAddComments() {
  await guarded(async () => {
    // Check again first: the document may have changed since the last check.
    await checkOpenDocument();
    const check = state.check!;
    const indices = visibleFindings(check);
    setStatus(`Adding ${plural(indices.length, "comment")}…`);
    const outcome = await addComments(check, indices);
    for (const p of outcome.placements) state.placements.set(p.finding, p);
    render();
    const unplaced = outcome.placements.filter((p) => p.note).length;
    let text = `Added ${plural(outcome.added, "comment")}`;
    if (outcome.removed) text += `, replacing ${plural(outcome.removed, "earlier one")}`;
    text += ".";
    if (unplaced) text += ` ${plural(unplaced, "finding")} could not be placed on the exact text (marked below).`;
    if (outcome.keptWithReplies) text += ` ${plural(outcome.keptWithReplies, "earlier comment")} kept because someone replied.`;
    setStatus(text);
    document.body.dataset.comments = String(outcome.added);
  });
}

async function onClearComments() {
  await guarded(async () => {
    setStatus("Removing the pane's comments…");
    const { removed, keptWithReplies } = await clearComments();
    let text = removed ? `Removed ${plural(removed, "Golden Thread comment")}.` : "There were no Golden Thread comments to remove.";
    if (keptWithReplies) text += ` ${plural(keptWithReplies, "comment")} kept because someone replied.`;
    setStatus(`${text} Other people's comments are untouched.`);
  });
}

async function onSaveCopy() {
  await guarded(async () => {
    if (state.mode === "word") {
      setStatus("Reading the document…");
      const { bytes, via } = await readDocument();
      state.bytes = bytes;
      state.fileName = via === "file" ? "plan.docx" : "plan.xml";
    }
    if (!state.bytes) return;
    setStatus("Writing the comments into a copy…");
    const annotated = await core.annotate(state.bytes);
    const name = annotatedName(state.fileName, annotated);
    download(annotated, name);
    setStatus(`Saved “${name}” to your downloads. The original is unchanged.`);
  });
}

async function onFile(file: File) {
  await guarded(async () => {
    setStatus(`Reading ${file.name}…`);
    const bytes = await readFile(file);
    const check = await runCheck(bytes, file.name);
    setStatus(`${file.name}: ${summaryLine(check)}`);
    $("save-copy").hidden = false;
  });
}

function wireCommonControls() {
  for (const b of $("filter").querySelectorAll<HTMLButtonElement>("button")) {
    b.addEventListener("click", () => {
      const s = b.dataset.severity!;
      if (state.severities.has(s)) state.severities.delete(s);
      else state.severities.add(s);
      render();
    });
  }
  $("view-findings").addEventListener("click", () => {
    state.view = "findings";
    render();
  });
  $("view-thread").addEventListener("click", () => {
    state.view = "thread";
    render();
  });
}

async function startStandalone(reason?: string) {
  state.mode = "standalone";
  document.body.dataset.mode = "standalone";
  $("standalone").hidden = false;
  $("word-actions").hidden = true;
  setUpDropZone($("drop-zone"), $<HTMLInputElement>("file-input"), (file) => void onFile(file));
  $("save-copy").addEventListener("click", () => void onSaveCopy());
  document.body.dataset.state = "ready";
  setStatus(reason ?? "Open a plan to check it. The file stays on this computer.");
}

async function startInWord() {
  state.mode = "word";
  state.commentsSupported = canComment();
  document.body.dataset.mode = "word";
  $("word-actions").hidden = false;
  $("add-comments").hidden = !state.commentsSupported;
  $("clear-comments").hidden = !state.commentsSupported;
  $("save-copy-word").hidden = state.commentsSupported;
  $("check").addEventListener("click", () =>
    void guarded(async () => {
      await checkOpenDocument();
    }),
  );
  $("add-comments").addEventListener("click", () => void onAddComments());
  $("clear-comments").addEventListener("click", () => void onClearComments());
  $("save-copy-word").addEventListener("click", () => void onSaveCopy());
  document.body.dataset.state = "ready";
  // Check as soon as the pane opens: reading is local and the core is quick.
  await guarded(checkOpenDocument);
  if (!state.commentsSupported && state.check) {
    setStatus(`${summaryLine(state.check)} This version of Word cannot add comments from the pane: use “Save an annotated copy”.`);
  }
}

async function main() {
  core = new CoreClient();
  core.ready.then((ms) => (timings.wasmReady = ms)).catch(() => undefined);
  wireCommonControls();
  if (insideOffice()) {
    let inWord = false;
    try {
      inWord = await connectToWord();
    } catch {
      inWord = false;
    }
    if (inWord) return startInWord();
    return startStandalone("Word did not connect to the pane, so it works on files: open a plan to check it.");
  }
  return startStandalone();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void main());
else void main();
