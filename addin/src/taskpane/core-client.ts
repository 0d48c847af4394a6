// The pane's side of the worker: one promise per request; a fresh worker
// after the core trapped.

import type { PaneCheck, RuleInfo } from "../generated/edge";
import type { WorkerReply, WorkerRequest } from "./worker";

type Waiting = { resolve: (value: WorkerReply & { ok: true }) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export class CoreClient {
  private worker!: Worker;
  private next = 1;
  private waiting = new Map<number, Waiting>();
  /** Resolves when the WebAssembly is compiled and ready, with the time it took. */
  ready!: Promise<number>;

  constructor(private url = "worker.js") {
    this.start();
  }

  private start() {
    this.worker = new Worker(this.url);
    let readyResolve: (ms: number) => void;
    let readyReject: (e: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      readyResolve = resolve;
      readyReject = reject;
    });
    this.worker.onmessage = (event: MessageEvent<WorkerReply | { ready: true; ms: number }>) => {
      const data = event.data;
      if ("ready" in data) {
        readyResolve(data.ms);
        return;
      }
      const waiting = this.waiting.get(data.id);
      if (!waiting) return;
      this.waiting.delete(data.id);
      if (data.ok) waiting.resolve(data);
      else {
        if (data.fatal) this.restart();
        waiting.reject(new Error(data.error));
      }
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error("The checker could not start in this pane.");
      readyReject(error);
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
  }

  private restart() {
    this.worker.terminate();
    this.start();
  }

  private request(message: DistributiveOmit<WorkerRequest, "id">): Promise<WorkerReply & { ok: true }> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id } as WorkerRequest);
    });
  }

  async check(bytes: Uint8Array, fileName: string, config?: string): Promise<{ result: PaneCheck; ms: number }> {
    const reply = await this.request({ op: "check", bytes, fileName, config });
    return { result: reply.result as PaneCheck, ms: reply.ms };
  }

  async annotate(bytes: Uint8Array, config?: string): Promise<Uint8Array> {
    const reply = await this.request({ op: "annotate", bytes, config, date: new Date().toISOString().replace(/\.\d+Z$/, "Z") });
    return reply.result as Uint8Array;
  }

  async rules(): Promise<RuleInfo[]> {
    const reply = await this.request({ op: "rules" });
    return reply.result as RuleInfo[];
  }
}
