/**
 * Starts the embedded MQTT listener with the app (instrumentation.ts, Node runtime only) unless an external broker is
 * configured (MQTT_URL) or it is switched off (MQTT_EMBEDDED=off). A port in use is a warning, not a failure: the app
 * serves its pages and the HTTPS ingest either way.
 */
import { log } from '../log';
import { processSlot } from '../process-slot';
import { appTelemetry } from '../services/telemetry/runtime';
import { type EmbeddedBroker, MqttPortInUseError, mqttPort, startEmbeddedBroker } from './embedded-broker';

const broker = processSlot<Promise<EmbeddedBroker | null>>('__rpEmbeddedBroker');

export function embeddedBrokerWanted(env: Record<string, string | undefined> = process.env): boolean {
  if (env.MQTT_URL?.trim()) return false;
  if (env.MQTT_EMBEDDED?.trim().toLowerCase() === 'off') return false;
  return env.NEXT_PHASE !== 'phase-production-build';
}

export function startEmbeddedBrokerWithApp(): Promise<EmbeddedBroker | null> {
  if (!embeddedBrokerWanted()) return Promise.resolve(null);
  if (!broker.value) {
    broker.value = (async () => {
      try {
        const port = mqttPort();
        const telemetry = await appTelemetry();
        return await startEmbeddedBroker({ port, host: process.env.MQTT_HOST?.trim() || '0.0.0.0', telemetry, log });
      } catch (e) {
        if (e instanceof MqttPortInUseError) log.warn({ port: e.port }, e.message);
        else log.warn({ err: e }, 'mqtt: the embedded listener did not start; the app serves without it (HTTPS ingest still works)');
        return null;
      }
    })();
  }
  return broker.value;
}
