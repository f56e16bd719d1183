// tsc keeps the shebang but not the executable bit; npm links bin files as they are.
const fs = require('node:fs');
const path = require('node:path');
const cli = path.join(__dirname, '..', 'dist', 'server', 'cli.js');
if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
