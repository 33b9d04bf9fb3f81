import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE, type Role } from '../roles';
import { setVersionSchema } from '../record-version';
import type { DashboardView } from './dashboard-types';
import { forecastQuerySchema, weekDiffQuerySchema, type ForecastView, type SnapshotDto, type WeekDiffView } from './forecast-types';
import {
  adSourceInputSchema,
  adSpendInputSchema,
  inboundFilterSchema,
  inboundInputSchema,
  inboundReportQuerySchema,
  type AdSourceDto,
  type InboundReport,
  type InboundRequestDto,
} from './inbound-types';
import { PLAN_MEASURES, periodSchema, planCellSchema, planFactQuerySchema, yearSchema, type PlanFactView, type PlanGrid, type PlanWriteResult } from './plan-types';
import { SALES_HEADS, SALES_ROLES } from './sales';
import { vipScheduleQuerySchema, vipTierInputSchema, vipVisitInputSchema, type VipSchedule, type VipSetup, type VipTierDto, type VipVisitDto } from './vip-types';

/** Who reads plans: the sales roles (a manager their own) and the accountant, who computes pay from them. */
export const PLAN_READERS: readonly Role[] = ['director', 'head_of_sales', 'manager', 'accountant'];

/** Who logs inbound requests: the sales roles and the office manager, who takes the calls. */
export const INBOUND_WRITERS: readonly Role[] = ['director', 'head_of_sales', 'manager', 'office_manager'];

const id = z.number().int().positive();
const gridKey = { year: yearSchema, measure: z.enum(PLAN_MEASURES).default('revenue_net') };

/** Планы и прогноз: plans, plan / fact, the forecast and its weekly snapshots, the inbound flow, the VIP programme, the home dashboard. */
export const plansApi = {
  'plans.grid': entry<PlanGrid>()({ input: z.object(gridKey), access: PLAN_READERS, writes: false }),
  'plans.save': entry<PlanWriteResult>()({
    input: z.object({ ...gridKey, version: setVersionSchema, cells: z.array(planCellSchema).min(1).max(2000) }),
    access: SALES_HEADS,
    writes: true,
  }),
  'plans.copy': entry<PlanWriteResult>()({ input: z.object({ ...gridKey, from: periodSchema, to: periodSchema }), access: SALES_HEADS, writes: true }),
  'plans.approve': entry<PlanWriteResult>()({
    input: z.object({ ...gridKey, periods: z.array(periodSchema).min(1).max(13) }),
    access: SALES_HEADS,
    writes: true,
  }),
  'plans.planFact': entry<PlanFactView>()({ input: planFactQuerySchema, access: PLAN_READERS, writes: false }),
  'forecast.get': entry<ForecastView>()({ input: forecastQuerySchema, access: SALES_ROLES, writes: false }),
  'forecast.snapshots': entry<SnapshotDto[]>()({ input: z.object({}), access: SALES_ROLES, writes: false }),
  'forecast.takeSnapshot': entry<SnapshotDto>()({ input: z.object({}), access: SALES_HEADS, writes: true }),
  'forecast.week': entry<WeekDiffView | null>()({ input: weekDiffQuerySchema, access: SALES_ROLES, writes: false }),
  'inbound.sources': entry<AdSourceDto[]>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'inbound.saveSource': entry<AdSourceDto>()({ input: adSourceInputSchema, access: SALES_HEADS, writes: true }),
  'inbound.saveSpend': entry<null>()({ input: adSpendInputSchema, access: SALES_HEADS, writes: true }),
  'inbound.list': entry<InboundRequestDto[]>()({ input: inboundFilterSchema, access: INBOUND_WRITERS, writes: false }),
  'inbound.save': entry<InboundRequestDto>()({
    input: z.object({ id: id.optional(), request: inboundInputSchema }),
    access: INBOUND_WRITERS,
    writes: true,
  }),
  'inbound.report': entry<InboundReport>()({ input: inboundReportQuerySchema, access: SALES_HEADS, writes: false }),
  'vip.setup': entry<VipSetup>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'vip.saveTier': entry<VipTierDto>()({ input: vipTierInputSchema, access: SALES_HEADS, writes: true }),
  'vip.setClientTier': entry<null>()({ input: z.object({ clientId: id, tierId: id.nullable() }), access: SALES_HEADS, writes: true }),
  'vip.schedule': entry<VipSchedule>()({ input: vipScheduleQuerySchema, access: SALES_ROLES, writes: false }),
  'vip.visits': entry<VipVisitDto[]>()({ input: z.object({ clientId: id.optional() }), access: SALES_ROLES, writes: false }),
  'vip.saveVisit': entry<VipVisitDto>()({ input: vipVisitInputSchema, access: SALES_ROLES, writes: true }),
  'dashboard.get': entry<DashboardView>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
};
