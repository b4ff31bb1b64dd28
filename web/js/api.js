// The JSON API of `dateline serve` (doc/api.md), as the page uses it.

// The filters the page sends, in a fixed order; empty ones are left out.
export const FILTER_NAMES = ['country', 'actor', 'type', 'q', 'since', 'until'];

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// GETs `path` and returns its JSON; an API error becomes an Error with its message.
async function getJson(path, params = {}) {
  const response = await fetch(path + query(params), { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    const error = body && body.error ? body.error : { message: response.statusText };
    throw new Error(`${error.message}${error.parameter ? ` (${error.parameter})` : ''}`);
  }
  return body;
}

export function fetchEvents(filters, cursor, limit) {
  return getJson('/api/events', { ...filters, cursor, limit });
}

export function fetchStats(by, filters) {
  return getJson('/api/stats', { ...filters, by });
}

export function fetchArticle(id) {
  return getJson(`/api/articles/${encodeURIComponent(id)}`);
}
