// After tsc: what tsc does not do for us.
// - The bin file keeps its shebang but not the executable bit; npm links bin files as they are.
// - Browser assets (GraphiQL bootstrap, the ladder page's stylesheet and its script bundled by
//   buildWeb.js) are not tsc's output, so tsc does not copy them;
//   dist/ must be self-contained for the Docker image, which ships dist/ without src/.
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const cli = path.join(root, 'dist', 'server', 'cli.js');
if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
const assets = path.join(root, 'src', 'server', 'assets');
if (fs.existsSync(assets)) fs.cpSync(assets, path.join(root, 'dist', 'server', 'assets'), { recursive: true });
