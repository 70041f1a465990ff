// The Show Timeline page (runs in the webview, bundled with vis-timeline by esbuild into dist/timeline.js and
// dist/timeline.css). It draws what the extension posts and posts back only ids: which item was clicked, which
// lanes are wanted. Text goes into the page as text, never as HTML.
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './timeline.css';
import type { Lanes, TimelinePicture } from '../core/timeline/picture';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const items = new DataSet<DataItem>();
const groups = new DataSet<DataGroup>();
const container = document.getElementById('timeline')!;
const note = document.getElementById('note')!;
const laneButtons = [...document.querySelectorAll<HTMLButtonElement>('button[data-lanes]')];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function text(tag: string, words: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = words;
  if (className) el.className = className;
  return el;
}

const options: TimelineOptions = {
  stack: true,
  zoomable: true,
  moveable: true,
  selectable: true,
  showCurrentTime: false,
  orientation: { axis: 'top', item: 'top' },
  groupOrder: 'order',
  zoomMin: 1000 * 60 * 60 * 24 * 2,
  tooltip: { followMouse: true, overflowMethod: 'cap' },
  margin: { item: { horizontal: 4, vertical: 6 } },
  height: '100%',
};
const timeline = new Timeline(container, items, groups, options);
let drawn = false;

/** Every item in view, with room on the right for the labels of the last points (they are written after their dot). */
function fitAll(animation = true): void {
  const starts = items.get().flatMap(i => [Date.parse(String(i.start)), ...(i.end ? [Date.parse(String(i.end))] : [])]);
  const from = Math.min(...starts), to = Math.max(...starts);
  const span = Math.max(to - from, 1000 * 60 * 60 * 24 * 14);
  timeline.setWindow(from - span * 0.03, to + span * 0.3, { animation });
}

function draw(picture: TimelinePicture): void {
  for (const b of laneButtons) b.setAttribute('aria-pressed', String(b.dataset.lanes === picture.lanes));
  groups.clear();
  groups.add(picture.groups.map((g, order) => {
    const label = text('span', g.content, 'lane');
    label.title = g.content;
    return { id: g.id, content: label, order };
  }));
  items.clear();
  items.add(picture.items.map(i => ({
    id: i.id, group: i.group, start: i.start, ...(i.end ? { end: i.end } : {}), type: i.type === 'point' ? 'point' : 'range',
    content: text('span', i.content), title: escape(i.title), className: `precision-${i.type}`,
  }) as unknown as DataItem)); // vis-timeline takes an element as content; its types say only a string
  const shown = new Set(picture.items.map(i => i.eventId)).size;
  note.textContent = `${shown} event${shown === 1 ? '' : 's'}${picture.undated ? `; ${picture.undated} undated, not on the time axis` : ''}. Click an event to open it in its article; scroll or pinch to zoom, drag to move.`;
  container.dataset.items = String(picture.items.length);
  if (!drawn && picture.items.length) fitAll(false);
  drawn = drawn || picture.items.length > 0;
}

timeline.on('select', (props: { items: (string | number)[] }) => {
  const id = props.items[0];
  if (id !== undefined) vscode.postMessage({ type: 'open', id: String(id) });
});
for (const b of laneButtons) b.addEventListener('click', () => vscode.postMessage({ type: 'lanes', lanes: b.dataset.lanes as Lanes }));
document.getElementById('fit')!.addEventListener('click', () => fitAll());

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as { type?: string; picture?: TimelinePicture };
  if (m?.type === 'picture' && m.picture) draw(m.picture);
});
vscode.postMessage({ type: 'ready' });
