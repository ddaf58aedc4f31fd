/** The action's entry point (action.yml `main: dist/index.js`): runs the action, nothing else. */
import { installCancellation } from './cancel.js';
import { run } from './main.js';

installCancellation();
process.exitCode = await run();
