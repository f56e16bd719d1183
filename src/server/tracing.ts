// The OpenTelemetry SDK for `rolegraph serve`, started by main.ts only when an OTLP endpoint is
// configured (tracingConfig.ts): spans are batched and sent as OTLP/HTTP JSON. The provider is ours,
// not registered globally, and its tracer is handed to the request instrumentation
// (requestTracing.ts); a collector that is down costs a warning in the log, never a request.
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { createRequestTracing, type RequestTracing } from './requestTracing';
import type { TracingConfig } from './tracingConfig';

/** The instrumentation scope of our spans. */
export const TRACER_NAME = 'rolegraph';

export interface Tracing {
  /** Pass to createServer as `tracing`. */
  readonly requests: RequestTracing;
  /** Sends every span ended so far. */
  forceFlush(): Promise<void>;
  /** Sends what is left and stops; spans ended after this are dropped. */
  shutdown(): Promise<void>;
}

export interface TracingLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

/**
 * Logs when export starts failing and when it recovers, not every failed batch: with the collector
 * down, a busy server would otherwise write a warning every few seconds for as long as it stays down.
 */
function reportingFailures(inner: SpanExporter, log: TracingLogger): SpanExporter {
  let failing = false;
  return {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void) {
      inner.export(spans, (result) => {
        if (result.code !== ExportResultCode.SUCCESS && !failing) {
          failing = true;
          log.warn({ err: { message: result.error?.message ?? 'export failed' } }, 'trace export failing; spans are dropped until the collector answers');
        } else if (result.code === ExportResultCode.SUCCESS && failing) {
          failing = false;
          log.info({}, 'trace export recovered');
        }
        done(result);
      });
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

export function startTracing(config: TracingConfig, log: TracingLogger): Tracing {
  const exporter = reportingFailures(new OTLPTraceExporter({ url: config.url }), log);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  return {
    requests: createRequestTracing(provider.getTracer(TRACER_NAME)),
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
