// Puts the test LMS (lms.ts) on Node's http server: e2e/server/serve.ts hands it every request under its mount.
// Fault switches that are about the connection itself (unreachable, slow) are carried out here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cmi5Lms } from './lms.ts';

const maxBody = 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > maxBody) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Serves one request below `mount` (e.g. `/cmi5`). */
export async function serveCmi5(lms: Cmi5Lms, mount: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  let body: Uint8Array;
  try {
    body = await readBody(request);
  } catch {
    response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' }).end('body too large');
    return;
  }
  const reply = await lms.handle({
    method: request.method ?? 'GET',
    path: url.pathname.slice(mount.length),
    query: url.searchParams,
    headers,
    body,
    origin: `http://${request.headers.host ?? 'localhost'}`,
  });
  if (reply.drop) {
    // "Unreachable": the connection ends with no answer, as when the LRS host is down.
    request.socket.destroy();
    return;
  }
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  response.writeHead(reply.status, { 'cache-control': 'no-store', ...reply.headers });
  response.end(reply.body ?? '');
}
