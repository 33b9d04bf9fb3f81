// Prints the browser the e2e tests will use, or the install message with exit code 1 (.ci/run asks this).
import { chromiumMissingMessage, findChromium } from './chromium';

const found = findChromium();
if (found) {
  process.stdout.write(`${found}\n`);
} else {
  process.stderr.write(`${chromiumMissingMessage(process.env.SDELKA_CHROMIUM)}\n`);
  process.exitCode = 1;
}
