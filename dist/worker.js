import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  adviseForModel,
  compareWithBase,
  confinedReadFile,
  countSides,
  measureModel,
  serializeError
} from "./chunks/chunk-YS46S3BF.js";
import "./chunks/chunk-NECSJKXB.js";
import "./chunks/chunk-KLIXH5O5.js";
import "./chunks/chunk-JOXRTO3M.js";
import "./chunks/chunk-4IKFRKST.js";
import "./chunks/chunk-QP55FGLM.js";
import "./chunks/chunk-4WH33R5J.js";
import "./chunks/chunk-5RXNPUPO.js";
import {
  EnvironmentError
} from "./chunks/chunk-TKWDDEDX.js";
import "./chunks/chunk-DSY7S6TO.js";

// src/isolate/handler.ts
async function handleJob(job, logger) {
  const config = job.config;
  const cfg = config.models[job.modelIndex];
  if (!cfg || cfg.name !== job.modelName) {
    throw new EnvironmentError(
      `The measurement worker was sent models[${job.modelIndex}] of ${config.file}, which is not "${job.modelName}": the engine and its worker disagree. Please report it.`
    );
  }
  const shown = new Set(job.shown);
  const ctx = {
    config,
    logger,
    env: job.env,
    clockNs: () => process.hrtime.bigint(),
    sysfsRoot: job.sysfsRoot,
    ...job.procRoot ? { procRoot: job.procRoot } : {},
    advise: job.advise,
    readFile: confinedReadFile(job.workspaceRoot),
    shown
  };
  let value;
  const kind = job.kind;
  switch (job.kind) {
    case "measure":
      value = await measureModel(cfg, job.path, ctx);
      break;
    case "compare":
      value = await compareWithBase(cfg, job.path, job.head, ctx);
      break;
    case "advise":
      value = await adviseForModel(cfg, job.head, ctx);
      break;
    case "count":
      value = await countSides(cfg, job.path, job.basePath, ctx);
      break;
    default:
      throw new EnvironmentError(`The measurement worker got an unknown job kind "${kind}".`);
  }
  return { value, shown: [...shown] };
}

// src/isolate/serve.ts
function send(message) {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, void 0, {}, () => resolve());
  });
}
function serveWorker(handler) {
  if (!process.send) {
    process.stderr.write("energy-budget worker: this script is started by the engine (child_process.fork), not by hand.\n");
    process.exitCode = 1;
    return;
  }
  process.on("disconnect", () => process.exit(1));
  const logger = {
    info: (message) => void send({ type: "log", level: "info", message }),
    warn: (message) => void send({ type: "log", level: "warn", message }),
    progress: (message) => void send({ type: "log", level: "progress", message })
  };
  process.once("message", (job) => {
    void (async () => {
      let answer;
      try {
        const { value, shown } = await handler(job, logger);
        answer = { type: "result", value, shown };
      } catch (error) {
        answer = { type: "error", error: serializeError(error) };
      }
      try {
        await send(answer);
      } catch (error) {
        await send({ type: "error", error: serializeError(error) });
      }
      process.exit(0);
    })();
  });
}

// src/worker.ts
serveWorker(handleJob);
