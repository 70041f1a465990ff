import * as vscode from 'vscode';
import type { CorpusView } from '../../core/corpus';
import { reach, reachInWords } from '../../core/outline';
import { readSettings } from '../settings';

const TYPE_A_NAME = '\0name';

/**
 * Who made a claim: a person or organisation of the corpus (the most mentioned first, in words), a name typed,
 * or nobody said; undefined when the user cancels. '' is "not said".
 */
export async function askClaimant(view: CorpusView, current?: string): Promise<string | undefined> {
  const entities = [...view.entities.values()].filter(e => e.type === 'PERSON' || e.type === 'ORG').map(e => ({ e, r: reach(view, e.id) }));
  entities.sort((a, b) => b.r.mentions - a.r.mentions || a.e.name.localeCompare(b.e.name));
  const pick = await vscode.window.showQuickPick([
    { label: '$(question) Not said', id: '' },
    { label: '$(edit) Type a name…', id: TYPE_A_NAME },
    ...entities.map(({ e, r }) => ({ label: e.name, description: [e.type === 'ORG' ? 'organisation' : '', reachInWords(r), current === e.id ? 'current' : ''].filter(Boolean).join(' · '), id: e.id })),
  ], { title: 'Who made the claim?', placeHolder: 'Type to filter' });
  if (!pick || pick.id !== TYPE_A_NAME) return pick?.id;
  return (await vscode.window.showInputBox({ title: 'Who made the claim?', prompt: 'Their name, as you would write it', value: current && !current.includes(':') ? current : '' }))?.trim();
}

/** The verdict on a claim, from the setting sourceAnnotator.claimRatings; '' is "no verdict yet"; undefined when cancelled. */
export async function askRating(current?: string): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick([
    { label: '$(circle-large-outline) No verdict yet', rating: '' },
    ...readSettings().claimRatings.map(rating => ({ label: rating, description: rating === current ? 'current' : '', rating })),
  ], { title: 'Verdict on the claim', placeHolder: 'Exported as schema.org ClaimReview' });
  return pick?.rating;
}
