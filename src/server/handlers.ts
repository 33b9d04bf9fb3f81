import type { EntryName } from '../shared/contract';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { clientsHandlers } from './clients/handlers';
import { documentsAreaHandlers } from './documents/handlers';
import type { HandlerMap } from './handler-types';
import { moneyHandlers } from './money/handlers';
import { officeHandlers } from './office/handlers';
import { orgsHandlers } from './orgs/handlers';
import { payrollHandlers } from './payroll/handlers';
import { plansAreaHandlers } from './plans/handlers';
import { presenceHandlers } from './presence';
import { salesHandlers } from './sales/handlers';
import { signingHandlers } from './signing/handlers';
import { firstStepsHandlers } from './system/first-steps';
import { systemHandlers } from './system/handlers';
import { usersHandlers } from './users/handlers';

/** Every entry's handler; the type makes a missing handler a compile error. */
export const handlers: HandlerMap<EntryName> = {
  ...authHandlers,
  ...systemHandlers,
  ...firstStepsHandlers,
  ...usersHandlers,
  ...orgsHandlers,
  ...clientsHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...salesHandlers,
  ...documentsAreaHandlers,
  ...signingHandlers,
  ...plansAreaHandlers,
  ...payrollHandlers,
  ...moneyHandlers,
  ...presenceHandlers,
  ...officeHandlers,
};
