// The trained models shipped in media/, read in the extension host: the entity model (its tables are built
// only if this thread tags; the worker usually does) and the speaker model.
import * as vscode from 'vscode';
import { lazyModelRecogniser, type EntityRecogniser } from '../core/ner';
import { parseSpeakerModel, type SpeakerModel } from '../core/quotes';

export interface ModelFiles {
  entities: vscode.Uri;
  speakers: vscode.Uri;
}

/** The models that could be read; without one, or if it is damaged, the rules do its work (said in the log). */
export async function readModels(files: ModelFiles): Promise<{ recogniser?: EntityRecogniser; speakerModel?: SpeakerModel }> {
  const load = async <T>(uri: vscode.Uri, what: string, parse: (bytes: Uint8Array) => T) => {
    try {
      return parse(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      console.warn(`Source Annotator: ${what} model not loaded (${(e as Error).message}); using rules`);
      return undefined;
    }
  };
  const [recogniser, speakerModel] = await Promise.all([load(files.entities, 'entity', lazyModelRecogniser), load(files.speakers, 'speaker', b => parseSpeakerModel(new TextDecoder().decode(b)))]);
  return { ...(recogniser ? { recogniser } : {}), ...(speakerModel ? { speakerModel } : {}) };
}
