// Draws insight's charts from Vega-Lite specs held in <script type="application/json"> data
// blocks (never executed), so pages need no inline script. Each chart sits next to a table
// with the same figures, which is what screen readers and people without JavaScript use.
(function () {
  "use strict";
  if (typeof window.vegaEmbed !== "function") {
    return;
  }
  document.querySelectorAll("[data-insight-chart]").forEach(function (target) {
    var source = document.getElementById(target.getAttribute("data-insight-chart"));
    if (!source) {
      return;
    }
    var spec = JSON.parse(source.textContent);
    window.vegaEmbed(target, spec, { actions: false, renderer: "svg" }).then(function (result) {
      var svg = result.view.container().querySelector("svg");
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", target.getAttribute("data-insight-label") || "");
      }
    }).catch(function () {
      target.hidden = true;
    });
  });
})();
