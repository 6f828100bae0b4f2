// Unit tests run tfjs on the CPU backend in Node (tfjs-node cannot install here), set up by the same
// module the CLI uses, so tests and headless runs share one backend configuration. Without the training
// step's helper threads: the tests that want them start their own (dsm-fused-threads.test.ts); a trainer
// computes the same bits either way.
import { startNodeBackend } from '../cli/node-backend';

await startNodeBackend('cpu', { threads: false });
