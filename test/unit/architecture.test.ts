// The core (src/core/**) is pure TypeScript: no VS Code API, no Node built-ins, nothing from outside src/core.
// That is what lets the CLI, the extension and a future web build share it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT, filesUnder } from './helpers';

const CORE = path.join(REPO_ROOT, 'src', 'core');

/** Block comments and whole-line comments removed (a line comment after code is kept: it may be inside a string). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^\s*\/\/.*$/gm, '');
}

/** Every module specifier a TypeScript source imports, re-exports, requires or imports dynamically. */
export function moduleSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const patterns = [
    /\bfrom\s*['"`]([^'"`]+)['"`]/g, // import … from 'x', import type … from 'x', export … from 'x'
    /\bimport\s*['"`]([^'"`]+)['"`]/g, // import 'x'
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g, // import('x')
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g, // require('x')
    /\bimport\s+\w+\s*=\s*require\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g, // import x = require('x')
  ];
  const found = new Set<string>();
  for (const re of patterns) for (let m = re.exec(code); m; m = re.exec(code)) found.add(m[1]);
  return [...found];
}

const BUILTINS = new Set(builtinModules.map(m => m.replace(/^node:/, '')));

/** Why a specifier is not allowed in the core, or undefined when it is fine. */
function forbidden(specifier: string, fromFile: string): string | undefined {
  if (specifier === 'vscode' || specifier.startsWith('vscode/')) return 'the VS Code API';
  if (specifier.startsWith('node:')) return 'a Node built-in';
  const root = specifier.split('/')[0];
  if (BUILTINS.has(specifier) || BUILTINS.has(root)) return 'a Node built-in';
  if (specifier.startsWith('.')) {
    const target = path.resolve(path.dirname(fromFile), specifier);
    if (path.relative(CORE, target).startsWith('..')) return 'a module outside src/core';
  }
  return undefined;
}

describe('architecture: src/core is pure', () => {
  const files = filesUnder(CORE, '.ts');

  it('finds the core sources to check', () => {
    // guards against a wrong path making every other check vacuous
    assert.ok(files.length >= 15, `expected the core's ~20 files under ${CORE}, found ${files.length}`);
    assert.ok(files.some(f => f.endsWith(path.join('core', 'corpus', 'index.ts'))));
  });

  it('the import scanner sees every import form (self-check)', () => {
    const sample = [
      "import * as fs from 'fs';",
      "import type { Uri } from 'vscode';",
      'import {\n  join,\n  dirname,\n} from "node:path";',
      "import 'os';",
      "export { x } from 'child_process';",
      "export * from './local';",
      "const w = require('worker_threads');",
      "const c = await import('crypto');",
      "import e = require('events');",
      "// import nope from 'commented-out';",
      "/* import nope2 from 'also-commented'; */",
    ].join('\n');
    assert.deepEqual(moduleSpecifiers(sample).sort(), ['./local', 'child_process', 'crypto', 'events', 'fs', 'node:path', 'os', 'vscode', 'worker_threads'].sort());
    const file = path.join(CORE, 'x', 'y.ts');
    assert.equal(forbidden('fs/promises', file), 'a Node built-in');
    assert.equal(forbidden('node:fs', file), 'a Node built-in');
    assert.equal(forbidden('vscode', file), 'the VS Code API');
    assert.equal(forbidden('../../vscode/decorations', file), 'a module outside src/core');
    assert.equal(forbidden('../text/span', file), undefined);
    assert.equal(forbidden('yaml', file), undefined);
  });

  it('no core file imports vscode, a Node built-in or code outside src/core', () => {
    const violations: string[] = [];
    for (const file of files) {
      for (const spec of moduleSpecifiers(fs.readFileSync(file, 'utf8'))) {
        const why = forbidden(spec, file);
        if (why) violations.push(`${path.relative(REPO_ROOT, file)} imports '${spec}' (${why})`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('no core file reaches Node or VS Code through globals (process, Buffer, __dirname, acquireVsCodeApi)', () => {
    const violations: string[] = [];
    for (const file of files) {
      const code = stripComments(fs.readFileSync(file, 'utf8'));
      for (const g of ['process.', 'Buffer.', '__dirname', '__filename', 'acquireVsCodeApi']) {
        if (new RegExp(`(?<![\\w.$'"\`])${g.replace('.', '\\.')}`).test(code)) violations.push(`${path.relative(REPO_ROOT, file)} uses ${g}`);
      }
    }
    assert.deepEqual(violations, []);
  });
});
