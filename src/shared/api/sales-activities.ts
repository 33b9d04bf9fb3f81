import { z } from '../zod-ru';
import { entry } from '../entry';
import { pickedIdSchema } from '../picked-id';
import { ANY_ROLE } from '../roles';
import { SALES_ROLES } from './sales';

/** Kinds of activity: three kinds of call, a meeting, a letter, a proposal sent. */
export const ACTIVITY_KIND_VALUES = ['call_cold', 'call_followup', 'call_incoming', 'meeting', 'letter', 'proposal'] as const;

/** One kind of activity. */
export type ActivityKind = (typeof ACTIVITY_KIND_VALUES)[number];

/** Russian names of the kinds. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  call_cold: 'Холодный звонок',
  call_followup: 'Повторный звонок',
  call_incoming: 'Входящий звонок',
  meeting: 'Встреча',
  letter: 'Письмо',
  proposal: 'Предложение отправлено',
};

/** Planned, done or cancelled. */
export const ACTIVITY_STATUS_VALUES = ['planned', 'done', 'cancelled'] as const;

/** An activity's status. */
export type ActivityStatus = (typeof ACTIVITY_STATUS_VALUES)[number];

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Дата в формате ГГГГ-ММ-ДД' });
const text = (max: number) => z.string().trim().max(max, { message: `Не длиннее ${max} знаков` }).default('');

/** A participant of a meeting: one of us (userId) or theirs (contactId), or just a name. */
export const participantSchema = z.object({
  side: z.enum(['ours', 'theirs']),
  userId: id.nullable().default(null),
  contactId: id.nullable().default(null),
  name: z.string().trim().min(1).max(200),
});

/** A call, meeting, letter or proposal as typed in the quick form. */
export const activityInputSchema = z.object({
  kind: z.enum(ACTIVITY_KIND_VALUES),
  status: z.enum(ACTIVITY_STATUS_VALUES).default('done'),
  at: z.string({ error: 'Укажите дату и время' }).min(1, { message: 'Укажите дату и время' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Укажите дату и время полностью' }),
  managerId: pickedIdSchema('Выберите менеджера'),
  clientId: pickedIdSchema('Выберите клиента'),
  contactId: id.nullable().default(null),
  dealId: id.nullable().default(null),
  subject: text(300),
  result: text(4000),
  place: text(300),
  ourPerson: text(300),
  theirPerson: text(300),
  reachedKeyPerson: z.boolean().default(false),
  madeContact: z.boolean().default(false),
  interested: z.boolean().default(false),
  meetingSet: z.boolean().default(false),
  scriptVersionId: id.nullable().default(null),
  objectionIds: z.array(id).max(50).default([]),
  participants: z.array(participantSchema).max(50).default([]),
  remindMinutes: z.number().int().min(0, { message: 'Напоминание — от 0 минут до недели' }).max(10_080, { message: 'Напоминание — от 0 минут до недели' }).nullable().default(null),
});

/** Input of the activity form. */
export type ActivityInput = z.input<typeof activityInputSchema>;

/** An activity form after validation (defaults applied). */
export type ActivityParsed = z.infer<typeof activityInputSchema>;

/** An activity as listed. */
export interface ActivityDto {
  id: number;
  kind: ActivityKind;
  status: ActivityStatus;
  at: string;
  managerId: number;
  managerName: string;
  clientId: number;
  clientName: string;
  contactId: number | null;
  contactName: string | null;
  dealId: number | null;
  dealTitle: string | null;
  subject: string;
  result: string;
  place: string;
  ourPerson: string;
  theirPerson: string;
  reachedKeyPerson: boolean;
  madeContact: boolean;
  interested: boolean;
  meetingSet: boolean;
  scriptVersionId: number | null;
  scriptTitle: string | null;
  objections: { id: number; text: string }[];
  participants: { side: 'ours' | 'theirs'; userId: number | null; contactId: number | null; name: string }[];
  remindMinutes: number | null;
}

/** A manager's day: what is planned today, what is overdue, what was done. */
export interface DayView {
  day: string;
  planned: ActivityDto[];
  overdue: ActivityDto[];
  done: ActivityDto[];
}

/** Calls and meetings: logging, planning, a manager's day. */
export const activitiesApi = {
  'activities.list': entry<ActivityDto[]>()({
    input: z.object({
      clientId: id.optional(),
      dealId: id.optional(),
      managerId: id.optional(),
      status: z.enum(ACTIVITY_STATUS_VALUES).optional(),
      from: day.optional(),
      to: day.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    access: ANY_ROLE,
    writes: false,
  }),
  'activities.get': entry<ActivityDto>()({ input: z.object({ id }), access: ANY_ROLE, writes: false }),
  'activities.create': entry<ActivityDto>()({ input: activityInputSchema, access: SALES_ROLES, writes: true }),
  'activities.update': entry<ActivityDto>()({
    input: z.object({ id, activity: activityInputSchema }),
    access: SALES_ROLES,
    writes: true,
  }),
  'activities.setStatus': entry<ActivityDto>()({
    input: z.object({ id, status: z.enum(ACTIVITY_STATUS_VALUES) }),
    access: SALES_ROLES,
    writes: true,
  }),
  'activities.day': entry<DayView>()({
    input: z.object({ day, managerId: id.optional() }),
    access: SALES_ROLES,
    writes: false,
  }),
};
