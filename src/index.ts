/** The action's entry point (action.yml `main: dist/index.js`): runs the action, nothing else. */
import { run } from './main.js';

process.exitCode = await run();
