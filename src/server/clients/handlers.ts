import type { HandlerMap } from '../handler-types';
import type { clientsApi } from '../../shared/api/clients';
import { clientCardHandlers } from './card-handlers';
import { clientDivisionHandlers } from './division-handlers';
import { clientDossierHandlers } from './dossier-handlers';
import { clientImportHandlers } from './import-handlers';
import { clientPassportHandlers } from './passport-handlers';

/** Every handler of the clients area. */
export const clientsHandlers: HandlerMap<keyof typeof clientsApi> = {
  ...clientCardHandlers,
  ...clientDossierHandlers,
  ...clientDivisionHandlers,
  ...clientImportHandlers,
  ...clientPassportHandlers,
};
