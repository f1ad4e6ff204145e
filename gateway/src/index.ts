/** Entry point of the gateway. */
// First: Apollo's telemetry off before anything loads @apollo/gateway (telemetry-off.ts).
import './telemetry-off';
// Then tracing (when configured), set up before the modules it instruments load.
import '@samverkan/shared/tracing';
import { createLogger, stopOnSignals } from '@samverkan/shared/server';
import { startGateway } from './gateway';

startGateway()
  .then((running) => stopOnSignals(createLogger('gateway'), running.stop))
  .catch((e) => {
    console.error(`[gateway] failed to start: ${(e as Error).message}`);
    process.exit(1);
  });
