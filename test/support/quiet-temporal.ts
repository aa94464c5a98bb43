import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers log bundling and state changes at INFO; tests only want warnings.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this worker thread
}
