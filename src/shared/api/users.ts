import { z } from '../zod-ru';
import { entry } from '../entry';
import { DIRECTOR_ONLY, ROLES, type Role } from '../roles';
import { loginSchema, passwordSchema } from './auth';

/** A person of the office as the director sees them. */
export interface UserDto {
  id: number;
  login: string;
  fullName: string;
  position: string;
  role: Role;
  active: boolean;
}

/** A login locked from one address after repeated wrong passwords (until `until`, ISO). */
export interface SignInLockDto {
  login: string;
  address: string;
  computer: string;
  failures: number;
  until: string;
}

const personFields = {
  fullName: z.string().trim().min(1, { message: 'Укажите ФИО' }).max(200),
  position: z.string().trim().max(200),
  role: z.enum(ROLES),
};

/** Настройки → Сотрудники: the director adds people, sets roles, resets passwords. */
export const usersApi = {
  'users.list': entry<UserDto[]>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: false }),
  'users.create': entry<UserDto>()({
    input: z.object({ ...personFields, login: loginSchema, password: passwordSchema }),
    access: DIRECTOR_ONLY,
    writes: true,
  }),
  'users.update': entry<UserDto>()({
    input: z.object({ id: z.number().int().positive(), ...personFields, active: z.boolean() }),
    access: DIRECTOR_ONLY,
    writes: true,
  }),
  'users.resetPassword': entry<null>()({
    input: z.object({ id: z.number().int().positive(), password: passwordSchema }),
    access: DIRECTOR_ONLY,
    writes: true,
  }),
  /** Logins locked now from some address after repeated wrong passwords. */
  'users.signInLocks': entry<SignInLockDto[]>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: false }),
  /** Lifts one lock before its time (recorded in the audit trail). */
  'users.unlockSignIn': entry<null>()({
    input: z.object({ login: z.string().trim().toLowerCase().min(1).max(200), address: z.string().min(1).max(200) }),
    access: DIRECTOR_ONLY,
    writes: true,
  }),
};
