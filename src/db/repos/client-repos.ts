import type { RepoDeps } from '../drizzle';
import { createClientContactsRepo } from './client-contacts-repo';
import { createClientDivisionRepo } from './client-division-repo';
import { createClientDossierRepo } from './client-dossier-repo';
import { createClientImportRepo } from './client-import-repo';
import { createClientListRepo } from './client-list-repo';
import { createClientPassportRepo } from './client-passport-repo';
import { createClientSourcesRepo } from './client-sources-repo';
import { createClientsRepo } from './clients-repo';
import { createQuestionnairesRepo } from './questionnaires-repo';

/** The clients area's repositories, spread into the store by buildRepos. */
export function createClientRepos(deps: RepoDeps) {
  return {
    clients: createClientsRepo(deps),
    clientList: createClientListRepo(deps),
    clientContacts: createClientContactsRepo(deps),
    clientPassports: createClientPassportRepo(deps),
    clientDossier: createClientDossierRepo(deps),
    clientSources: createClientSourcesRepo(deps),
    clientDivision: createClientDivisionRepo(deps),
    clientImport: createClientImportRepo(deps),
    questionnaires: createQuestionnairesRepo(deps),
  };
}
