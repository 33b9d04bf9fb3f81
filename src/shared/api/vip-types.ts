import { z } from '../zod-ru';
import type { AnswerValue, FormField, QuestionnaireForm } from './client-types';

/** A tier of the VIP programme. */
export interface VipTierDto {
  id: number;
  name: string;
  intervalMonths: number;
  isDefault: boolean;
  clientCount: number;
}

/** Input of a tier. */
export const vipTierInputSchema = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, { message: 'Укажите название уровня' }).max(200),
  intervalMonths: z.number().int().min(1, { message: 'Не реже чем раз в месяц' }).max(24, { message: 'Не реже чем раз в два года' }),
  isDefault: z.boolean().default(false),
});

/** Where a client's next VIP visit stands. */
export type VipDueStatus = 'overdue' | 'due' | 'later';

/** A client in the VIP programme with its next visit. */
export interface VipDueRow {
  clientId: number;
  clientName: string;
  managerId: number | null;
  managerName: string | null;
  tierId: number;
  tierName: string;
  /** True when the tier was set for this client (not the default for working clients). */
  tierSet: boolean;
  intervalMonths: number;
  lastVisitOn: string | null;
  dueOn: string;
  status: VipDueStatus;
}

/** The VIP schedule: every client in the programme by due date, and per manager how many are due and overdue. */
export interface VipSchedule {
  today: string;
  rows: VipDueRow[];
  managers: { managerId: number | null; managerName: string | null; overdue: number; due: number }[];
}

/** Input of the schedule: one manager's, and whether to list clients not yet due. */
export const vipScheduleQuerySchema = z.object({
  managerId: z.number().int().positive().optional(),
  includeLater: z.boolean().default(false),
});

/** A referral as typed on the visit form: it becomes a new client in the base. */
export const referralInputSchema = z.object({
  shortName: z.string().trim().min(1, { message: 'Укажите название компании' }).max(300),
  kind: z.enum(['legal', 'ip', 'person']).default('legal'),
  contactName: z.string().trim().max(200).default(''),
  phone: z.string().trim().max(60).default(''),
  note: z.string().trim().max(2000).default(''),
});

/** A referral after validation. */
export type ReferralParsed = z.output<typeof referralInputSchema>;

/** A VIP visit as typed. */
export const vipVisitInputSchema = z.object({
  clientId: z.number().int().positive(),
  visitedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Дата в формате ГГГГ-ММ-ДД' }),
  answers: z.record(z.string(), z.union([z.string().max(4000), z.number(), z.boolean(), z.null()])).default({}),
  problems: z.string().trim().max(8000).default(''),
  suggestions: z.string().trim().max(8000).default(''),
  testimonial: z.string().trim().max(8000).default(''),
  referrals: z.array(referralInputSchema).max(20).default([]),
});

/** A VIP visit form after validation. */
export type VipVisitParsed = z.output<typeof vipVisitInputSchema>;

/** A referral as stored: the client it became. */
export interface VipReferralDto {
  id: number;
  newClientId: number;
  newClientName: string;
  note: string;
}

/** A VIP visit as stored. */
export interface VipVisitDto {
  id: number;
  clientId: number;
  clientName: string;
  managerId: number;
  managerName: string;
  visitedOn: string;
  fields: FormField[];
  answers: Record<string, AnswerValue>;
  problems: string;
  suggestions: string;
  testimonial: string;
  referrals: VipReferralDto[];
}

/** The VIP programme's set-up: tiers and the questionnaire (an office-defined form). */
export interface VipSetup {
  tiers: VipTierDto[];
  form: QuestionnaireForm | null;
}
