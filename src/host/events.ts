import type { FastifyReply } from 'fastify';
import type { AppContext } from '../server/context';
import type { ChangeEvent } from '../shared/changes';
import { SessionStore } from '../server/session';

/** How often the stream says it is alive (and checks the session still is). */
const HEARTBEAT_MS = 25_000;

/**
 * What a desk hears of a write: which area changed and when. Not which records nor whose hand — a
 * manager's stream would otherwise tell of colleagues' clients and deals they may not open; the reads a
 * change sets off are checked per person as always, and the screens need nothing more to refetch.
 */
export function heardByDesk(event: ChangeEvent): ChangeEvent {
  return { entry: event.entry, area: event.area, ids: [], by: { userId: null, userName: null }, at: event.at };
}

/**
 * Server-Sent Events for one signed-in session: each committed write as `data: <ChangeEvent JSON>`.
 * The stream ends the moment the session does (sign-out, «Завершить», a restore) and at the first heartbeat
 * after it went idle past the limit: a locked desk hears nothing of others' work. Returns the function that ends it (the host, when it closes).
 */
export function serveEvents(app: AppContext, reply: FastifyReply, token: string): () => void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': ok\n\n');
  const unsubscribe = app.changes.subscribe((event) => {
    res.write(`data: ${JSON.stringify(heardByDesk(event))}\n\n`);
  });
  const own = SessionStore.hashOf(token);
  const stopOnEnd = app.sessions.onEnd((ended) => {
    if (ended === own) res.end();
  });
  const timer = setInterval(() => {
    if (!app.sessions.isLive(token, app.now())) {
      res.end();
      return;
    }
    res.write(': alive\n\n');
  }, HEARTBEAT_MS);
  const stop = () => {
    clearInterval(timer);
    unsubscribe();
    stopOnEnd();
  };
  res.on('close', stop);
  res.on('error', stop);
  return () => {
    stop();
    res.end();
  };
}
