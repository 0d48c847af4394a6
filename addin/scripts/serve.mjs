// Serves dist/ (the built pane). `--https` (for Office, which requires it)
// uses a self-signed certificate for localhost made once with openssl into
// ~/.golden-thread-dev-certs/ (trust it: see the README); `--host`, `--port`.
// Sends the same Content-Security-Policy as the page's meta tag (a worker
// takes its policy from the response header, not from the page).
import { createServer as createHttp } from "node:http";
import { createServer as createHttps } from "node:https";
import { readFile, stat } from "node:fs/promises";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { homedir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CSP =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self' blob: data:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** A static file handler for `root`, refusing paths that leave it. */
export function staticHandler(root) {
  const base = resolve(root);
  return async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "taskpane.html");
      const body = await readFile(path);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  };
}

function devCertificate() {
  const dir = join(homedir(), ".golden-thread-dev-certs");
  const key = join(dir, "localhost.key");
  const cert = join(dir, "localhost.crt");
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "825",
      "-keyout", key, "-out", cert,
      "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-addext", "extendedKeyUsage=serverAuth",
    ], { stdio: "ignore" });
    console.log(`created a development certificate: ${cert} (trust it once: see the README)`);
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const https = args.includes("--https");
  const host = opt("--host", https ? "localhost" : "127.0.0.1");
  const port = Number(opt("--port", https ? 3000 : 3001));
  const root = opt("--root", fileURLToPath(new URL("../dist", import.meta.url)));
  const handler = staticHandler(root);
  const server = https ? createHttps(devCertificate(), handler) : createHttp(handler);
  server.listen(port, host, () => {
    console.log(`Golden Thread pane: ${https ? "https" : "http"}://${host}:${port}/taskpane.html`);
  });
}
