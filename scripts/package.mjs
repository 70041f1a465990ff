// `npm run package`: a production build and a .vsix in the repository root, with @vscode/vsce run by a
// Node >= 22 (this Node if new enough, else .test-tools' Node 24). Fails if the .vsix is over 5 MB.
// vsce itself runs the `vscode:prepublish` script (`node esbuild.mjs --production`) before packing.
// env: SOURCE_ANNOTATOR_EXT_DIR (default: repo root) to package another folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OUTPUT, ROOT, loadTools, log } from './lib/code-server.mjs';

const MAX_BYTES = 5 * 1024 * 1024;
// used only when the extension has no .vscodeignore of its own: the .vsix must hold the bundle, not the repo
const FALLBACK_IGNORE = `.test-tools/**
.test-output/**
.ci/**
.git/**
.github/**
.vscode/**
.vscode-test/**
node_modules/**
out/**
src/**
test/**
scripts/**
sample-corpus/**
**/*.ts
**/*.map
**/tsconfig*.json
esbuild.mjs
.mocharc.json
.gitignore
*.vsix
README.md
`;

function fail(msg) { console.error(`package: ${msg}`); process.exit(1); }

const dir = path.resolve(process.env.SOURCE_ANNOTATOR_EXT_DIR || ROOT);
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));

if (!pkg.scripts?.['vscode:prepublish']) { // otherwise vsce runs the production build itself
  log('node esbuild.mjs --production');
  const b = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: dir, stdio: 'inherit' });
  if (b.status !== 0) fail('the production build failed');
}

const major = Number(process.versions.node.split('.')[0]);
const node = major >= 22 ? process.execPath : loadTools({ browser: false }).node24;
const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
if (!fs.existsSync(vsce)) fail(`${vsce} is missing: run \`npm ci\``);

const out = path.join(dir, `${pkg.name}-${pkg.version}.vsix`);
fs.rmSync(out, { force: true });
const args = [vsce, 'package', '--no-dependencies', '--skip-license', '--out', out];
// The README's screenshots (docs/*.png) are not packaged. With a `repository` in package.json, vsce rewrites the
// README's relative links to absolute ones on it, so the extension's details page loads the images from there;
// without one, the packaged README leaves out the images that would show broken (and keeps every word). vsce
// takes the readme from the packaged files: dist/README.vsix.md (.vscodeignore keeps README.md itself out).
const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
const localImage = /^!\[[^\]]*\]\((?![a-z]+:)[^)]*\)[ \t]*\r?\n(?:[ \t]*\r?\n)?/gm;
const packagedReadme = path.join('dist', 'README.vsix.md');
fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
fs.writeFileSync(path.join(dir, packagedReadme), pkg.repository ? readme : readme.replace(localImage, ''));
args.push('--readme-path', packagedReadme);
if (!pkg.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
if (!fs.existsSync(path.join(dir, '.vscodeignore'))) {
  const ignore = path.join(OUTPUT, 'vscodeignore');
  fs.mkdirSync(OUTPUT, { recursive: true });
  fs.writeFileSync(ignore, FALLBACK_IGNORE);
  args.push('--ignoreFile', ignore);
  log('no .vscodeignore: using the fallback list in', path.relative(ROOT, ignore));
}
log(`vsce package (Node ${major >= 22 ? process.versions.node : 'from .test-tools'})`);
const r = spawnSync(node, args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0 || !fs.existsSync(out)) fail(`vsce package failed (exit ${r.status ?? r.signal})`);

const size = fs.statSync(out).size;
console.log(`VSIX: ${out} (${(size / 1024).toFixed(1)} KB)`);
if (size > MAX_BYTES) fail(`${path.basename(out)} is ${(size / 1048576).toFixed(2)} MB, over the 5 MB limit`);
