import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPushedChanges, REOPEN_MS, subscribeChanges } from '../../src/renderer/src/api/changes';
import type { ChangeEvent } from '../../src/shared/changes';

/** A stand-in for the browser's EventSource: the test plays the host's side. */
class FakeSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static made: FakeSource[] = [];
  readyState = FakeSource.CONNECTING;
  onmessage: ((m: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSource.made.push(this);
  }
  close() {
    this.readyState = FakeSource.CLOSED;
  }
}

const change: ChangeEvent = { entry: 'clients.create', area: 'clients', ids: [7], by: { userId: 2, userName: 'Сидорова Анна Викторовна' }, at: '2026-12-07T09:00:00.000Z' };

beforeEach(() => {
  FakeSource.made = [];
  vi.useFakeTimers();
  vi.stubGlobal('window', {});
  vi.stubGlobal('EventSource', FakeSource);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the host’s pushed changes in a browser', () => {
  it('hands each pushed change to the listeners, then stops when closed (sign-out)', () => {
    const seen: string[] = [];
    const off = subscribeChanges((e) => seen.push(e.entry));
    const close = openPushedChanges();
    expect(FakeSource.made.map((s) => s.url)).toEqual(['./api/events']);
    const source = FakeSource.made[0];
    source.readyState = FakeSource.OPEN;
    source.onmessage?.({ data: JSON.stringify(change) });
    source.onmessage?.({ data: 'not json' });
    expect(seen).toEqual(['clients.create']);
    close();
    expect(source.readyState).toBe(FakeSource.CLOSED);
    off();
  });

  it('asks again after the host refused the stream (the browser gives up on a 401 by itself), and resynchronises', () => {
    const resyncs: number[] = [];
    const off = subscribeChanges(
      () => {},
      () => resyncs.push(1),
    );
    const close = openPushedChanges();
    const refused = FakeSource.made[0];
    refused.readyState = FakeSource.CLOSED;
    refused.onerror?.();
    expect(FakeSource.made).toHaveLength(1);
    vi.advanceTimersByTime(REOPEN_MS);
    expect(FakeSource.made).toHaveLength(2);
    const second = FakeSource.made[1];
    second.readyState = FakeSource.OPEN;
    second.onopen?.();
    // Changes may have been missed while the stream was down: every query asks again.
    expect(resyncs).toEqual([1]);
    close();
    expect(second.readyState).toBe(FakeSource.CLOSED);
    off();
  });

  it('leaves a dropped connection to the browser’s own reconnect, and asks no more once closed', () => {
    const close = openPushedChanges();
    const source = FakeSource.made[0];
    // A network drop: the browser reconnects by itself (readyState CONNECTING), no second stream.
    source.readyState = FakeSource.CONNECTING;
    source.onerror?.();
    vi.advanceTimersByTime(REOPEN_MS * 3);
    expect(FakeSource.made).toHaveLength(1);
    close();
    source.onerror?.();
    vi.advanceTimersByTime(REOPEN_MS * 3);
    expect(FakeSource.made).toHaveLength(1);
  });
});
