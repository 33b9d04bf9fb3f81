import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { contract, ENTRY_NAMES } from '../../src/shared/contract';
import { AREA_SHOWS, areaOf, areasInvalidatedBy, queryIsStaleAfter } from '../../src/renderer/src/api/invalidation';
import { invalidateFor, newQueryClient } from '../../src/renderer/src/api/query-client';

const writing = ENTRY_NAMES.filter((n) => contract[n].writes);
const reading = ENTRY_NAMES.filter((n) => !contract[n].writes);

// What a person sees change after another person's write, written out from the issue and the screens.
const MUST_REFRESH: [write: string, shown: string][] = [
  ['clients.create', 'clients.list'],
  ['clients.update', 'clients.get'],
  ['clients.saveContact', 'clients.get'],
  ['clients.saveAnswer', 'clients.answers'],
  ['deals.move', 'deals.list'],
  ['deals.update', 'deals.get'],
  ['deals.win', 'dashboard.get'],
  ['deals.win', 'plans.planFact'],
  ['documents.issue', 'signing.badge'],
  ['documents.issue', 'signing.board'],
  ['documents.issueBundle', 'documents.list'],
  ['documents.updateDraft', 'documents.get'],
  ['signing.transition', 'signing.badge'],
  ['signing.transition', 'documents.get'],
  ['approvals.decide', 'approvals.pendingCount'],
  ['documents.createDraft', 'approvals.pendingCount'],
  ['activities.create', 'activities.day'],
  ['activities.create', 'clients.timeline'],
  ['payments.create', 'payments.list'],
  ['payments.match', 'documents.get'],
  ['catalog.save', 'catalog.list'],
  ['priceLists.save', 'catalog.list'],
  ['discountLimits.save', 'discountLimits.mine'],
  ['plans.save', 'plans.grid'],
  ['payroll.orders.save', 'payroll.orders.list'],
  ['templates.save', 'templates.get'],
  ['signing.updateRules', 'signing.rules'],
  ['orgs.update', 'orgs.get'],
  ['settings.update', 'settings.get'],
  ['users.create', 'sales.people'],
  ['monthClose.confirm', 'commercialReport.get'],
  ['backup.restore', 'deals.list'],
];

describe('the invalidation map', () => {
  it('has a row for every area the contract names, and nothing else', () => {
    const areas = new Set(ENTRY_NAMES.map(areaOf));
    expect(new Set(Object.keys(AREA_SHOWS))).toEqual(areas);
  });

  it('maps every writing entry of the contract (none falls back to "refresh everything")', () => {
    expect(writing.length).toBeGreaterThan(90);
    const unmapped = writing.filter((w) => areasInvalidatedBy(w) === 'all');
    expect(unmapped).toEqual([]);
  });

  it('lets every writing entry refresh the reads of its own area', () => {
    const missing = writing.filter((w) => {
      const own = reading.filter((r) => areaOf(r) === areaOf(w));
      return own.some((r) => !queryIsStaleAfter(w, [r, {}]));
    });
    expect(missing).toEqual([]);
  });

  it('refreshes what shows the data of each write in the hand-written table', () => {
    for (const [write, shown] of MUST_REFRESH) {
      expect(ENTRY_NAMES as readonly string[]).toContain(write);
      expect(ENTRY_NAMES as readonly string[]).toContain(shown);
      expect({ write, shown, stale: queryIsStaleAfter(write, [shown, {}]) }).toEqual({ write, shown, stale: true });
    }
  });

  it('leaves unrelated screens alone', () => {
    expect(queryIsStaleAfter('lossReasons.save', ['payroll.orders.list', {}])).toBe(false);
    expect(queryIsStaleAfter('templates.save', ['clients.list', {}])).toBe(false);
    expect(queryIsStaleAfter('objections.save', ['signing.badge', {}])).toBe(false);
  });

  it('treats a change from an area this window does not know (a newer host) as touching everything', () => {
    expect(queryIsStaleAfter('warehouse.ship', ['clients.list', {}])).toBe(true);
  });
});

describe('the query cache kept by changes', () => {
  it('marks stale exactly the queries the change shows, keyed by entry and input', async () => {
    const client = newQueryClient();
    client.setQueryData(['clients.list', { scope: 'mine' }], { total: 0, rows: [] });
    client.setQueryData(['clients.get', { id: 7 }], { id: 7 });
    client.setQueryData(['payroll.orders.list', {}], []);
    await invalidateFor(client, { entry: 'clients.create' });
    const stale = (key: unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(['clients.list', { scope: 'mine' }])).toBe(true);
    expect(stale(['clients.get', { id: 7 }])).toBe(true);
    expect(stale(['payroll.orders.list', {}])).toBe(false);
  });

  it('never lets an older answer overwrite a newer one for the same query', async () => {
    const client = newQueryClient();
    const resolvers: ((v: string) => void)[] = [];
    const observer = new QueryObserver(client, {
      queryKey: ['deals.get', { id: 1 }],
      queryFn: () => new Promise<string>((resolve) => resolvers.push(resolve)),
    });
    const seen: (string | undefined)[] = [];
    const off = observer.subscribe((r) => seen.push(r.data));
    await vi.waitFor(() => expect(resolvers).toHaveLength(1));
    // A change arrives while the first read is still on its way: the refetch replaces it.
    const refetch = invalidateFor(client, { entry: 'deals.move' });
    await vi.waitFor(() => expect(resolvers).toHaveLength(2));
    resolvers[1]?.('newer');
    await refetch;
    resolvers[0]?.('older');
    await new Promise((r) => setTimeout(r, 0));
    expect(observer.getCurrentResult().data).toBe('newer');
    expect(seen).not.toContain('older');
    off();
  });
});

describe('changes that do not write the base', () => {
  it('refreshes the backup list after a backup is made', () => {
    expect(queryIsStaleAfter('backup.create', ['backup.list', {}])).toBe(true);
  });
});

describe('soft presence', () => {
  it('makes the «Сейчас открыто у» notes ask again when someone opens or leaves a record, and nothing else', () => {
    expect(queryIsStaleAfter('presence.here', ['presence.here', { record: 'deal', id: 1 }])).toBe(true);
    expect(queryIsStaleAfter('presence.here', ['deals.get', { id: 1 }])).toBe(false);
    expect(queryIsStaleAfter('presence.here', ['documents.get', { id: 1 }])).toBe(false);
  });

  it('refreshes the client list pages, each keyed by its filters and offset, after a client is created', () => {
    expect(queryIsStaleAfter('clients.create', ['clients.list', { scope: 'mine', offset: 200, limit: 200 }])).toBe(true);
  });
});

describe('the journal of changes', () => {
  it('gets the line of every writing entry of the contract at once', () => {
    const missed = writing.filter((w) => !queryIsStaleAfter(w, ['audit.list', { limit: 100 }]));
    expect(missed).toEqual([]);
  });

  it('is not asked again when someone only opens a deal', () => {
    expect(queryIsStaleAfter('presence.here', ['audit.list', { limit: 100 }])).toBe(false);
  });
});
