import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/cancel.ts
var CANCEL_EXIT_CODE = { SIGINT: 130, SIGTERM: 143 };
function installCancellation(proc = process) {
  const handlers = ["SIGINT", "SIGTERM"].map((signal) => {
    const handler = () => {
      proc.stderr.write(
        `energy-budget: cancelled by ${signal}: stopping the measurement; no report is written and no comment is posted.
`
      );
      proc.exit(CANCEL_EXIT_CODE[signal]);
    };
    proc.once(signal, handler);
    return [signal, handler];
  });
  return () => {
    for (const [signal, handler] of handlers) proc.removeListener(signal, handler);
  };
}

export {
  installCancellation
};
