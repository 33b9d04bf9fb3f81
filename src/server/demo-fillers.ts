import type { Actor } from '../db/audit';
import { fillDemoClients } from './clients/demo';
import type { AppContext } from './context';
import { fillDemoDocuments } from './documents/demo';
import { fillDemoMoney } from './money/demo';
import { fillDemoPayroll } from './payroll/demo';
import { fillDemoPlans } from './plans/demo';
import { fillDemoSales } from './sales/demo';
import { fillDemoSigning } from './signing/demo';

/** A function that adds one area's demo records to a freshly set-up demo office. */
export type DemoFiller = (ctx: AppContext, actor: Actor) => Promise<void>;

/** Each area's demo filler, in the order they run (clients before documents, and so on; payroll after money and plans). */
export const DEMO_FILLERS: DemoFiller[] = [fillDemoClients, fillDemoSales, fillDemoDocuments, fillDemoSigning, fillDemoMoney, fillDemoPlans, fillDemoPayroll];
