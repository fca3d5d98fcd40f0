// Starts a TypeScript worker: tsx's loader is not inherited by worker threads on Node 20.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
