import type { SessionUser } from '../../../../shared/api/auth';
import { activityInputSchema, type ActivityDto, type ActivityInput, type ActivityKind } from '../../../../shared/api/sales-activities';
import { contractValidator } from '../../api/contract-check';
import { nowLocal } from './dates';

/** What the call form starts from: a deal's or client's context, or a planned activity to complete. */
export interface CallPreset {
  clientId?: number;
  contactId?: number | null;
  dealId?: number | null;
  managerId?: number;
  kind?: ActivityKind;
  status?: 'done' | 'planned';
  activity?: ActivityDto;
}

/** The call form's values: ids picked from lists, people and objections as the selects hold them. */
export interface CallValues {
  kind: ActivityKind;
  status: 'done' | 'planned';
  at: string;
  clientId: number | null;
  contactId: number | null;
  dealId: number | null;
  reachedKeyPerson: boolean;
  madeContact: boolean;
  interested: boolean;
  meetingSet: boolean;
  ourPerson: string;
  theirPerson: string;
  subject: string;
  result: string;
  place: string;
  ours: string[];
  theirs: string[];
  objectionIds: string[];
  scriptVersionId: number | null;
  /** Minutes before a planned activity to remind, as the select holds it ('' = none). */
  remind: string;
}

/** Whether a kind is a call (goals, script and both sides' persons apply). */
export const isCall = (k: ActivityKind) => k.startsWith('call_');

/** The form's first values from its preset. */
export function callValues(user: SessionUser, preset: CallPreset): CallValues {
  const a = preset.activity;
  return {
    kind: a?.kind ?? preset.kind ?? 'call_cold',
    status: a ? 'done' : (preset.status ?? 'done'),
    at: a && a.status !== 'planned' ? a.at : nowLocal(),
    clientId: a?.clientId ?? preset.clientId ?? null,
    contactId: a?.contactId ?? preset.contactId ?? null,
    dealId: a?.dealId ?? preset.dealId ?? null,
    reachedKeyPerson: a?.reachedKeyPerson ?? false,
    madeContact: a?.madeContact ?? false,
    interested: a?.interested ?? false,
    meetingSet: a?.meetingSet ?? false,
    ourPerson: a?.ourPerson || [user.fullName, user.position].filter(Boolean).join(', '),
    theirPerson: a?.theirPerson ?? '',
    subject: a?.subject ?? '',
    result: a?.result ?? '',
    place: a?.place ?? '',
    ours: a?.participants.filter((p) => p.side === 'ours' && p.userId).map((p) => String(p.userId)) ?? [],
    theirs: a?.participants.filter((p) => p.side === 'theirs' && p.contactId).map((p) => String(p.contactId)) ?? [],
    objectionIds: a?.objections.map((o) => String(o.id)) ?? [],
    scriptVersionId: a?.scriptVersionId ?? null,
    remind: a?.remindMinutes == null ? '15' : String(a.remindMinutes),
  };
}

/** What the activity is sent with besides the form: whose it is and the names behind the picked ids. */
export interface CallContext {
  managerId: number;
  people: { id: number; fullName: string }[];
  contacts: { id: number; name: string }[];
  /** The client's open deals (a deal no longer among them is not linked). */
  dealIds: number[];
}

/** The activity as the host takes it; the client may still be missing (the contract's schema then says so). */
export function activityOf(v: CallValues, ctx: CallContext): Omit<ActivityInput, 'clientId'> & { clientId: number | null } {
  const call = isCall(v.kind);
  return {
    kind: v.kind,
    status: v.status,
    at: v.at,
    managerId: ctx.managerId,
    clientId: v.clientId,
    contactId: v.contactId,
    dealId: v.dealId !== null && ctx.dealIds.includes(v.dealId) ? v.dealId : null,
    subject: v.subject,
    result: v.result,
    place: v.place,
    ourPerson: call || v.kind === 'meeting' ? v.ourPerson : '',
    theirPerson: v.theirPerson,
    reachedKeyPerson: call && v.reachedKeyPerson,
    madeContact: call && v.madeContact,
    interested: call && v.interested,
    meetingSet: call && v.meetingSet,
    scriptVersionId: call ? v.scriptVersionId : null,
    objectionIds: v.objectionIds.map(Number),
    participants:
      v.kind === 'meeting'
        ? [
            ...v.ours.map((id) => ({ side: 'ours' as const, userId: Number(id), name: ctx.people.find((p) => String(p.id) === id)?.fullName ?? id })),
            ...v.theirs.map((id) => ({ side: 'theirs' as const, contactId: Number(id), name: ctx.contacts.find((c) => String(c.id) === id)?.name ?? id })),
          ]
        : [],
    remindMinutes: v.status === 'planned' && v.remind !== '' ? Number(v.remind) : null,
  };
}

/** The call form's check: the contract's own activity schema on the activity as it would be sent. */
export const validateCall = (ctx: CallContext) => contractValidator(activityInputSchema, (v: CallValues) => activityOf(v, ctx));
