// How much of the analysis the quotations take, with the rules alone and with the speaker model: CPU time
// (process.cpuUsage, one thread) of analyseArticle and of findQuotes over PolNeAR articles, best of three runs.
// usage: npm run speed:quotes -- --data ../shared/data/polnear/train [--articles 300]
import * as fs from 'node:fs';
import { analyseArticle, type AnalysisOptions } from '../../src/core/analysis';
import { modelRecogniser, parseModel } from '../../src/core/ner';
import { findQuotes, parseSpeakerModel } from '../../src/core/quotes';
import { tokenize } from '../../src/core/text/tokens';
import { readPolnear } from './brat';

const a = process.argv.slice(2);
const get = (name: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : undefined; };
const data = get('data');
if (!data || !fs.existsSync(data)) { console.error('speed:quotes: give a folder of PolNeAR articles: npm run speed:quotes -- --data ../shared/data/polnear/train'); process.exit(2); }
const texts = readPolnear(data).slice(0, Number(get('articles') ?? 300)).map(x => x.text);
const recogniser = modelRecogniser(parseModel(new Uint8Array(fs.readFileSync('media/ner-model.bin'))));
const speakerModel = parseSpeakerModel(fs.readFileSync('media/speaker-model.json', 'utf8'));
const tokens = texts.reduce((n, t) => n + tokenize(t).length, 0);

/** CPU milliseconds of the best of three runs (after one run to warm up). */
function cpu(run: () => void): number {
  run();
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = process.cpuUsage();
    run();
    const u = process.cpuUsage(t);
    best = Math.min(best, (u.user + u.system) / 1000);
  }
  return best;
}

const rulesOnly: AnalysisOptions = { recogniser };
const withModel: AnalysisOptions = { recogniser, speakerModel };
const mentions = texts.map(t => analyseArticle(t, rulesOnly).mentions);
const whole = (o: AnalysisOptions) => cpu(() => { for (const t of texts) analyseArticle(t, o); });
const quotes = (model?: typeof speakerModel) => cpu(() => texts.forEach((t, i) => findQuotes(t, mentions[i], model)));
const [wholeRules, wholeModel, quotesRules, quotesModel] = [whole(rulesOnly), whole(withModel), quotes(), quotes(speakerModel)];
const rate = (ms: number) => Math.round(tokens / (ms / 1000)).toLocaleString('en');
console.log(`${texts.length} articles, ${tokens.toLocaleString('en')} tokens, one thread (CPU time, best of 3)`);
console.log(`analysis, speakers by the rules:  ${wholeRules.toFixed(0)} ms — ${rate(wholeRules)} tokens/s; quotations ${quotesRules.toFixed(0)} ms (${(100 * quotesRules / wholeRules).toFixed(1)} %)`);
console.log(`analysis, speakers by the model:  ${wholeModel.toFixed(0)} ms — ${rate(wholeModel)} tokens/s; quotations ${quotesModel.toFixed(0)} ms (${(100 * quotesModel / wholeModel).toFixed(1)} %)`);
// the model's own cost, measured alone: findQuotes with and without it, alternated ten times
let rules = 0, model = 0;
for (let k = 0; k < 10; k++) { rules += quotes(); model += quotes(speakerModel); }
console.log(`the speaker model's own cost: ${((model - rules) / 10).toFixed(0)} ms for ${texts.length} articles (${(((model - rules) / 10) / texts.length).toFixed(2)} ms an article), ${(100 * (model - rules) / 10 / wholeModel).toFixed(1)} % of the analysis`);
