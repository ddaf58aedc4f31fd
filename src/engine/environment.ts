/** What the report says about the machine it ran on. */
import os from 'node:os';
import type { EnvironmentInfo } from '../report/types.js';

/** Describes this machine and runtime. `ortVersion` comes from the onnxruntime adapter. */
export function detectEnvironment(ortVersion: string, device = 'cpu'): EnvironmentInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || os.arch(),
    logicalCpus: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    onnxruntime: ortVersion,
    device,
  };
}
