// When tracing is on and where its spans go, from the environment. Pure, like config.ts. Tracing is
// off unless an OTLP endpoint is named; the OTLP exporter reads the rest of its standard variables
// itself (OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT, _COMPRESSION, certificates), so a header carrying a
// collector's API key never passes through our config, or our log of it.
export interface TracingConfig {
  /** The OTLP/HTTP traces URL spans are sent to (JSON encoding). */
  url: string;
  /** `service.name` of every span. */
  serviceName: string;
}

export class TracingConfigError extends Error {
  override readonly name = 'TracingConfigError';
}

export const DEFAULT_SERVICE_NAME = 'rolegraph';
/** The OTLP/HTTP path of traces under a collector's base URL (the OTLP exporter spec). */
const TRACES_PATH = 'v1/traces';

function value(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

function httpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TracingConfigError(`${name} must be an http or https URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TracingConfigError(`${name} must be an http or https URL, got ${url.protocol}`);
  return url;
}

/** `base` + `v1/traces`, as the spec joins them (`http://collector:4318` → `http://collector:4318/v1/traces`). */
function tracesUnder(name: string, base: string): string {
  const url = httpUrl(name, base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${TRACES_PATH}`;
  return url.toString();
}

/**
 * Tracing settings, or null (off). The first set of: ROLEGRAPH_OTLP_ENDPOINT (a collector's base
 * URL, like the next), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the traces URL itself),
 * OTEL_EXPORTER_OTLP_ENDPOINT (base URL). OTEL_SDK_DISABLED=true turns it off whatever is set.
 */
export function loadTracingConfig(env: Record<string, string | undefined>): TracingConfig | null {
  if (value(env.OTEL_SDK_DISABLED)?.toLowerCase() === 'true') return null;
  const serviceName = value(env.OTEL_SERVICE_NAME) ?? DEFAULT_SERVICE_NAME;
  const own = value(env.ROLEGRAPH_OTLP_ENDPOINT);
  if (own) return { url: tracesUnder('ROLEGRAPH_OTLP_ENDPOINT', own), serviceName };
  const traces = value(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  if (traces) return { url: httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', traces).toString(), serviceName };
  const base = value(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (base) return { url: tracesUnder('OTEL_EXPORTER_OTLP_ENDPOINT', base), serviceName };
  return null;
}
