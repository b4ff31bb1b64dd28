// Dateline's page: filters, a map, a timeline and a list of events with a detail view,
// over the JSON API of `dateline serve`. Aggregates come from the server (stats by day
// and by place) and events a page at a time, so the page stays light however large
// the store. document.body.dataset.state is "loading" while requests are out and
// "ready" after (the browser test waits on it).
import { FILTER_NAMES, fetchEvents, fetchStats } from './api.js';
import { createDetail } from './detail.js';
import { plural } from './format.js';
import { markActive, renderList } from './list.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';

const PAGE_SIZE = 25;
const $ = (selector) => document.querySelector(selector);

const state = {
  filters: { country: '', actor: '', type: '', q: '' },
  range: null,      // [since, until] from the timeline's brush
  place: null,      // {name, bbox} from a click on the map
  cursors: [null],  // the cursor of each page read so far; the last is the current page
  next: null,
};
let generation = 0;  // answers to older requests are dropped

function showError(error) {
  const box = $('#error');
  box.textContent = `Error: ${error.message}`;
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 6000);
}

function apiFilters({ withDates = true } = {}) {
  const filters = { ...state.filters };
  if (withDates && state.range) [filters.since, filters.until] = state.range;
  if (state.place) filters.bbox = state.place.bbox.join(',');
  return filters;
}

function describeRange() {
  const [since, until] = state.range;
  if (since && until) return `from ${since} to ${until}`;
  return since ? `from ${since}` : `until ${until}`;
}

function describeFilters() {
  const parts = FILTER_NAMES.filter((n) => state.filters[n]).map((n) => `${n} ${state.filters[n]}`);
  if (state.range) parts.push(describeRange());
  if (state.place) parts.push(`at ${state.place.name || 'the place picked'}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

async function loadPage(views, mine) {
  const page = await fetchEvents(apiFilters(), state.cursors[state.cursors.length - 1], PAGE_SIZE);
  if (mine !== generation) return;
  state.next = page.next;
  $('#summary').textContent = `${plural(page.total, 'event')}${describeFilters()}`;
  $('#summary').dataset.total = page.total;
  $('#page').textContent = `page ${state.cursors.length}`;
  $('#prev').disabled = state.cursors.length < 2;
  $('#next').disabled = !page.next;
  renderList($('#events'), page.events, (event) => select(views, event));
  views.map.drawPage(page.events);
}

function loadPlaces(views, mine) {
  return fetchStats('place', apiFilters()).then((stats) => {
    if (mine !== generation) return;
    views.map.drawPlaces(stats.counts);
    $('#map-note').textContent = `${plural(stats.counts.length, 'place')}; a dot's size is its number of events. ` +
      'Scroll to zoom, drag to pan, click a dot to list its events.';
  });
}

// Reloads what `what` changed: "filters" (all), "dates" (map and list) or "page".
async function refresh(views, what) {
  const mine = ++generation;
  document.body.dataset.state = 'loading';
  if (what !== 'page') state.cursors = [null];
  try {
    const jobs = [loadPage(views, mine)];
    if (what !== 'page') jobs.push(loadPlaces(views, mine));
    if (what === 'filters') {
      // The timeline counts every date (the brush picks among them): no since/until.
      jobs.push(fetchStats('day', apiFilters({ withDates: false })).then((stats) => {
        if (mine !== generation) return;
        const undated = (stats.counts.find((c) => c.key === 'undated') || { count: 0 }).count;
        const edges = views.timeline.draw(stats.counts, state.range);
        $('#timeline-note').textContent = [undated ? `${plural(undated, 'undated event')} not on the timeline` : '', edges]
          .filter(Boolean).join('; ');
      }));
    }
    await Promise.all(jobs);
  } catch (error) {
    showError(error);
  } finally {
    if (mine === generation) document.body.dataset.state = 'ready';
  }
}

function select(views, event) {
  markActive($('#events'), event.id);
  views.map.select(event);
  views.detail.show(event);
}

// The brush's range of days, or none.
function setRange(views, since, until, what = 'dates') {
  state.range = since || until ? [since, until] : null;
  $('#range').textContent = state.range ? describeRange() : 'All dates';
  $('#range').dataset.since = state.range ? since : '';
  $('#range').dataset.until = state.range ? until : '';
  $('#clear-range').hidden = !state.range;
  refresh(views, what);
}

// A place picked on the map (a box around its dot), or none.
function setPlace(views, place) {
  const d = 0.0006;  // the API rounds places to 0.001 degrees
  const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
  state.place = place && {
    name: place.name,
    bbox: [clamp(place.lon - d, 180), clamp(place.lat - d, 90), clamp(place.lon + d, 180), clamp(place.lat + d, 90)],
  };
  $('#clear-place').hidden = !state.place;
  refresh(views, 'dates');
}

async function fillChoices() {
  const [types, countries] = await Promise.all([fetchStats('type', {}), fetchStats('country', {})]);
  const select = document.querySelector('#filters select[name=type]');
  for (const { key, count } of types.counts) {
    if (key === 'incident') continue;  // not a PLOVER category: the API cannot filter on it
    select.append(new Option(`${key} (${count})`, key));
  }
  $('#countries').append(...countries.counts.map(({ key }) => new Option(key, key)));
}

function wireControls(views) {
  const form = $('#filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const name of Object.keys(state.filters)) state.filters[name] = form.elements[name].value.trim();
    refresh(views, 'filters');
  });
  form.elements.type.addEventListener('change', () => form.requestSubmit());
  $('#clear').addEventListener('click', () => {
    form.reset();
    Object.keys(state.filters).forEach((name) => { state.filters[name] = ''; });
    state.place = null;
    $('#clear-place').hidden = true;
    setRange(views, null, null, 'filters');
  });
  $('#clear-range').addEventListener('click', () => setRange(views, null, null, 'filters'));
  $('#clear-place').addEventListener('click', () => setPlace(views, null));
  $('#next').addEventListener('click', () => { state.cursors.push(state.next); refresh(views, 'page'); });
  $('#prev').addEventListener('click', () => { state.cursors.pop(); refresh(views, 'page'); });
}

async function main() {
  document.body.dataset.state = 'loading';
  const views = {};
  views.detail = createDetail($('#detail'), { onClose: () => views.map.select(null), onError: showError });
  views.timeline = createTimeline($('#timeline'), { onRange: (since, until) => setRange(views, since, until) });
  views.map = await createMap($('#map'), { onPlaceClick: (place) => setPlace(views, place) });
  wireControls(views);
  fillChoices().catch(showError);
  views.map.fit((await fetchStats('place', {})).counts);
  await refresh(views, 'filters');
}

main().catch((error) => {
  showError(error);
  document.body.dataset.state = 'failed';
});
