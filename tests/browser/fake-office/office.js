// A fake Office/Word host for the add-in's browser tests. The tests serve it
// at Office.js's CDN address (Playwright's page.route answers before the
// network), so the pane loads it exactly as it would load Office.js.
//
// It models what the pane relies on, strictly enough to catch misuse:
// properties are readable only after load() and context.sync(); searches
// run at sync and reject strings over 255 characters or with an unknown `^`
// code, as Word does; comments live on ranges of paragraph text.
// Configure with window.__FAKE_OFFICE__ (set by an init script):
//   { docBase64, paragraphs: [text…], wordApi: "1.4" | "1.3",
//     comments: [{ paragraph, start, end, content, authorName, replies? }],
//     failGetFile, ooxml }
// Everything is recorded in window.__fakeOffice: calls, syncs, comments, selection.
(function () {
  "use strict";
  const cfg = window.__FAKE_OFFICE__ || {};
  const paragraphs = (cfg.paragraphs || []).slice();
  const log = (window.__fakeOffice = {
    calls: [],
    syncs: 0,
    comments: [],
    selection: null,
    fileClosed: 0,
    nextId: 1,
  });
  const record = (name, detail) => log.calls.push(detail === undefined ? { name } : { name, detail });
  for (const c of cfg.comments || []) {
    log.comments.push({
      id: String(log.nextId++),
      paragraph: c.paragraph,
      start: c.start,
      end: c.end,
      content: c.content,
      authorName: c.authorName || "A Person",
      replies: (c.replies || []).map((r) => ({ content: r })),
    });
  }

  function notLoaded(what) {
    const e = new Error(`The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    e.code = "PropertyNotLoaded";
    return e;
  }

  class Context {
    constructor() {
      this.queue = [];
      this.document = new WordDocument(this);
    }
    sync() {
      log.syncs++;
      record("context.sync", { queued: this.queue.length });
      const queue = this.queue;
      this.queue = [];
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          try {
            for (const op of queue) op();
            resolve();
          } catch (e) {
            reject(e);
          }
        }, 0);
      });
    }
  }

  class Loadable {
    constructor(ctx) {
      this.context = ctx;
      this._loaded = false;
    }
    load(props) {
      record(`${this.constructor.name}.load`, props);
      this.context.queue.push(() => {
        this._fill && this._fill();
        this._loaded = true;
      });
      return this;
    }
  }

  class WordDocument {
    constructor(ctx) {
      this.context = ctx;
      this.body = new Body(ctx);
    }
  }

  class Body extends Loadable {
    get paragraphs() {
      if (!this._paragraphs) this._paragraphs = new ParagraphCollection(this.context);
      return this._paragraphs;
    }
    getComments() {
      record("body.getComments");
      return new CommentCollection(this.context);
    }
    getOoxml() {
      record("body.getOoxml");
      const result = { _ready: false };
      Object.defineProperty(result, "value", {
        get() {
          if (!result._ready) throw notLoaded("value");
          return cfg.ooxml || "";
        },
      });
      this.context.queue.push(() => (result._ready = true));
      return result;
    }
  }

  class ParagraphCollection extends Loadable {
    _fill() {
      this._items = paragraphs.map((_, i) => new Paragraph(this.context, i, true));
    }
    get items() {
      if (!this._loaded) throw notLoaded("items");
      return this._items;
    }
  }

  class Paragraph extends Loadable {
    constructor(ctx, index, loaded) {
      super(ctx);
      this.index = index;
      this._loaded = loaded;
    }
    get text() {
      if (!this._loaded) throw notLoaded("text");
      return paragraphs[this.index];
    }
    search(text, options) {
      record("paragraph.search", { paragraph: this.index, text, options });
      return new RangeCollection(this.context, this.index, text, options || {});
    }
    getRange(location) {
      record("paragraph.getRange", { paragraph: this.index, location });
      return new Range(this.context, this.index, 0, paragraphs[this.index].length);
    }
  }

  // Word's special codes in (non-wildcard) search text.
  function unescapeSearch(text) {
    let out = "";
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== "^") {
        out += ch;
        continue;
      }
      const code = text[++i];
      const map = { "^": "^", t: "\t", l: "\u000b", s: "\u00a0", "-": "\u00ad", p: "\r" };
      if (!(code in map)) {
        const e = new Error(`Invalid search code ^${code ?? ""}`);
        e.code = "InvalidArgument";
        throw e;
      }
      out += map[code];
    }
    return out;
  }

  class RangeCollection extends Loadable {
    constructor(ctx, paragraph, text, options) {
      super(ctx);
      this._search = { paragraph, text, options };
    }
    _fill() {
      const { paragraph, text, options } = this._search;
      if (text.length > 255) {
        const e = new Error("The search string is too long (over 255 characters).");
        e.code = "SearchStringInvalidOrTooLong";
        throw e;
      }
      const needle = unescapeSearch(text);
      const hay = paragraphs[paragraph];
      const h = options.matchCase ? hay : hay.toLowerCase();
      const n = options.matchCase ? needle : needle.toLowerCase();
      const items = [];
      if (n.length) {
        for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + n.length)) {
          items.push(new Range(this.context, paragraph, i, i + n.length, true));
        }
      }
      this._items = items;
    }
    get items() {
      if (!this._loaded) throw notLoaded("items");
      return this._items;
    }
  }

  class Range extends Loadable {
    constructor(ctx, paragraph, start, end, loaded) {
      super(ctx);
      this.paragraph = paragraph;
      this.start = start;
      this.end = end;
      this._loaded = !!loaded;
    }
    get text() {
      if (!this._loaded) throw notLoaded("text");
      return paragraphs[this.paragraph].slice(this.start, this.end);
    }
    select() {
      record("range.select", { paragraph: this.paragraph, start: this.start, end: this.end });
      this.context.queue.push(() => {
        log.selection = { paragraph: this.paragraph, start: this.start, end: this.end, text: paragraphs[this.paragraph].slice(this.start, this.end) };
      });
    }
    expandTo(other) {
      record("range.expandTo");
      if (other.paragraph !== this.paragraph) throw new Error("fake: expandTo across paragraphs is not modelled");
      return new Range(this.context, this.paragraph, Math.min(this.start, other.start), Math.max(this.end, other.end));
    }
    insertComment(text) {
      record("range.insertComment", { paragraph: this.paragraph, start: this.start, end: this.end });
      const comment = new Comment(this.context, null);
      this.context.queue.push(() => {
        const c = {
          id: String(log.nextId++),
          paragraph: this.paragraph,
          start: this.start,
          end: this.end,
          content: text,
          authorName: "Signed-in User",
          replies: [],
        };
        log.comments.push(c);
        comment._data = c;
      });
      return comment;
    }
  }

  class CommentCollection extends Loadable {
    _fill() {
      this._items = log.comments.map((c) => new Comment(this.context, c, true));
    }
    get items() {
      if (!this._loaded) throw notLoaded("items");
      return this._items;
    }
  }

  class Comment extends Loadable {
    constructor(ctx, data, loaded) {
      super(ctx);
      this._data = data;
      this._loaded = !!loaded;
      this.replies = new CommentReplyCollection(ctx, this);
    }
    get content() {
      if (!this._loaded) throw notLoaded("content");
      return this._data.content;
    }
    delete() {
      record("comment.delete", { id: this._data && this._data.id });
      this.context.queue.push(() => {
        const i = log.comments.indexOf(this._data);
        if (i >= 0) log.comments.splice(i, 1);
      });
    }
  }

  class CommentReplyCollection extends Loadable {
    constructor(ctx, comment) {
      super(ctx);
      this._comment = comment;
    }
    _fill() {
      this._items = this._comment._data ? this._comment._data.replies.slice() : [];
    }
    get items() {
      if (!this._loaded) throw notLoaded("items");
      return this._items;
    }
  }

  function bytes() {
    const bin = atob(cfg.docBase64 || "");
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  const Office = {
    HostType: { Word: "Word", Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    FileType: { Compressed: "compressed", Pdf: "pdf", Text: "text" },
    onReady(callback) {
      record("Office.onReady");
      const info = { host: "Word", platform: "PC" };
      if (callback) setTimeout(() => callback(info), 0);
      return new Promise((resolve) => setTimeout(() => resolve(info), 0));
    },
    context: {
      requirements: {
        isSetSupported(name, version) {
          record("isSetSupported", { name, version });
          if (name !== "WordApi") return false;
          const have = (cfg.wordApi || "1.4").split(".").map(Number);
          const want = String(version || "1.1").split(".").map(Number);
          return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
        },
      },
      document: {
        getFileAsync(type, options, callback) {
          if (typeof options === "function") {
            callback = options;
            options = {};
          }
          record("getFileAsync", { type, sliceSize: options && options.sliceSize });
          setTimeout(() => {
            if (cfg.failGetFile || type !== "compressed") {
              callback({ status: "failed", error: { code: 5001, message: "An internal error has occurred." } });
              return;
            }
            const data = bytes();
            const sliceSize = (options && options.sliceSize) || 4 * 1024 * 1024;
            const sliceCount = Math.max(1, Math.ceil(data.length / sliceSize));
            const file = {
              size: data.length,
              sliceCount,
              getSliceAsync(index, cb) {
                record("getSliceAsync", { index });
                setTimeout(() => {
                  const chunk = data.subarray(index * sliceSize, (index + 1) * sliceSize);
                  // Office hands slices over as arrays of byte values.
                  cb({ status: "succeeded", value: { data: Array.from(chunk), index, size: chunk.length } });
                }, 0);
              },
              closeAsync(cb) {
                record("closeAsync");
                log.fileClosed++;
                setTimeout(() => cb && cb({ status: "succeeded" }), 0);
              },
            };
            callback({ status: "succeeded", value: file });
          }, 0);
        },
      },
    },
  };

  const Word = {
    run(batch) {
      record("Word.run");
      const ctx = new Context();
      return Promise.resolve().then(() => batch(ctx));
    },
  };

  window.Office = Office;
  window.Word = Word;
})();
