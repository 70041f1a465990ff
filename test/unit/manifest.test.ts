// package.json's contributions agree with each other and with the source that implements them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, filesUnder } from './helpers';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; key: string; when?: string }[];
    viewsContainers: Record<string, { id: string }[]>;
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    colors: { id: string; defaults: Record<string, string> }[];
    configuration: { properties: Record<string, unknown> };
  };
}

const PREFIX = 'sourceAnnotator.';
/** Views that always have rows, whatever was read (the Colour Legend lists the kinds of highlight): no empty-view text. */
const NEVER_EMPTY = ['sourceAnnotator.legend'];
const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const c = manifest.contributes;

/** The extension's own sources (the core never talks to VS Code). */
function extensionSources(): { file: string; text: string }[] {
  const src = path.join(REPO_ROOT, 'src');
  return filesUnder(src, '.ts')
    .filter(f => !path.relative(src, f).startsWith('core' + path.sep))
    .map(file => ({ file: path.relative(REPO_ROOT, file), text: fs.readFileSync(file, 'utf8') }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const Q = `['"\`]`;

/**
 * How a command id is registered: as the literal first argument of registerCommand(…), or as a key of a
 * commands table (`'id': handler` or `['id', handler]`) in a file that registers commands from a variable.
 */
function registration(id: string, sources: { file: string; text: string }[]): string | undefined {
  const direct = new RegExp(`register(?:TextEditor)?Command\\(\\s*${Q}${escape(id)}${Q}`);
  const dynamic = /register(?:TextEditor)?Command\(\s*[A-Za-z_$]/;
  const tableEntry = new RegExp(`${Q}${escape(id)}${Q}\\s*:|\\[\\s*${Q}${escape(id)}${Q}\\s*,`);
  for (const s of sources) {
    if (direct.test(s.text)) return `${s.file}: registerCommand('${id}', …)`;
    if (dynamic.test(s.text) && tableEntry.test(s.text)) return `${s.file}: commands table`;
  }
  return undefined;
}

/** The `sourceAnnotator.*` context keys a when clause reads (not the view ids or view items it compares with). */
function contextKeys(when: string): string[] {
  const withoutValues = when.replace(/\b(view|viewItem|activeViewlet|focusedView)\s*(==|!=)\s*[\w.-]+/g, '');
  return [...withoutValues.matchAll(/\bsourceAnnotator\.[\w.]+/g)].map(m => m[0]);
}

describe('manifest (package.json contributions)', () => {
  const commandIds = c.commands.map(x => x.command);

  it('contributes commands, menus, keybindings, views and colours at all', () => {
    assert.ok(commandIds.length > 0);
    assert.ok(Object.keys(c.menus).length > 0);
    assert.ok(c.keybindings.length > 0);
    assert.ok(Object.values(c.views).flat().length > 0);
    assert.ok(c.colors.length > 0);
  });

  it('every contributed command is registered in the source', () => {
    const sources = extensionSources();
    assert.ok(sources.length > 0, 'no extension sources under src/ (outside src/core)');
    const missing = commandIds.filter(id => !registration(id, sources));
    assert.deepEqual(missing, [], `contributed but never registered: ${missing.join(', ')}`);
  });

  it('the registration finder tells a table key from a mere mention (self-check)', () => {
    const table = { file: 't.ts', text: "const commands = { 'sourceAnnotator.a': () => 1 };\nfor (const [id, run] of Object.entries(commands)) vscode.commands.registerCommand(id, run);" };
    const direct = { file: 'd.ts', text: "context.subscriptions.push(vscode.commands.registerCommand('sourceAnnotator.b', () => 1));" };
    const mention = { file: 'm.ts', text: "item.command = { command: 'sourceAnnotator.c', title: 'C' };" };
    assert.ok(registration('sourceAnnotator.a', [table]));
    assert.ok(registration('sourceAnnotator.b', [direct]));
    assert.equal(registration('sourceAnnotator.c', [mention, direct]), undefined);
    assert.equal(registration('sourceAnnotator.a', [direct]), undefined);
  });

  it('every command has a category and a title', () => {
    const bad = c.commands.filter(x => !x.category?.trim() || !x.title?.trim()).map(x => x.command);
    assert.deepEqual(bad, []);
  });

  it('every menu item has a non-empty when clause and names a contributed command', () => {
    const problems: string[] = [];
    for (const [menu, items] of Object.entries(c.menus)) {
      for (const item of items) {
        if (typeof item.when !== 'string' || !item.when.trim()) problems.push(`${menu}: ${item.command} has no when`);
        if (!commandIds.includes(item.command)) problems.push(`${menu}: ${item.command} is not a contributed command`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every keybinding has a when clause and names a contributed command', () => {
    const problems: string[] = [];
    for (const k of c.keybindings) {
      if (typeof k.when !== 'string' || !k.when.trim()) problems.push(`${k.key}: no when`);
      if (!commandIds.includes(k.command)) problems.push(`${k.key}: ${k.command} is not a contributed command`);
    }
    assert.deepEqual(problems, []);
  });

  it('every view has a viewsWelcome entry, and every welcome entry is for a contributed view', () => {
    const viewIds = Object.values(c.views).flat().map(v => v.id).filter(id => !NEVER_EMPTY.includes(id));
    const welcomed = new Set(c.viewsWelcome.filter(w => w.contents.trim()).map(w => w.view));
    assert.deepEqual(viewIds.filter(id => !welcomed.has(id)), []);
    assert.deepEqual([...welcomed].filter(id => !viewIds.includes(id)), []);
  });

  it('views sit in a contributed container', () => {
    const containers = Object.values(c.viewsContainers).flat().map(x => x.id);
    for (const container of Object.keys(c.views)) assert.ok(containers.includes(container) || ['explorer', 'scm', 'debug', 'test'].includes(container), container);
  });

  it(`ids all use the ${PREFIX} prefix`, () => {
    const ids = [
      ...commandIds,
      ...Object.values(c.views).flat().map(v => v.id),
      ...c.colors.map(x => x.id),
      ...Object.keys(c.configuration.properties),
    ];
    assert.ok(ids.length > 20);
    assert.deepEqual(ids.filter(id => !id.startsWith(PREFIX) || id.length === PREFIX.length), []);
    // a view container id may not contain a dot: it is the bare prefix
    for (const container of Object.values(c.viewsContainers).flat()) {
      assert.match(container.id, /^[A-Za-z0-9_-]+$/);
      assert.equal(container.id, PREFIX.slice(0, -1));
    }
  });

  it('ids are unique', () => {
    for (const ids of [commandIds, Object.values(c.views).flat().map(v => v.id), c.colors.map(x => x.id)]) {
      assert.equal(new Set(ids).size, ids.length, `duplicates in ${ids.join(', ')}`);
    }
  });

  it('every colour has light, dark, highContrast and highContrastLight defaults', () => {
    const problems: string[] = [];
    for (const colour of c.colors) {
      for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight']) {
        const value = colour.defaults?.[theme];
        if (typeof value !== 'string' || !value.trim()) problems.push(`${colour.id}: no ${theme}`);
        else if (value.startsWith('#') && !/^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value)) problems.push(`${colour.id}: ${theme} ${value} is not a colour`);
      }
    }
    assert.deepEqual(problems, []);
  });

  describe('colours referenced by new vscode.ThemeColor(…)', () => {
    const contributed = c.colors.map(x => x.id);
    /** Every ThemeColor argument written as a literal; `${…}` in a template literal becomes a wildcard. */
    const references = () => {
      const refs: { file: string; pattern: RegExp; written: string }[] = [];
      for (const s of extensionSources()) {
        for (const m of s.text.matchAll(/ThemeColor\(\s*(['"`])((?:(?!\1).)+)\1\s*\)/g)) {
          const written = m[2];
          const pattern = new RegExp('^' + written.split(/\$\{[^}]*\}/).map(escape).join('.+?') + '$');
          refs.push({ file: s.file, pattern, written });
        }
      }
      return refs;
    };

    it('every sourceAnnotator.* colour used in src exists in contributes.colors', () => {
      const refs = references();
      assert.ok(refs.length > 0, 'no new vscode.ThemeColor(…) in src: nothing draws the contributed colours');
      const unknown = refs.filter(r => r.written.startsWith(PREFIX) && !contributed.some(id => r.pattern.test(id)));
      assert.deepEqual(unknown.map(r => `${r.file}: ${r.written}`), []);
    });

    it('every contributed colour is used by the source', () => {
      const refs = references();
      const unused = contributed.filter(id => !refs.some(r => r.pattern.test(id)));
      assert.deepEqual(unused, [], `contributed but never used: ${unused.join(', ')}`);
    });
  });

  it('every sourceAnnotator.* context key read by a when clause is set by the source (setContext)', () => {
    const whens = [...Object.values(c.menus).flat().map(m => m.when ?? ''), ...c.keybindings.map(k => k.when ?? ''), ...c.viewsWelcome.map(w => w.when ?? '')];
    const keys = [...new Set(whens.flatMap(contextKeys))];
    assert.ok(keys.includes('sourceAnnotator.isArticle'));
    assert.ok(keys.includes('sourceAnnotator.scanning'));
    const sources = extensionSources();
    const unset = keys.filter(key => !sources.some(s => new RegExp(`['"]setContext['"]\\s*,\\s*${Q}${escape(key)}${Q}`).test(s.text)));
    assert.deepEqual(unset, []);
  });

  it('while the articles are read, no view says there is nothing: each welcome text is for one side of sourceAnnotator.scanning', () => {
    for (const view of Object.values(c.views).flat().map(v => v.id).filter(id => !NEVER_EMPTY.includes(id))) {
      const entries = c.viewsWelcome.filter(w => w.view === view);
      const idle = entries.filter(w => /^No /.test(w.contents));
      assert.ok(idle.length > 0, `${view} has its empty-view text`);
      for (const w of idle) assert.equal(w.when?.replace(/\s/g, ''), '!sourceAnnotator.scanning', `${view}: “${w.contents.slice(0, 30)}…” shows only when not reading`);
      for (const w of entries.filter(e => !idle.includes(e))) assert.equal(w.when, 'sourceAnnotator.scanning', `${view}: “${w.contents}”`);
    }
  });

  it('the walkthrough: each step has media that ship, and each command its description links to is ours or the workbench’s', () => {
    const walkthroughs = (manifest.contributes as unknown as { walkthroughs: { steps: { id: string; description: string; media: Record<string, string> }[] }[] }).walkthroughs;
    const steps = walkthroughs.flatMap(w => w.steps);
    assert.deepEqual(steps.map(s => s.id), ['openSample', 'hoverQuote', 'annotate', 'export']);
    const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!media\/\*\*$/m, 'media/ ships in the .vsix');
    assert.match(ignore, /^!sample-corpus\/\*\.txt$/m, 'the sample corpus ships for Open Sample Corpus');
    for (const step of steps) {
      const file = step.media.markdown ?? step.media.svg;
      assert.ok(file?.startsWith('media/') && fs.existsSync(path.join(REPO_ROOT, file)), `${step.id}: ${file}`);
      for (const [, id] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(!id.startsWith(PREFIX) || commandIds.includes(id) || /\.focus$/.test(id), `${step.id} links to ${id}`);
      }
    }
  });

  it('every contributed setting is read by src/vscode/settings.ts', () => {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'src', 'vscode', 'settings.ts'), 'utf8');
    const unread = Object.keys(c.configuration.properties).filter(id => !new RegExp(`\\.get\\(\\s*${Q}${escape(id.slice(PREFIX.length))}${Q}`).test(source));
    assert.deepEqual(unread, []);
    assert.ok('sourceAnnotator.maxArticles' in c.configuration.properties);
  });
});
