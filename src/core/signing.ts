// Signature lifecycle of an issued document (акт, УПД, накладная) and its deadlines.
import { addWorkingDays, isWorkingDay } from './calendar';
import { addDays, daysBetween, requireIsoDate } from './iso-date';

/** Where a document is in its signing: the main chain, plus the side exits refused and annulled. */
export type SigningState =
  | 'issued'
  | 'sent'
  | 'signed_by_us'
  | 'signed_by_client'
  | 'original_received'
  | 'refused'
  | 'annulled';

/** The main chain in order; a document only moves forward along it (steps may be skipped). */
export const SIGNING_CHAIN: readonly SigningState[] = [
  'issued',
  'sent',
  'signed_by_us',
  'signed_by_client',
  'original_received',
];

/** Every state, for selects and filters. */
export const SIGNING_STATES: readonly SigningState[] = [...SIGNING_CHAIN, 'refused', 'annulled'];

/** States nothing leaves. */
export const FINAL_SIGNING_STATES: readonly SigningState[] = ['original_received', 'annulled'];

/** Russian labels of the states. */
export const SIGNING_STATE_LABELS: Readonly<Record<SigningState, string>> = {
  issued: 'Выставлен',
  sent: 'Отправлен клиенту',
  signed_by_us: 'Подписан нами',
  signed_by_client: 'Подписан клиентом',
  original_received: 'Оригинал получен',
  refused: 'Отказ в подписании',
  annulled: 'Аннулирован',
};

/** What a document's earlier steps recorded: the day it was sent (if it was), and whether we signed it. */
export type SigningHistory = { sentOn: string | null; signedByUs: boolean };

/**
 * Whether a document may move from one state to another: forward along the chain (skipping is
 * fine, going back is not); refused or annulled from any non-final state; refused → annulled only.
 */
export function canTransition(from: SigningState, to: SigningState, history: SigningHistory = { sentOn: null, signedByUs: false }): boolean {
  if (from === to || FINAL_SIGNING_STATES.includes(from)) return false;
  if (from === 'refused') return to === 'annulled';
  if (to === 'refused' || to === 'annulled') return true;
  // Our signature and the sending may come in either order: each once.
  if (from === 'signed_by_us' && to === 'sent') return history.sentOn === null;
  if (from === 'sent' && to === 'signed_by_us') return !history.signedByUs;
  const a = SIGNING_CHAIN.indexOf(from);
  const b = SIGNING_CHAIN.indexOf(to);
  return a !== -1 && b !== -1 && b > a;
}

/** Every state reachable in one move from `from`, in SIGNING_STATES order. */
export function nextSigningStates(from: SigningState, history?: SigningHistory): SigningState[] {
  return SIGNING_STATES.filter((to) => canTransition(from, to, history));
}

/** How long a client has: working days to return a signed scan, calendar days for the original. */
export type SignatureRules = { scanWorkingDays: number; originalDays: number };

/** Five working days for a scan, thirty calendar days for the original. */
export const DEFAULT_SIGNATURE_RULES: SignatureRules = { scanWorkingDays: 5, originalDays: 30 };

/** ISO due dates of the signed scan and of the paper original. */
export type SignatureDeadlines = { scanDue: string; originalDue: string };

/**
 * Due dates counted from the day the document was sent (`sentAt`: ISO date, or date-time whose
 * first 10 characters are the date). The scan is due `scanWorkingDays` working days later; the
 * original `originalDays` calendar days later, moved to the next working day if that is a day off
 * (as a term's end is under ГК ст.193).
 */
