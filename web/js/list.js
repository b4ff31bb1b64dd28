// The list of events, a page at a time: "source → action → target", date, place and
// how many reports tell of it. Text goes in as text (textContent), never as markup.
import { actionName, actorName, dateSpan, placeName, plural } from './format.js';

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function eventItem(event, onSelect) {
  const item = element('li');
  item.tabIndex = 0;
  item.dataset.id = event.id;
  item.dataset.type = event.plover || '';
  item.dataset.date = event.date && event.date.first ? event.date.first : '';
  item.dataset.last = event.date && event.date.last ? event.date.last : item.dataset.date;
  const triple = element('div', 'triple');
  triple.append(element('span', 'source', actorName(event.source)), ' → ',
    element('span', 'action', actionName(event)), ' → ', element('span', 'target', actorName(event.target)));
  const reports = event.counts ? event.counts.reports : event.reports.length;
  const meta = element('div', 'meta',
    `${dateSpan(event)} · ${placeName(event.place)} · ${plural(reports, 'report')}${event.cameo ? ` · CAMEO ${event.cameo}` : ''}`);
  item.append(triple, meta);
  item.addEventListener('click', () => onSelect(event));
  item.addEventListener('keydown', (e) => { if (e.key === 'Enter') onSelect(event); });
  return item;
}

export function renderList(listElement, events, onSelect) {
  listElement.replaceChildren(...events.map((event) => eventItem(event, onSelect)));
}

export function markActive(listElement, eventId) {
  for (const item of listElement.children) item.classList.toggle('active', item.dataset.id === String(eventId));
}

export { element };
