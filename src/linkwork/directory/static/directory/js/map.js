// Results on a map: an enhancement. The list above works without it.
(function () {
  var data = document.getElementById("map-data");
  var tiles = document.getElementById("map-tiles");
  var el = document.getElementById("results-map");
  if (!data || !tiles || !el || !window.L) { return; }
  var points = JSON.parse(data.textContent);
  var tileInfo = JSON.parse(tiles.textContent);
  if (!points.length) { return; }
  el.hidden = false;
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", "Map of the services found");
  var map = window.L.map(el, { scrollWheelZoom: false });
  window.L.tileLayer(tileInfo.url, { attribution: tileInfo.attribution, maxZoom: 18 }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    var marker = window.L.marker([p.lat, p.lon], { title: p.name, alt: p.name }).addTo(map);
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.name;
    marker.bindPopup(link);
    bounds.push([p.lat, p.lon]);
  });
  map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 });
})();
