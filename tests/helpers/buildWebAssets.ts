// Jest global setup: bundle the ladder page's script (src/web/ladder → src/server/assets/ladder/ladder.js)
// before any suite starts a server, exactly as `npm run build` does, so no test serves a stale bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildLadderScript } = require('../../scripts/buildWeb') as { buildLadderScript(): string };

export default function buildWebAssets(): void {
  buildLadderScript();
}
