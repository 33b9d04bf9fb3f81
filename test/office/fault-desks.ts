import type { ApiInput } from '../../src/shared/contract';
import { DeskClient } from '../../src/server/office/desk-client';
import { draftInput } from '../helpers/document-fixtures';

/** The people of the fault round's office, one desk each (password 'Stol-Lampa-2026'). */
export type DeskRole = 'director' | 'manager' | 'office_manager' | 'accountant';

/** One desk: who sits there and the client cards its documents and calls are about. */
export interface DeskPlan {
  computer: string;
  login: string;
  role: DeskRole;
  /** The person's user id (calls are logged in their name). */
  userId: number;
  /** A client with full requisites this person may issue documents for (0 when the role does not issue). */
  clientId: number;
}

/** One write a desk sent: its request id, what it was about and what it got back. */
export interface Attempt {
  desk: string;
  requestId: string;
  entry: string;
  /** What finds the record in the base: a card's name, a call's subject, a line's name, a payment's number. */
  marker: string;
  /** The answer's data once the desk got it; undefined while none came. */
  data?: { id?: number; number?: string };
  /** Wall-clock bounds of the call (ms), to tell the calls a kill fell into. */
  startedAt: number;
  endedAt: number;
  /** How many times the desk sent it again after «Нет связи…» (beyond the client's own retries). */
  resent: number;
  /** The refusal, when the host refused it (a fault round expects none). */
  refusal?: string;
}

/** Everything the desks did in a round. */
export interface DeskLedger {
  attempts: Attempt[];
  /** Acknowledged writes per desk, counted as they come (the killer watches them). */
  acked: Map<string, number>;
}

const PASSWORD = 'Stol-Lampa-2026';

function unreachable(error: { code: string; message: string }): boolean {
  return error.code === 'NO_CONNECTION' && error.message.startsWith('Нет связи с главным компьютером офиса');
}

/** A desk of the round: its pinned client, signed in once; `stop()` ends its loop after the current write. */
export class FaultDesk {
  readonly client: DeskClient;
  private stopped = false;
  private n = 0;
  private readonly ownClients: number[] = [];

  constructor(
    readonly plan: DeskPlan,
    connection: string,
    private readonly ledger: DeskLedger,
  ) {
    // The client keeps retrying an unreachable host for a minute, with its own backoff, keeping the request id.
    this.client = new DeskClient({ connection, computer: plan.computer, version: '0.0.0-fault', retryForMs: 60_000 });
  }

  /** Checks the contract and signs in (once: the session must survive every restart of the host). */
  async signIn(): Promise<void> {
    const problem = await this.client.connect();
    if (problem) throw new Error(`${this.plan.computer}: ${problem}`);
    const res = await this.client.call('auth.login', { login: this.plan.login, password: PASSWORD });
    if (res.error) throw new Error(`${this.plan.computer}: ${res.error.message}`);
  }

  /** Asks the loop to end after the write in hand. */
  stop(): void {
    this.stopped = true;
  }

  /** Writes until stopped: the role's mix, each write with its own request id, resent until answered. */
  async run(): Promise<void> {
    while (!this.stopped) {
      const step = this.n++;
      switch (this.plan.role) {
        case 'director':
          await (step % 2 === 0 ? this.newClient() : this.issue('contract_supply', this.plan.clientId));
          break;
        case 'manager':
          if (step % 3 === 0) await this.newClient();
          else if (step % 3 === 1) await this.logCall(this.ownClients.at(-1) ?? this.plan.clientId);
          else await this.issue('invoice', this.plan.clientId);
          break;
        case 'office_manager':
          await (step % 2 === 0 ? this.issue('invoice', this.plan.clientId) : this.newClient());
          break;
        case 'accountant':
          await this.payment();
          break;
      }
    }
  }

  private rid(): string {
    return `${this.plan.login}-${this.n}-${this.ledger.attempts.length}`;
  }

  private async newClient(): Promise<void> {
    const rid = this.rid();
    const shortName = `ООО «${rid}»`;
    // No INN: only the request id stands between a resent call and a second card.
    const input: ApiInput<'clients.create'> = {
      client: {
        kind: 'legal',
        shortName,
        fullName: `Общество с ограниченной ответственностью «${rid}»`,
        inn: '',
        kpp: '',
        ogrn: '',
        legalAddress: '',
        region: 'Москва',
        segment: 'Розница',
        phones: [],
        emails: [],
        accounts: [],
      },
    };
    const card = await this.send('clients.create', input, rid, shortName);
    if (card?.id) this.ownClients.push(card.id);
  }

  private async logCall(clientId: number): Promise<void> {
    const rid = this.rid();
    const input: ApiInput<'activities.create'> = {
      kind: 'call_cold',
      status: 'done',
      at: '2026-11-26T10:00',
      managerId: this.plan.userId,
      clientId,
      contactId: null,
      dealId: null,
      subject: rid,
      result: 'Договорились созвониться',
      place: '',
      ourPerson: '',
      theirPerson: '',
      reachedKeyPerson: false,
      madeContact: true,
      interested: false,
      meetingSet: false,
      scriptVersionId: null,
      objectionIds: [],
      participants: [],
    };
    await this.send('activities.create', input, rid, rid);
  }

  private async issue(kind: 'invoice' | 'contract_supply', clientId: number): Promise<void> {
    const rid = this.rid();
    const line = `Стеллаж ${rid}`;
    const lines = [{ name: line, unit: 'шт', okei: '796', quantityMilli: 1000, priceKopecks: 100_000, vatRate: '22' as const }];
    const draft = await this.send('documents.createDraft', draftInput(kind, clientId, { lines }), rid, line);
    if (draft?.id) await this.send('documents.issue', { id: draft.id }, `${rid}-issue`, line);
  }

  private async payment(): Promise<void> {
    const rid = this.rid();
    await this.send('payments.create', { direction: 'in', kind: 'other', orgId: 1, date: '2026-11-15', amountKopecks: 10_000 + this.n, payerName: 'ИП Тестов', docNumber: rid, allocations: [] }, rid, rid);
  }

  /** Sends one write with its request id until the host answers; the answer (or refusal) goes in the ledger. */
  private async send(entry: string, input: unknown, requestId: string, marker: string): Promise<Attempt['data'] | null> {
    const attempt: Attempt = { desk: this.plan.computer, requestId, entry, marker, startedAt: Date.now(), endedAt: 0, resent: 0 };
    this.ledger.attempts.push(attempt);
    for (;;) {
      const res = await this.client.call(entry, input, { requestId });
      attempt.endedAt = Date.now();
      if (!res.error) {
        attempt.data = (res.data ?? {}) as Attempt['data'];
        this.ledger.acked.set(this.plan.computer, (this.ledger.acked.get(this.plan.computer) ?? 0) + 1);
        return attempt.data ?? null;
      }
      if (!unreachable(res.error)) {
        attempt.refusal = `${res.error.code} ${res.error.message}`;
        return null;
      }
      attempt.resent += 1;
    }
  }
}
