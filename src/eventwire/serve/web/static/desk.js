// The desk's map and timeline (written for eventwire).  The server has already
// rendered the filter form, the first page of rows and the export links; this
// script adds the map (world-atlas country shapes, no tiles), the markers
// (sized by fatalities, coloured by type, clustered when dense) and the
// timeline of events per day, whose brushing sets since/until in the URL and
// reloads the map and the list.  All text from the data goes in as textContent.
(function () {
  "use strict";
  var desk = document.getElementById("desk");
  if (!desk || desk.dataset.assets !== "ok" || !window.L || !window.uPlot || !window.topojson) {
    return; // the page already says the assets are missing; the list works without us
  }
  var FILTERS = ["since", "until", "type", "sub_type", "country", "admin1", "actor", "q", "contradicted", "min_confidence"];
  var ROWS = 50;
  var colours = {};
  desk.dataset.colours.split(";").forEach(function (pair) {
    var i = pair.lastIndexOf("=");
    colours[pair.slice(0, i)] = pair.slice(i + 1);
  });

  function query(without) {
    var now = new URLSearchParams(window.location.search), out = new URLSearchParams();
    FILTERS.forEach(function (k) {
      var v = now.get(k);
      if (v && v.trim() && (!without || without.indexOf(k) < 0)) { out.set(k, v.trim()); }
    });
    return out;
  }

  function getJSON(path, params) {
    return fetch(path + "?" + params.toString(), { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(path + ": " + r.status); }
      return r.json();
    });
  }

  // ------------------------------------------------------------------ map
  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([35, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country shapes: Natural Earth (world-atlas)");
  getJSON("/vendor/world-atlas/countries-110m.json", new URLSearchParams()).then(function (topo) {
    L.geoJSON(topojson.feature(topo, topo.objects.countries), {
      interactive: false,
      style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f7f6f0", fillOpacity: 1 }
    }).addTo(map).bringToBack();
  });
  var cluster = L.markerClusterGroup({ maxClusterRadius: 40, disableClusteringAtZoom: 10, showCoverageOnHover: false });
  map.addLayer(cluster);
  var note = L.control({ position: "bottomleft" });
  note.onAdd = function () { var d = L.DomUtil.create("div", "map-note"); d.id = "map-note"; return d; };
  note.addTo(map);

  function radius(fatalities) {
    return Math.min(22, 5 + 2.2 * Math.sqrt(fatalities || 0)); // area grows with the toll, capped
  }

  function drawPoints(data) {
    cluster.clearLayers();
    var markers = data.points.map(function (p) {
      var colour = colours[p[3]] || "#555";
      var m = L.circleMarker([p[1], p[2]], { radius: radius(p[4]), color: "#333", weight: 1, fillColor: colour, fillOpacity: 0.8 });
      var box = document.createElement("div"), a = document.createElement("a");
      a.href = "/events/" + encodeURIComponent(p[0]);
      a.textContent = p[5];
      box.appendChild(a);
      m.bindPopup(box);
      return m;
    });
    cluster.addLayers(markers);
    desk.dataset.markers = String(markers.length);
    var text = data.shown < data.total ? data.shown + " newest of " + data.total + " on the map" : data.shown + " on the map";
    document.getElementById("map-note").textContent = text;
    if (markers.length) { map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 7 }); }
  }

  // ----------------------------------------------------------------- list
  function row(r) {
    var li = document.createElement("li"), a = document.createElement("a"), meta = document.createElement("div");
    li.className = "row";
    li.dataset.id = r.id;
    a.href = "/events/" + encodeURIComponent(r.id);
    a.textContent = r.headline;
    meta.className = "muted";
    meta.textContent = r.event_type + " · " + [r.admin1, r.country].filter(Boolean).join(", ") +
      " · confidence " + r.confidence.toFixed(2) + (r.contradicted ? " · disputed" : "");
    li.appendChild(a);
    li.appendChild(meta);
    return li;
  }

  function drawRows(page) {
    var list = document.getElementById("rows");
    list.textContent = "";
    page.items.forEach(function (r) { list.appendChild(row(r)); });
    if (!page.items.length) {
      var li = document.createElement("li"); li.className = "muted"; li.textContent = "No events match."; list.appendChild(li);
    }
    document.getElementById("shown").textContent = page.items.length ?
      "1–" + page.items.length + " of " + page.total : "0 of " + page.total;
    var pager = document.querySelector(".pager");
    pager.textContent = "";
    if (page.total > page.items.length) {
      var next = document.createElement("a"), q = query();
      q.set("offset", String(ROWS));
      next.id = "next"; next.href = "/?" + q.toString(); next.textContent = "older →";
      pager.appendChild(next);
    }
  }

  function relinkExports() {
    var q = query();
    document.querySelectorAll(".exports a.button").forEach(function (a) {
      var url = new URL(a.href, window.location.href), keep = new URLSearchParams(q);
      keep.set("what", url.searchParams.get("what"));
      keep.set("format", url.searchParams.get("format"));
      a.href = "/api/export?" + keep.toString();
    });
    ["since", "until"].forEach(function (k) {
      var input = document.getElementById("f-" + k);
      if (input) { input.value = q.get(k) || ""; }
    });
  }

  function reload() {
    var q = query(), paged = new URLSearchParams(q);
    paged.set("limit", String(ROWS));
    desk.dataset.loading = "1";
    return Promise.all([getJSON("/api/desk/rows", paged).then(drawRows), getJSON("/api/desk/points", q).then(drawPoints)])
      .then(function () { relinkExports(); desk.dataset.loading = "0"; });
  }

  // ------------------------------------------------------------- timeline
  function day(seconds) { return new Date(seconds * 1000).toISOString().slice(0, 10); }

  function brushed(u) {
    if (u.select.width < 3) { return; }
    var from = day(u.posToVal(u.select.left, "x")), to = day(u.posToVal(u.select.left + u.select.width, "x"));
    var q = new URLSearchParams(window.location.search);
    q.set("since", from); q.set("until", to); q.delete("offset");
    history.pushState(null, "", "/?" + q.toString());
    document.getElementById("brush-note").textContent = "Dates " + from + " to " + to + " (drag again to change; clear filters to reset).";
    reload();
  }

  function drawTimeline(data) {
    var box = document.getElementById("timeline");
    if (!data.days.length) { box.textContent = "No dated events."; return; }
    var xs = data.days.map(function (d) { return Date.parse(d + "T00:00:00Z") / 1000; });
    var opts = {
      width: Math.max(300, box.clientWidth || 900), height: 140,
      scales: {
        x: { time: true, range: function (u, min, max) { return [min - 43200, max + 43200]; } },
        y: { range: function (u, min, max) { return [0, Math.max(1, max) * 1.1]; } }
      },
      series: [{}, { label: "events per day", stroke: "#35618f", fill: "rgba(53,97,143,0.55)",
                     paths: uPlot.paths.bars({ size: [0.9, 24] }), points: { show: false } }],
      axes: [{ values: function (u, splits) { return splits.map(function (s) { return day(s); }); }, space: 70 },
             { size: 40 }],
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false } },
      hooks: { setSelect: [brushed] }
    };
    window.deskTimeline = new uPlot(opts, [xs, data.counts], box);
    desk.dataset.days = String(xs.length);
  }

  getJSON("/api/desk/days", query(["since", "until"])).then(drawTimeline);
  getJSON("/api/desk/points", query()).then(drawPoints);
  window.addEventListener("popstate", function () { reload(); });
})();
