// The detail of one event: what it is, its reports, and a report's article with the
// evidence sentence highlighted. Offsets from the API count Unicode code points, so
// the text is cut as Array.from(text), not by UTF-16 index (doc/api.md).
import { fetchArticle } from './api.js';
import { actionName, actorName, dateSpan, placeName, plural } from './format.js';
import { element } from './list.js';

// The article's text as nodes: every coded span marked, the `selected` report's as
// mark.evidence. Spans may overlap (one sentence, several events): cut at every edge.
function highlightedText(text, spans, selectedId) {
  const chars = Array.from(text);
  const edges = new Set([0, chars.length]);
  for (const s of spans) { edges.add(Math.max(0, s.start)); edges.add(Math.min(chars.length, s.end)); }
  const cuts = [...edges].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < cuts.length; ++i) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const piece = chars.slice(from, to).join('');
    const covering = spans.filter((s) => s.start <= from && to <= s.end);
    if (!covering.length) { nodes.push(document.createTextNode(piece)); continue; }
    const mark = element('mark', covering.some((s) => s.id === selectedId) ? 'evidence' : '', piece);
    mark.title = covering.map((s) => `${s.plover || s.cameo || 'incident'}: “${s.trigger}”`).join('; ');
    nodes.push(mark);
  }
  return nodes;
}

async function showReport(view, report) {
  for (const item of view.reports.children) item.classList.toggle('active', item.dataset.id === String(report.id));
  view.article.replaceChildren(element('p', 'meta', 'Loading the article…'));
  const article = await fetchArticle(report.article_id);
  const head = element('h3', '', article.title || article.id);
  const source = element('p', 'meta', `${article.published || 'no date'}${article.url ? ` · ${article.url}` : ''}`);
  const body = element('div', 'text');
  body.append(...highlightedText(article.text, article.events, report.id));
  view.article.replaceChildren(head, source, body);
  const mark = body.querySelector('mark.evidence');
  if (mark) mark.scrollIntoView({ block: 'nearest' });
}

export function createDetail(section, { onClose, onError }) {
  const view = {
    head: section.querySelector('#detail-head'),
    reports: section.querySelector('#detail-reports'),
    article: section.querySelector('#article'),
  };
  section.querySelector('#close-detail').addEventListener('click', () => { section.hidden = true; onClose(); });
  return {
    show(event) {
      section.hidden = false;
      const title = element('h2', '', `${actorName(event.source)} → ${actionName(event)} → ${actorName(event.target)}`);
      const facts = element('p', 'meta',
        `${dateSpan(event)} · ${placeName(event.place)} · ${plural(event.counts.reports, 'report')} in ` +
        `${plural(event.counts.articles, 'article')} from ${plural(event.counts.sources, 'source')}` +
        `${event.cameo ? ` · CAMEO ${event.cameo} ${event.cameo_name}` : ''}` +
        `${event.acled && event.acled.event_type ? ` · ACLED ${event.acled.event_type}` : ''}`);
      view.head.replaceChildren(title, facts);
      view.reports.replaceChildren(...event.reports.map((report) => {
        const item = element('li', '', `${report.title || report.article_id} (${report.published || 'no date'}): “${report.evidence.text}”`);
        item.dataset.id = report.id;
        item.addEventListener('click', () => showReport(view, report).catch(onError));
        return item;
      }));
      section.scrollIntoView({ block: 'nearest' });
      if (event.reports.length) showReport(view, event.reports[0]).catch(onError);
    },
  };
}
