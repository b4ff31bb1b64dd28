// The map: country outlines from world-atlas (Natural Earth, embedded in the binary),
// one dot per place from GET /api/stats?by=place (at most 2,000 however many events
// match), rings around the current page's places and the selected event. Drawn with
// d3-geo on SVG; zoom and pan with d3-zoom. No tiles, no network.

const WIDTH = 960;
const HEIGHT = 480;

export async function createMap(svgElement, { onPlaceClick }) {
  const d3 = window.d3;
  const svg = d3.select(svgElement).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const root = svg.append('g');
  const land = root.append('g');
  const places = root.append('g');
  const rings = root.append('g');
  let scale = 1;

  const topology = await (await fetch('/vendor/countries-50m.json')).json();
  const countries = window.topojson.feature(topology, topology.objects.countries);
  land.selectAll('path').data(countries.features).join('path').attr('class', 'land').attr('d', path);

  // Dots keep their size on screen as the map zooms.
  const zoom = d3.zoom().scaleExtent([1, 200]).on('zoom', (event) => {
    scale = event.transform.k;
    root.attr('transform', event.transform);
    root.selectAll('circle').attr('r', function radius() { return this.__radius / scale; });
  });
  svg.call(zoom);

  const point = (lon, lat) => projection([lon, lat]);
  const withRadius = (selection, radius) => selection.each(function keep(d) { this.__radius = radius(d); })
    .attr('r', function scaled() { return this.__radius / scale; });

  return {
    // rows: [{name, country, lat, lon, count}].
    drawPlaces(rows) {
      const largest = d3.max(rows, (r) => r.count) || 1;
      const radius = d3.scaleSqrt().domain([1, largest]).range([2.5, 14]);
      places.selectAll('circle').data(rows, (r) => `${r.lat},${r.lon},${r.name}`)
        .join((enter) => enter.append('circle').attr('class', 'place')
          .on('click', (event, r) => onPlaceClick(r))
          .call((c) => c.append('title')))
        .attr('cx', (r) => point(r.lon, r.lat)[0]).attr('cy', (r) => point(r.lon, r.lat)[1])
        .attr('data-name', (r) => r.name).attr('data-count', (r) => r.count)
        .call((c) => withRadius(c, (r) => radius(r.count)))
        .select('title').text((r) => `${r.name || 'unnamed place'}${r.country ? `, ${r.country}` : ''}: ${r.count} event${r.count === 1 ? '' : 's'}`);
    },
    // Rings at the places of the events listed (at most a page of them).
    drawPage(events) {
      const located = events.filter((e) => e.place && e.place.lat !== null && e.place.lon !== null);
      rings.selectAll('circle.on-page').data(located, (e) => e.id)
        .join('circle').attr('class', 'on-page')
        .attr('cx', (e) => point(e.place.lon, e.place.lat)[0]).attr('cy', (e) => point(e.place.lon, e.place.lat)[1])
        .call((c) => withRadius(c, () => 5));
    },
    select(event) {
      const located = event && event.place && event.place.lat !== null ? [event] : [];
      rings.selectAll('circle.selected').data(located)
        .join('circle').attr('class', 'selected')
        .attr('cx', (e) => point(e.place.lon, e.place.lat)[0]).attr('cy', (e) => point(e.place.lon, e.place.lat)[1])
        .call((c) => withRadius(c, () => 9));
    },
    // Zooms to the places given (once, at start: later filters keep the view).
    fit(rows) {
      if (!rows.length) return;
      const xs = rows.map((r) => point(r.lon, r.lat));
      const [x0, x1] = d3.extent(xs, (p) => p[0]);
      const [y0, y1] = d3.extent(xs, (p) => p[1]);
      const k = Math.max(1, Math.min(40, 0.8 / Math.max((x1 - x0) / WIDTH, (y1 - y0) / HEIGHT, 0.02)));
      const transform = d3.zoomIdentity.translate(WIDTH / 2, HEIGHT / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
      svg.call(zoom.transform, transform);
    },
  };
}
