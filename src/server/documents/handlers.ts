import { approvalHandlers } from './approval-handlers';
import { catalogHandlers } from './catalog-handlers';
import { documentHandlers } from './document-handlers';
import { linkDealHandlers } from './link-deal';
import { outputHandlers } from './output-handlers';
import { templateHandlers } from './template-handlers';

/** Every handler of the documents area. */
export const documentsAreaHandlers = {
  ...documentHandlers,
  ...linkDealHandlers,
  ...outputHandlers,
  ...catalogHandlers,
  ...templateHandlers,
  ...approvalHandlers,
};
