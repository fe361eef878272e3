// A static file server on 127.0.0.1 for end-to-end tests and `npm start`. Content scripts do not run on file://
// pages (NOTES.md), so every page is served over http. Third-party pages under ../shared are read at request time,
// never copied into the repo.
// A file `NAME.headers.json` beside `NAME` adds response headers to it (the strict-CSP fixture needs a real header).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** One URL prefix served from one folder. */
export interface Mount {
  prefix: string;
  dir: string;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  port: number;
  /** Every path requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file inside one of the mounts, or null (never outside a mount's folder). */
export function resolvePath(mounts: Mount[], urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  // Longest prefix first, so /shared/seeds/ wins over /.
  for (const m of [...mounts].sort((a, b) => b.prefix.length - a.prefix.length)) {
    if (!path.startsWith(m.prefix)) continue;
    const root = normalize(m.dir);
    let file = normalize(join(root, path.slice(m.prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return null;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startServer(mounts: Mount[]): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const file = resolvePath(mounts, url);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    const extra = `${file}.headers.json`;
    if (existsSync(extra)) Object.assign(headers, JSON.parse(readFileSync(extra, 'utf8')) as Record<string, string>);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
