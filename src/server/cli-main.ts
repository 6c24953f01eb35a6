import { loadConfig } from './config.js';
import { runCli, UsageError, USAGE } from './cli.js';
import { DomainError } from './platform/errors.js';

/** Entry point of `npm run reman -- …` (logic and tests live in cli.ts). */
runCli(process.argv.slice(2), loadConfig())
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else if (err instanceof DomainError) console.error(`${err.messageZh} / ${err.messageEn}`);
    else console.error(err);
    process.exit(2);
  });
