// Tiny static file server for end-to-end tests (no dependencies).
//
//   const server = await startServer({ root: 'dist' });
//   ... server.url ...            // e.g. http://127.0.0.1:41234
//   await server.close();
//
// - binds 127.0.0.1 on an ephemeral port
// - correct MIME types (application/wasm for .wasm, ...)
// - SPA fallback: a path without a file extension that is not a file
//   is answered with <root>/index.html (the app uses path routes)
// - Cache-Control: no-store on every response

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function mimeType(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

async function statFile(p) {
  try {
    const st = await fsp.stat(p);
    return st;
  } catch {
    return null;
  }
}

/**
 * Resolve a request path to a file under root, or null.
 * Returns { file, status }.
 */
async function resolveRequest(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { file: null, status: 400 };
  }
  if (decoded.includes('\0')) return { file: null, status: 400 };

  // Normalise and keep inside root (no path traversal).
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) {
    return { file: null, status: 403 };
  }

  let st = await statFile(candidate);
  if (st?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    st = await statFile(index);
    if (st?.isFile()) return { file: index, status: 200 };
  } else if (st?.isFile()) {
    return { file: candidate, status: 200 };
  }

  // SPA fallback: extension-less paths are app routes.
  if (path.posix.extname(decoded) === '') {
    const index = path.join(root, 'index.html');
    if ((await statFile(index))?.isFile()) return { file: index, status: 200 };
  }
  return { file: null, status: 404 };
}

/**
 * Start a static server for `root`.
 * @param {{root: string, host?: string, port?: number}} options
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({ root, host = '127.0.0.1', port = 0 } = {}) {
  if (!root) throw new Error('startServer: `root` is required');
  const absRoot = path.resolve(root);
  if (!fs.existsSync(absRoot) || !fs.statSync(absRoot).isDirectory()) {
    throw new Error(`startServer: root directory not found: ${absRoot}`);
  }

  const server = http.createServer(async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const { file, status } = await resolveRequest(absRoot, urlPath);
    if (!file) {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${status}\n`);
      return;
    }
    try {
      const body = await fsp.readFile(file);
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`500 ${err.message}\n`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port: actualPort } = server.address();
  const url = `http://${host}:${actualPort}`;

  let closed = null;
  const close = () => {
    if (!closed) {
      closed = new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    }
    return closed;
  };

  return { url, port: actualPort, close };
}
