// Unit tests run tfjs on the CPU backend in Node (tfjs-node cannot install here), set up by the same
// module the CLI uses, so tests and headless runs share one backend configuration.
import { startNodeBackend } from '../cli/node-backend';

await startNodeBackend('cpu');
