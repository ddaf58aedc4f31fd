#!/usr/bin/env node
// The `energy-budget` binary: runs the bundled CLI (dist/cli.js, kept equal to a fresh build
// of src/ by `npm run check-dist`), so `npx energy-budget` needs no build step after install.
import * as cli from '../dist/cli.js';

// SIGINT/SIGTERM: exit at once, workers killed, no report written (src/cancel.ts).
cli.installCancellation?.();
const { runCli } = cli;

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
