// Bundles the extension (dist/extension.js), the CLI (dist/cli.js), the analysis worker and the Show Timeline page. Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/worker.ts'], outfile: 'dist/worker.js' },
  // the Show Timeline page: vis-timeline and its styles, for the browser (dist/timeline.js and dist/timeline.css)
  { ...common, entryPoints: ['src/webview/timeline.ts'], outfile: 'dist/timeline.js', format: 'iife', platform: 'browser', target: 'es2020' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map(options => esbuild.build(options)));
}
