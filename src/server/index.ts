// Public API of the server layer, for the CLI: the composition root, the running service and the
// configuration they both read.
export { createIndexerFor, createLogger, resolveRepository } from './compose';
export { startServer, type RunningService } from './main';
export { ConfigError, loadConfig, redactConfig, type Config, type ConfigFlags } from './config';
export { throttledProgress } from './progressLog';
