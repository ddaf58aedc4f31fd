/**
 * Entry point of the measurement worker (bundled as dist/worker.js): the engine forks it once
 * per model so that a crash or hang inside onnxruntime stays in this process
 * (src/isolate/parent.ts). Nothing else happens at import time.
 */
import { handleJob } from './isolate/handler.js';
import { serveWorker } from './isolate/serve.js';

serveWorker(handleJob);
