// The timeline: events per day (GET /api/stats?by=day, with every filter but the
// dates), and a brush that picks a range of days; onRange(since, until) is called with
// "YYYY-MM-DD" days (both inclusive; '' for an open end), or with nulls when the brush
// is cleared.
//
// News mentions old dates ("in 1818"): drawn to scale, a few such events squeeze the
// bulk into one bar. So the axis spans the middle 90% of the dated events, the ones
// before and after are counted in the first and last bars, and a brush touching an
// edge leaves that end of the range open.

const WIDTH = 960;
const HEIGHT = 120;
const MARGIN = { top: 6, right: 8, bottom: 20, left: 36 };
const DAY_MS = 86400000;

function dayOf(date) { return date.toISOString().slice(0, 10); }
function parseDay(text) { return new Date(`${text}T00:00:00Z`); }

// The first and last days between which all but `tail` of the events at each end fall.
function middleSpan(days, tail) {
  const total = days.reduce((n, d) => n + d.count, 0);
  const sorted = [...days].sort((a, b) => a.day - b.day);
  let seen = 0;
  let first = sorted[0].day;
  let last = sorted[sorted.length - 1].day;
  let firstFound = false;
  for (const d of sorted) {
    seen += d.count;
    if (!firstFound && seen > total * tail) { first = d.day; firstFound = true; }
    if (seen >= total * (1 - tail)) { last = d.day; break; }
  }
  return [first, last];
}

export function createTimeline(svgElement, { onRange }) {
  const d3 = window.d3;
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const bars = svg.append('g');
  const xAxis = svg.append('g').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`);
  const yAxis = svg.append('g').attr('transform', `translate(${MARGIN.left},0)`);
  const brushLayer = svg.append('g').attr('class', 'brush');
  let x = null;
  let quiet = false;  // set while the page moves the brush itself
  let clipped = { before: 0, after: 0 };  // events outside the axis, in the edge bars

  const brush = d3.brushX()
    .extent([[MARGIN.left, MARGIN.top], [WIDTH - MARGIN.right, HEIGHT - MARGIN.bottom]])
    .on('end', (event) => {
      if (quiet || !x) return;
      if (!event.selection) { onRange(null, null); return; }
      const [left, right] = x.range();
      const [from, to] = event.selection.map(x.invert);
      // Whole days: the day the brush starts in, to the day it ends in.
      let since = dayOf(new Date(Math.floor(from.getTime() / DAY_MS) * DAY_MS));
      let until = dayOf(new Date(Math.ceil(to.getTime() / DAY_MS) * DAY_MS - DAY_MS));
      if (until < since) until = since;
      if (clipped.before && event.selection[0] <= left + 0.5) since = '';
      if (clipped.after && event.selection[1] >= right - 0.5) until = '';
      onRange(since, until);
    });
  brushLayer.call(brush);

  return {
    // counts: [{key: "YYYY-MM-DD" | "undated", count}]; range: [since, until] or null.
    draw(counts, range) {
      const days = counts.filter((c) => c.key !== 'undated').map((c) => ({ day: parseDay(c.key), count: c.count }));
      if (!days.length) {
        x = null;
        bars.selectAll('rect').remove();
        xAxis.selectAll('*').remove();
        yAxis.selectAll('*').remove();
        return;
      }
      const [first, last] = middleSpan(days, 0.05);
      clipped = {
        before: d3.sum(days.filter((d) => d.day < first), (d) => d.count),
        after: d3.sum(days.filter((d) => d.day > last), (d) => d.count),
      };
      const spanDays = (last - first) / DAY_MS;
      const unit = spanDays <= 400 ? d3.utcDay : spanDays <= 365 * 30 ? d3.utcMonth : d3.utcYear;
      const clamp = (day) => (day < first ? first : day > last ? last : day);
      const bins = d3.rollups(days, (v) => d3.sum(v, (d) => d.count), (d) => unit.floor(clamp(d.day)).getTime())
        .map(([start, count]) => ({ start: new Date(start), end: unit.offset(new Date(start), 1), count }));
      x = d3.scaleUtc().domain([unit.floor(first), unit.offset(unit.floor(last), 1)]).range([MARGIN.left, WIDTH - MARGIN.right]);
      const y = d3.scaleLinear().domain([0, d3.max(bins, (d) => d.count)]).nice()
        .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
      bars.selectAll('rect').data(bins, (d) => d.start.getTime()).join('rect').attr('class', 'bar')
        .attr('data-from', (d) => dayOf(d.start)).attr('data-to', (d) => dayOf(new Date(d.end - DAY_MS)))
        .attr('data-count', (d) => d.count)
        .attr('x', (d) => x(d.start)).attr('width', (d) => Math.max(1, x(d.end) - x(d.start) - 1))
        .attr('y', (d) => y(d.count)).attr('height', (d) => y(0) - y(d.count))
        .call((r) => r.selectAll('title').data((d) => [d]).join('title')
          .text((d) => `${dayOf(d.start)} to ${dayOf(new Date(d.end - DAY_MS))}: ${d.count}`));
      xAxis.call(d3.axisBottom(x).ticks(8).tickSizeOuter(0));
      yAxis.call(d3.axisLeft(y).ticks(3));
      quiet = true;
      const [left, right] = x.range();
      const at = (day, fallback) => (day ? Math.max(left, Math.min(right, x(parseDay(day)))) : fallback);
      brushLayer.call(brush.move, range
        ? [at(range[0], left), range[1] ? Math.max(left, Math.min(right, x(parseDay(range[1])) + x(new Date(DAY_MS)) - x(new Date(0)))) : right]
        : null);
      quiet = false;
      const outside = [];
      if (clipped.before) outside.push(`${clipped.before} before ${dayOf(first)}`);
      if (clipped.after) outside.push(`${clipped.after} after ${dayOf(last)}`);
      return outside.length ? `events in the edge bars: ${outside.join(', ')}` : '';
    },
  };
}
