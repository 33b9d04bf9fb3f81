import { inTransaction, type RepoDeps } from '../drizzle';
import { createCatalogRepo } from './catalog-repo';
import { createDiscountApprovalsRepo } from './discount-approvals-repo';
import { createDocumentIssueRepo } from './document-issue-repo';
import { createDocumentSettingsRepo } from './document-settings-repo';
import { createDocumentsRepo } from './documents-repo';
import { createReconciliationShipmentsRepo } from './reconciliation-repo';
import { createSeriesRulesRepo } from './series-rules-repo';
import { createTemplatesRepo } from './templates-repo';

/** The documents area's repositories (`store.documents`): documents, issuing, catalog, templates, settings, approvals. */
export function createDocumentRepos(deps: RepoDeps) {
  const settings = createDocumentSettingsRepo(deps);
  return {
    docs: createDocumentsRepo(deps),
    issuing: createDocumentIssueRepo(deps, settings),
    catalog: createCatalogRepo(deps),
    templates: createTemplatesRepo(deps),
    settings,
    approvals: createDiscountApprovalsRepo(deps),
    reconciliation: createReconciliationShipmentsRepo(deps),
    seriesRules: createSeriesRulesRepo(deps),
    /** Runs the repositories' *Sync writes in one transaction (demo data). */
    async batch<T>(fn: () => T): Promise<T> {
      return inTransaction(deps, fn);
    },
  };
}

/** The documents area's repositories as one object. */
export type DocumentRepos = ReturnType<typeof createDocumentRepos>;
