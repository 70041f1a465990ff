// The trained speaker model (media/speaker-model.json, made by `npm run train:quotes`): one weight per
// feature of a candidate, a softmax over a quote's candidates, and the calibration that turns the winner's
// probability into the probability that it is right (isotonic, fitted on quotes the model was not trained on).

import { contentHash } from '../text/hash';

/** The file's declared format, checked on load. */
const FORMAT = 'source-annotator speaker model';
const VERSION = 1;

export interface SpeakerModel {
  /** Names the model in analysis cache keys: "speakers:" and a hash of the file. */
  id: string;
  weights: Map<string, number>;
  /** The calibration curve: raw probabilities (rising) and the share right at each; linear in between. */
  calibration: { x: number[]; y: number[] };
}

/** What the file holds (JSON). */
export interface SpeakerModelFile {
  format: string;
  version: number;
  /** How it was made: data, seed, settings and cross-validated figures. */
  trained?: Record<string, unknown>;
  weights: Record<string, number>;
  calibration: { x: number[]; y: number[] };
}

export function parseSpeakerModel(json: string): SpeakerModel {
  const file = JSON.parse(json) as SpeakerModelFile;
  if (file?.format !== FORMAT || file.version !== VERSION) throw new Error('not a Source Annotator speaker model (or another version)');
  const { x, y } = file.calibration ?? {};
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length || !x.length) throw new Error('speaker model: calibration missing or damaged');
  for (let i = 1; i < x.length; i++) if (!(x[i] >= x[i - 1])) throw new Error('speaker model: calibration not in order');
  const weights = new Map(Object.entries(file.weights ?? {}).filter(([, w]) => typeof w === 'number' && Number.isFinite(w)));
  return { id: `speakers:${contentHash(json).slice(7, 15)}`, weights, calibration: { x, y } };
}

export function serializeSpeakerModel(weights: Map<string, number>, calibration: { x: number[]; y: number[] }, trained: Record<string, unknown>): string {
  const sorted = [...weights].filter(([, w]) => w !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const file: SpeakerModelFile = {
    format: FORMAT, version: VERSION, trained,
    weights: Object.fromEntries(sorted.map(([k, w]) => [k, round(w)])),
    calibration: { x: calibration.x.map(round), y: calibration.y.map(round) },
  };
  return JSON.stringify(file, null, 1) + '\n';
}

/** A candidate's score: the sum of its features' weights. */
export function score(weights: ReadonlyMap<string, number>, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights.get(f) ?? 0;
  return s;
}

/** The softmax over one quote's candidates, from their features. */
export function probabilities(model: Pick<SpeakerModel, 'weights'>, candidates: readonly (readonly string[])[]): number[] {
  return softmax(candidates.map(f => score(model.weights, f)));
}

/** Scores made probabilities that add up to one. */
export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const e = scores.map(s => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map(v => v / sum);
}

/** The probability that the model's choice is right, read off the calibration curve. */
export function calibrated(model: Pick<SpeakerModel, 'calibration'>, p: number): number {
  const { x, y } = model.calibration;
  if (p <= x[0]) return y[0];
  if (p >= x[x.length - 1]) return y[y.length - 1];
  let i = 1;
  while (x[i] < p) i++;
  const t = x[i] === x[i - 1] ? 1 : (p - x[i - 1]) / (x[i] - x[i - 1]);
  return y[i - 1] + t * (y[i] - y[i - 1]);
}
