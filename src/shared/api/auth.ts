import { z } from '../zod-ru';
import { entry } from '../entry';
import type { Role } from '../roles';
import { orgInputSchema } from './orgs';

/** The person signed in. */
export interface SessionUser {
  id: number;
  login: string;
  fullName: string;
  position: string;
  role: Role;
}

/** What the renderer needs before anything else: set-up done? who is in? is the base writable? */
export interface AuthStatus {
  needsSetup: boolean;
  user: SessionUser | null;
  loginDisabled: boolean;
  idleLockMinutes: number;
  mode: 'normal' | 'recovery';
  recoveryReason: string | null;
  /** For the director: the first audit entry whose hash or link is wrong, or null when the chain holds. */
  auditBrokenAt: number | null;
}

/** A new password: the rule every password follows. */
export const passwordSchema = z
  .string()
  .min(10, { message: 'Пароль — не короче 10 символов' })
  .max(200, { message: 'Пароль слишком длинный' });

/** A login name: Latin letters, digits, dot, dash, underscore. */
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,40}$/, { message: 'Логин — от 2 до 40 латинских букв, цифр, точек, дефисов' });

/** First-run set-up: our organisation and the director, who becomes the first user. */
/**
 * Discount limits a new office starts with, in basis points (500 = 5 %): the set-up screen shows them
 * and the director may change them before saving.
 */
export const DEFAULT_DISCOUNT_LIMITS_BP: Readonly<Record<Role, number>> = {
  director: 10_000,
  head_of_sales: 1500,
  manager: 500,
  office_manager: 0,
  accountant: 0,
};

const limitBp = z.number().int().min(0, { message: 'Скидка не может быть отрицательной' }).max(10_000, { message: 'Скидка не больше 100 %' });

export const setupInputSchema = z.object({
  org: orgInputSchema,
  director: z.object({
    fullName: z.string().trim().min(1, { message: 'Укажите ФИО директора' }).max(200),
    login: loginSchema,
    password: passwordSchema,
  }),
  /** The largest discount each role may give without approval (basis points); the defaults above when left out. */
  discountLimits: z
    .object({ director: limitBp, head_of_sales: limitBp, manager: limitBp, office_manager: limitBp, accountant: limitBp })
    .default({ ...DEFAULT_DISCOUNT_LIMITS_BP }),
});

/** Input of the first-run set-up. */
export type SetupInput = z.infer<typeof setupInputSchema>;

/** Sign-in, sign-out, set-up. */
export const authApi = {
  'auth.status': entry<AuthStatus>()({ input: z.object({}), access: 'public', writes: false }),
  'auth.login': entry<SessionUser>()({
    input: z.object({ login: z.string().trim().toLowerCase().min(1), password: z.string().min(1).max(200) }),
    access: 'public',
    writes: false,
  }),
  // Someone is typing on the sign-in screen: what the first document needs starts warming while they sign in.
  'auth.prepare': entry<null>()({ input: z.object({}), access: 'public', writes: false }),
  'auth.logout': entry<null>()({ input: z.object({}), access: 'signed_in', writes: false }),
  'auth.ping': entry<null>()({ input: z.object({}), access: 'signed_in', writes: false }),
  'auth.changePassword': entry<null>()({
    input: z.object({ oldPassword: z.string().min(1).max(200), newPassword: passwordSchema }),
    access: 'signed_in',
    writes: true,
  }),
  'setup.complete': entry<SessionUser>()({ input: setupInputSchema, access: 'public', writes: true }),
  'setup.demo': entry<{ login: string; password: string }>()({
    input: z.object({}),
    access: 'public',
    writes: true,
  }),
};
