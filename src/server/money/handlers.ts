import type { commercialReportApi } from '../../shared/api/commercial-report';
import type { moneyApi } from '../../shared/api/money';
import type { HandlerMap } from '../handler-types';
import { paymentHandlers } from './payment-handlers';
import { reportHandlers } from './report-handlers';

/** Every handler of the money area: payments and the commercial report with the month's close. */
export const moneyHandlers: HandlerMap<keyof typeof moneyApi | keyof typeof commercialReportApi> = {
  ...paymentHandlers,
  ...reportHandlers,
};
