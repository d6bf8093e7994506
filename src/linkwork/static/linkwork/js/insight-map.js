// The gaps map: a choropleth of referral rates over the shipped boundaries (Leaflet). An
// enhancement: the table on the page has the same figures. Every area is reachable with Tab;
// Enter or Space opens its figures, which are also announced in a live region.
(function () {
  "use strict";
  var dataEl = document.getElementById("gaps-map-data");
  var tilesEl = document.getElementById("gaps-map-tiles");
  var el = document.getElementById("gaps-map");
  if (!dataEl || !el || !window.L) { return; }
  var data = JSON.parse(dataEl.textContent);
  var tiles = tilesEl ? JSON.parse(tilesEl.textContent) : {};
  var status = document.getElementById("gaps-map-status");
  var help = document.getElementById("gaps-map-help");
  var rates = Object.keys(data.areas).map(function (k) { return data.areas[k].rate; })
    .filter(function (r) { return r !== null; }).sort(function (a, b) { return a - b; });
  var colours = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  function colour(rate) {
    if (rate === null || !rates.length) { return "#f0f0f0"; }
    var i = 0;
    while (i < 4 && rate > rates[Math.floor(((i + 1) * rates.length) / 5) - 1]) { i++; }
    return colours[i];
  }
  function describe(area) {
    var rate = area.rate === null ? "not shown" : area.rate.toFixed(2) + " people referred per 1,000 residents";
    var gaps = area.gaps.length ? "little local support for " + area.gaps.join(", ") : "no gaps found";
    return area.name + ": " + rate + "; " + gaps + ".";
  }
  el.hidden = false;
  if (help) { help.hidden = false; }
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", "Map of referral rates by area");
  var map = window.L.map(el, { scrollWheelZoom: false });
  if (tiles.url) {
    window.L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 14 }).addTo(map);
  }
  var layer = window.L.geoJSON(data.shapes, {
    style: function (feature) {
      var area = data.areas[feature.properties.code] || { rate: null };
      return { color: "#333", weight: 1, fillColor: colour(area.rate), fillOpacity: 0.75 };
    },
    onEachFeature: function (feature, shape) {
      var area = data.areas[feature.properties.code];
      if (!area) { return; }
      shape.bindPopup(describe(area));
      shape.on("add", function () {
        var path = shape.getElement();
        if (!path) { return; }
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", describe(area));
        path.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            shape.openPopup();
            if (status) { status.textContent = describe(area); }
          }
        });
        path.addEventListener("focus", function () { shape.setStyle({ weight: 4, color: "#000" }); });
        path.addEventListener("blur", function () { shape.setStyle({ weight: 1, color: "#333" }); });
      });
    }
  }).addTo(map);
  map.fitBounds(layer.getBounds(), { padding: [10, 10] });
})();