export function signatureDeadlines(
  input: { sentAt: string; rules?: SignatureRules },
  holidays: ReadonlySet<string>,
  workingWeekends: ReadonlySet<string> = new Set(),
): SignatureDeadlines {
  const sent = input.sentAt.slice(0, 10);
  requireIsoDate(sent, 'Дата отправки');
  const rules = input.rules ?? DEFAULT_SIGNATURE_RULES;
  if (!Number.isSafeInteger(rules.originalDays) || rules.originalDays < 0) {
    throw new RangeError('Срок возврата оригинала — целое число дней, не меньше нуля');
  }
  const scanDue = addWorkingDays(sent, rules.scanWorkingDays, holidays, workingWeekends);
  let originalDue = addDays(sent, rules.originalDays);
  while (!isWorkingDay(originalDue, holidays, workingWeekends)) originalDue = addDays(originalDue, 1);
  return { scanDue, originalDue };
}

/** Calendar days past the due date (0 when not yet due or due today). */
export function daysOverdue(dueIso: string, todayIso: string): number {
  return Math.max(0, daysBetween(dueIso, todayIso));
}

/** How a document went to the client. */
export type SendingMethod = 'in_person' | 'courier' | 'post' | 'email' | 'edo';

/** Every sending method, in the order the forms offer them. */
export const SENDING_METHODS: readonly SendingMethod[] = ['in_person', 'courier', 'post', 'email', 'edo'];

/** Russian labels of the sending methods. */
export const SENDING_METHOD_LABELS: Readonly<Record<SendingMethod, string>> = {
  in_person: 'Лично',
  courier: 'Курьером',
  post: 'Почтой',
  email: 'По e-mail',
  edo: 'Через ЭДО',
};

/** A requested move of one document: where it is (and since when), where it goes, and what the step carries. */
export interface SigningMove {
  from: SigningState;
  /** The day of the current state (ISO date). */
  fromAt: string;
  to: SigningState;
  /** The day the step happened (ISO date). */
  at: string;
  today: string;
  method: SendingMethod | null;
  filedWhere: string;
  reason: string;
  /** What earlier steps recorded; none known when left out. */
  history?: SigningHistory;
}

function ddmmyyyy(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/**
 * Why a move cannot be made, in Russian, or null when it can: the order of the chain, the date (not in
 * the future, not before the current step) and what the step needs (how it was sent, why it was
 * refused, where the original is filed).
 */
export function signingMoveProblem(m: SigningMove): string | null {
  const from = SIGNING_STATE_LABELS[m.from];
  const to = SIGNING_STATE_LABELS[m.to];
  const history = m.history ?? { sentOn: null, signedByUs: false };
  if (!canTransition(m.from, m.to, history)) {
    if (m.to === 'sent' && history.sentOn !== null) return `Отправка клиенту уже записана (${ddmmyyyy(history.sentOn)})`;
    if (m.to === 'signed_by_us' && history.signedByUs) return 'Наша подпись уже записана';
    if (m.from === m.to) return `Документ уже в состоянии «${from}»`;
    if (FINAL_SIGNING_STATES.includes(m.from)) return `Документ в состоянии «${from}»: дальше двигать некуда`;
    if (m.from === 'refused') return `После отказа в подписании документ можно только аннулировать, а не перевести в «${to}»`;
    return `Нельзя перевести из «${from}» в «${to}»: шаги идут только вперёд`;
  }
  requireIsoDate(m.at, 'Дата');
  if (m.at > m.today) return `Дата ${ddmmyyyy(m.at)} ещё не наступила`;
  if (m.at < m.fromAt.slice(0, 10)) return `Дата ${ddmmyyyy(m.at)} раньше предыдущего шага (${ddmmyyyy(m.fromAt.slice(0, 10))})`;
  if (m.to === 'sent' && m.method === null) return 'Укажите, как документ отправлен клиенту';
  if (m.to === 'signed_by_client' && history.sentOn !== null && m.at < history.sentOn) {
    return `Клиент не мог подписать документ ${ddmmyyyy(m.at)}: он отправлен клиенту ${ddmmyyyy(history.sentOn)}`;
  }
  if (m.to === 'refused' && m.reason.trim() === '') return 'Укажите причину отказа в подписании';
  if (m.to === 'original_received' && m.filedWhere.trim() === '') return 'Укажите, где хранится оригинал';
  return null;
}
