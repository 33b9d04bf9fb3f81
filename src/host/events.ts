import type { FastifyReply } from 'fastify';
import type { AppContext } from '../server/context';

/** How often the stream says it is alive (and checks the session still is). */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events for one signed-in session: each committed write as `data: <ChangeEvent JSON>`.
 * The stream ends when the session does. Returns the function that ends it (the host, when it closes).
 */
export function serveEvents(app: AppContext, reply: FastifyReply, token: string): () => void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': ok\n\n');
  const unsubscribe = app.changes.subscribe((event) => {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const timer = setInterval(() => {
    if (!app.sessions.find(token)) {
      res.end();
      return;
    }
    res.write(': alive\n\n');
  }, HEARTBEAT_MS);
  const stop = () => {
    clearInterval(timer);
    unsubscribe();
  };
  res.on('close', stop);
  res.on('error', stop);
  return () => {
    stop();
    res.end();
  };
}
