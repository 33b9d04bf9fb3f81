import { boardHandlers } from './board-handlers';
import { moveHandlers } from './move-handlers';
import { outputHandlers } from './output-handlers';
import { scanHandlers } from './scan-handlers';
import { settingsHandlers } from './settings-handlers';

/** Every handler of the signing area: the board, moves, scans, deadlines and the calendar, the register and the export. */
export const signingHandlers = {
  ...boardHandlers,
  ...moveHandlers,
  ...scanHandlers,
  ...settingsHandlers,
  ...outputHandlers,
};
