// The core, as WebAssembly, in a Web Worker: Word (and the pane) never
// freeze while a plan is checked. One request at a time, in order.

import init, { annotate, check, paragraphs, rules } from "../../pkg/ehcp_addin.js";
import type { PaneCheck, RuleInfo } from "../generated/edge";

export type WorkerRequest =
  | { id: number; op: "check"; bytes: Uint8Array; config?: string; fileName?: string }
  | { id: number; op: "annotate"; bytes: Uint8Array; config?: string; date?: string }
  | { id: number; op: "paragraphs"; bytes: Uint8Array }
  | { id: number; op: "rules" };

export type WorkerReply =
  | { id: number; ok: true; op: "check"; result: PaneCheck; ms: number }
  | { id: number; ok: true; op: "annotate"; result: Uint8Array; ms: number }
  | { id: number; ok: true; op: "paragraphs"; result: string[]; ms: number }
  | { id: number; ok: true; op: "rules"; result: RuleInfo[]; ms: number }
  | { id: number; ok: false; error: string; fatal: boolean };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply | { ready: true; ms: number }, transfer?: Transferable[]): void;
  location: Location;
};

const started = performance.now();
const ready = init({ module_or_path: new URL("ehcp_addin_bg.wasm", scope.location.href) }).then(() => {
  scope.postMessage({ ready: true, ms: performance.now() - started });
});

function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

scope.onmessage = async (event) => {
  const request = event.data;
  try {
    await ready;
    const t0 = performance.now();
    switch (request.op) {
      case "check": {
        const result = JSON.parse(check(request.bytes, request.config, request.fileName)) as PaneCheck;
        scope.postMessage({ id: request.id, ok: true, op: "check", result, ms: performance.now() - t0 });
        break;
      }
      case "annotate": {
        const result = annotate(request.bytes, request.config, request.date);
        scope.postMessage({ id: request.id, ok: true, op: "annotate", result, ms: performance.now() - t0 }, [result.buffer]);
        break;
      }
      case "paragraphs": {
        const result = JSON.parse(paragraphs(request.bytes)) as string[];
        scope.postMessage({ id: request.id, ok: true, op: "paragraphs", result, ms: performance.now() - t0 });
        break;
      }
      case "rules": {
        const result = JSON.parse(rules()) as RuleInfo[];
        scope.postMessage({ id: request.id, ok: true, op: "rules", result, ms: performance.now() - t0 });
        break;
      }
    }
  } catch (error) {
    // A trap (the core panicked; panic=abort) leaves the instance unusable:
    // the pane starts a fresh worker for the next request.
    const fatal = error instanceof WebAssembly.RuntimeError;
    scope.postMessage({
      id: request.id,
      ok: false,
      error: fatal ? "The checker stopped unexpectedly on this document." : message(error),
      fatal,
    });
  }
};
