// The "Print this page" button on the printable list (a static file: the CSP allows no inline script).
document.querySelectorAll(".app-print__button").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
