// Generated from the Rust edge types (core/src/edge.rs, addin/src/lib.rs) by
// `UPDATE_TS=1 cargo test -p ehcp-addin generated_typescript`. Do not edit.

export type PaneCheck = { report: CheckReport, 
/**
 * `paragraphs[i]` is the visible text of body paragraph `i` (the
 * contract's numbering, the one findings use).
 */
paragraphs: Array<string>, };

export type RuleInfo = { id: string, 
/**
 * "error", "warning" or "info".
 */
severity: string, summary: string, rationale: string, reference: string, example: string, fix: string, };

export type CheckReport = { schema: string, file: string, plan: PlanJson, findings: Array<FindingJson>, summary: SummaryJson, 
/**
 * For each need: its outcomes and provision, and what is missing.
 */
thread: Array<ThreadEntryJson>, };

export type ExtractReport = { schema: string, file: string, plan: PlanJson, };

export type PlanJson = { child: ChildJson, 
/**
 * "draft", "final" or "unknown".
 */
status: string, 
/**
 * ISO date (YYYY-MM-DD, or YYYY-MM when no day is stated).
 */
plan_date?: string | null, sections: Array<SectionJson>, aspirations: Array<ItemJson>, needs: Array<ItemJson>, outcomes: Array<ItemJson>, provision: Array<ItemJson>, placement: Array<ItemJson>, personal_budget: Array<ItemJson>, advice: Array<ItemJson>, links: Array<LinkJson>, 
/**
 * What the reader or extractor did not understand (never fatal).
 */
warnings: Array<string>, };

export type ChildJson = { name?: string | null, first_name?: string | null, preferred_name?: string | null, date_of_birth?: string | null, year_group?: number | null, };

export type SectionJson = { id: string, heading: string, 
/**
 * Index of the heading paragraph, when the section has one.
 */
heading_paragraph?: number | null, 
/**
 * All text of the section (content paragraphs joined by newlines).
 */
text: string, paragraphs: Array<ParagraphJson>, };

export type ParagraphJson = { index: number, text: string, };

export type ItemJson = { id: string, section: string, text: string, 
/**
 * The item's first paragraph.
 */
paragraph?: number | null, 
/**
 * True when the id is the plan's own numbering.
 */
id_from_document: boolean, area?: string | null, heading?: string | null, time_frame?: string | null, 
/**
 * "long-term", "medium-term" or "short-term".
 */
term?: string | null, what?: string | null, who?: string | null, frequency?: string | null, duration?: string | null, group?: string | null, author?: string | null, role?: string | null, date?: string | null, };

export type LinkJson = { from: string, to: string, 
/**
 * "table-row", "reference", "heading" or "inferred".
 */
evidence: string, 
/**
 * 0.0–1.0; 1.0 for links the document states.
 */
score: number, 
/**
 * Why the items are linked, in words.
 */
detail: string, };

export type FindingJson = { rule: string, 
/**
 * "error", "warning" or "info".
 */
severity: string, section: string | null, 
/**
 * Paragraph index (the contract's numbering); null for structural findings.
 */
paragraph: number | null, 
/**
 * UTF-16 offsets into the paragraph's visible text.
 */
start: number | null, end: number | null, quote: string, message: string, help: string, reference: string | null, item?: string | null, confidence: number, };

export type SummaryJson = { error: number, warning: number, info: number, 
/**
 * Section id → "red", "amber" or "green".
 */
rag: { [key in string]: string }, };

export type ThreadEntryJson = { need: string, section: string, text: string, outcomes: Array<string>, provision: Array<string>, 
/**
 * Aspirations the need's outcomes serve.
 */
aspirations: Array<string>, 
/**
 * What is missing: "outcome", "provision".
 */
gaps: Array<string>, };
