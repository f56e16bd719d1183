// tsc keeps the shebang but not the executable bit; npm links bin files as they are.
const fs = require('node:fs');
const path = require('node:path');
const cli = path.join(__dirname, '..', 'dist', 'server', 'cli.js');
if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);

// tsc copies no non-TS files: the pages' own client scripts and styles (src/server/assets/*) must
// sit next to the compiled routers, because the published package ships dist/ and not src/.
const assetsSrc = path.join(__dirname, '..', 'src', 'server', 'assets');
const assetsDist = path.join(__dirname, '..', 'dist', 'server', 'assets');
if (fs.existsSync(assetsSrc)) fs.cpSync(assetsSrc, assetsDist, { recursive: true });
