// How events read on the page: "source → action → target", dates and places.

export function actorName(actor) {
  if (!actor) return '—';
  return actor.text || actor.code || '—';
}

export function actionName(event) {
  return event.plover || event.cameo_name || (event.acled && event.acled.sub_event_type) || 'incident';
}

export function dateSpan(event) {
  const { first, last } = event.date || {};
  if (!first) return 'undated';
  return last && last !== first ? `${first} – ${last}` : first;
}

export function placeName(place) {
  if (!place || !place.name) return 'no place';
  return place.country ? `${place.name}, ${place.country}` : place.name;
}

export function plural(n, word) {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
