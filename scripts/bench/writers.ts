// Many programs adding annotations to one article at once: 4, 16 and 64 CLI `annotate` processes (dist/cli.js)
// plus one extension-style writer (the extension's save on the disk, in this process), all on one sidecar.
// Prints counts, not timing: saved (exit 0), refused (exit non-zero, with its reason), lost (said saved but not
// in the sidecar), and refused but found saved anyway; both of the last two must be 0, and the sidecar valid.
// usage: npm run bench:writers -- [--calls 64] [--writers 4,16,64]   (calls: CLI calls per round, shared by the writers)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../../src/core/annotations/codec';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { newAnnotationId, type Annotation } from '../../src/core/annotations/model';
import { saveOnDiskAsync } from '../../src/node/sidecarDisk';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const callsPerRound = Number(option('--calls', '64'));
const rounds = option('--writers', '4,16,64').split(',').map(Number);
const CLI = path.resolve('dist', 'cli.js');
if (!fs.existsSync(CLI)) { console.error('no dist/cli.js: run `npm run build` first'); process.exit(2); }
const TEXT = fs.readFileSync(path.join('sample-corpus', 'time-kim-trump-handshake-hanoi.txt'), 'utf8');

interface Outcome { note: string; saved: boolean; reason?: string }

/** One CLI `annotate` call adding a note; saved when it exits 0. */
function cliAnnotate(article: string, note: string): Promise<Outcome> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [CLI, 'annotate', article, '--start', '0', '--end', '4', '--kind', 'note', '--note', note], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', chunk => { err += chunk; });
    child.on('close', code => resolve({ note, saved: code === 0, reason: code === 0 ? undefined : reasonOf(err) }));
  });
}

/** The extension's save on the disk (src/node/sidecarDisk.ts, as SidecarStore calls it for a local folder). */
async function extensionSave(article: string, note: string): Promise<Outcome> {
  const now = new Date().toISOString();
  const annotation: Annotation = { id: newAnnotationId(), kind: 'note', note, links: {}, author: 'bench', created: now, updated: now, anchor: makeAnchor(TEXT, { start: 0, end: 4 }) };
  try {
    await saveOnDiskAsync(`${article}.annotations.yaml`, path.basename(article), TEXT, list => [...list, annotation]);
    return { note, saved: true };
  } catch (e) {
    return { note, saved: false, reason: reasonOf((e as Error).message) };
  }
}

/** The gist of a refusal: its message without the article's name and numbers. */
function reasonOf(message: string): string {
  return message.split('\n')[0].replace(/^source-annotator: /, '').replace(/cannot (save|write) the annotations of [^:]+: /, '').replace(/\d+(\.\d+)?/g, 'N').slice(0, 90);
}

async function round(writers: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-writers-'));
  const article = path.join(dir, 'kim.txt');
  fs.writeFileSync(article, TEXT);
  const perWriter = Math.max(1, Math.round(callsPerRound / writers));
  let cliDone = false;
  const cli = Promise.all(Array.from({ length: writers }, async (_, w) => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < perWriter; i++) outcomes.push(await cliAnnotate(article, `cli-${w}-${i}`));
    return outcomes;
  })).then(all => { cliDone = true; return all.flat(); });
  const extension = (async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; !cliDone || i < 4; i++) {
      outcomes.push(await extensionSave(article, `extension-${i}`));
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    return outcomes;
  })();
  const outcomes = [...await cli, ...await extension];

  const parsed = parseSidecar(fs.readFileSync(`${article}.annotations.yaml`, 'utf8'), 'kim.txt');
  const inFile = new Map<string, number>();
  for (const a of parsed.sidecar?.annotations ?? []) inFile.set(a.note ?? '', (inFile.get(a.note ?? '') ?? 0) + 1);
  const saved = outcomes.filter(o => o.saved);
  const refused = outcomes.filter(o => !o.saved);
  const lost = saved.filter(o => !inFile.has(o.note));
  const refusedYetSaved = refused.filter(o => inFile.has(o.note));
  const twice = [...inFile.values()].filter(n => n > 1).length;
  const leftover = fs.readdirSync(dir).filter(f => f !== 'kim.txt' && f !== 'kim.txt.annotations.yaml');
  const ext = outcomes.filter(o => o.note.startsWith('extension-'));
  console.log(`${String(writers).padStart(2)} CLI writers + 1 extension writer: ${outcomes.length} saves (${ext.length} by the extension writer): ` +
    `${saved.length} added, ${lost.length} lost, ${refused.length} refused (reported), ${refusedYetSaved.length} refused yet saved, ${twice} saved twice; ` +
    `sidecar ${parsed.sidecar ? `valid, ${parsed.sidecar.annotations.length} annotations` : `INVALID: ${parsed.problems[0]?.message}`}; files left beside it: ${leftover.length}`);
  const reasons = new Map<string, number>();
  for (const o of refused) reasons.set(o.reason ?? '?', (reasons.get(o.reason ?? '?') ?? 0) + 1);
  for (const [reason, n] of reasons) console.log(`     refused ×${n}: ${reason}`);
  fs.rmSync(dir, { recursive: true, force: true });
  if (lost.length || refusedYetSaved.length || twice || !parsed.sidecar || parsed.sidecar.annotations.length !== saved.length || leftover.length) process.exitCode = 1;
}

void (async () => {
  for (const writers of rounds) await round(writers);
  if (process.exitCode) console.log('FAILED: an annotation was lost, a refused save landed, or the sidecar is not as the saves said');
})();
