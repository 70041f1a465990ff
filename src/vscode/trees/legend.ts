import * as vscode from 'vscode';
import { styleColour, type Style } from '../decorations';

interface Entry { style: Style; label: string; description: string; icon: string }

/** What each highlight means, in the order a reader meets them. */
export const LEGEND: readonly Entry[] = [
  { style: 'PERSON', label: 'Person', description: 'tinted box; hover for who and where else', icon: 'circle-filled' },
  { style: 'ORG', label: 'Organisation', description: 'tinted box', icon: 'circle-filled' },
  { style: 'PLACE', label: 'Place', description: 'tinted box', icon: 'circle-filled' },
  { style: 'DATE', label: 'Date or time', description: 'tinted box; hover for the day it means', icon: 'circle-filled' },
  { style: 'speech', label: 'Quotation', description: 'underlined; hover for who said it', icon: 'quote' },
  { style: 'quiet', label: 'Scare quote or title', description: 'dotted underline: not someone’s words', icon: 'quote' },
  { style: 'user', label: 'Your annotation', description: 'outlined', icon: 'tag' },
  { style: 'review', label: 'Needs review', description: 'dashed outline: the text changed here', icon: 'warning' },
];

/**
 * The Colour Legend view: one row per kind of highlight, its icon in the highlight's own colour (the theme's, or
 * the user's `workbench.colorCustomizations`), so it always matches what the article shows.
 */
export class LegendTree implements vscode.TreeDataProvider<Entry> {
  getChildren(entry?: Entry): Entry[] {
    return entry ? [] : [...LEGEND];
  }

  getTreeItem(entry: Entry): vscode.TreeItem {
    const item = new vscode.TreeItem(entry.label);
    item.description = entry.description;
    item.iconPath = new vscode.ThemeIcon(entry.icon, styleColour(entry.style));
    item.tooltip = `${entry.label}: ${entry.description}. The colours follow the colour theme; the setting workbench.colorCustomizations changes them.`;
    item.id = `legend/${entry.style}`;
    return item;
  }
}
