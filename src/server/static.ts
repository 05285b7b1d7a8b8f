import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A file under `root` for a URL path below a mount point, or undefined. Refuses anything that
 * would leave `root` (`..`, encoded slashes, NUL) and anything but the file types above.
 */
export async function readStatic(
  root: string,
  relative: string,
): Promise<{ bytes: Uint8Array; type: string; path: string; modified: number } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (
    decoded.includes('\0') ||
    decoded.includes('\\') ||
    decoded.split('/').some((p) => p === '..')
  ) {
    return undefined;
  }
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!file.startsWith(base + sep)) return undefined;
  const type = TYPES[extname(file).toLowerCase()];
  if (!type) return undefined;
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    return {
      bytes: new Uint8Array(await readFile(file)),
      type,
      path: file,
      modified: info.mtimeMs,
    };
  } catch {
    return undefined;
  }
}

const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * A strict Content-Security-Policy for one HTML page: same-origin scripts and styles, plus the
 * hashes of the page's own inline `<script>` and `<style>` blocks (no 'unsafe-inline', no eval).
 */
export function pagePolicy(html: string): string {
  const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1] ?? '')
    .filter((body) => body.trim() !== '')
    .map(sha256);
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) =>
    sha256(m[1] ?? ''),
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Shown at `/` when the package has no demo page (installed from npm without demo/). */
export const fallbackPage = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>shequ-kit server</title></head>
<body>
<h1>shequ-kit server</h1>
<p>The API is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>; health at <a href="/healthz">/healthz</a>.</p>
<p>The drop-in bundle, once built (<code>npm run build</code>), is at <code>/cdn/shequ-kit.js</code>.</p>
</body>
</html>
`;
