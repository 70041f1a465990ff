// Reading the trained speaker model (media/speaker-model.json) from disk, for the CLI and the analysis worker.
import * as fs from 'node:fs';
import { parseSpeakerModel, type SpeakerModel } from '../core/quotes';

/** The speaker model in the file, or undefined (said through `warn`) when it is missing or damaged: then the rules choose speakers. */
export function readSpeakerModel(file: string | null | undefined, warn: (message: string) => void = () => {}): SpeakerModel | undefined {
  if (!file) return undefined;
  try {
    return parseSpeakerModel(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    warn(`no speaker model at ${file} (${(e as Error).message}); the rules choose speakers`);
    return undefined;
  }
}
