// counterclaim: link the statement list and the highlighted text (no dependencies).
(function () {
  "use strict";
  function marks(i) {
    return Array.prototype.filter.call(document.querySelectorAll(".m[data-s]"), function (el) {
      return el.getAttribute("data-s").split(" ").indexOf(String(i)) !== -1;
    });
  }
  function clear() {
    document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
  }
  function focus(i, scrollText) {
    clear();
    var found = marks(i);
    found.forEach(function (el) { el.classList.add("focus"); });
    document.querySelectorAll('.stmt[data-s="' + i + '"]').forEach(function (el) { el.classList.add("focus"); });
    if (scrollText && found.length) { found[0].scrollIntoView({ behavior: "smooth", block: "center" }); }
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("a[data-s]");
    if (link) { focus(link.getAttribute("data-s"), true); return; }
    var stmt = ev.target.closest(".stmt[data-s]");
    if (stmt && !ev.target.closest("a")) { focus(stmt.getAttribute("data-s"), true); return; }
    var m = ev.target.closest(".m[data-s]");
    if (m && m.getAttribute("data-s")) {
      var first = m.getAttribute("data-s").split(" ")[0];
      focus(first, false);
      var card = document.querySelector('.speakers .stmt[data-s="' + first + '"]');
      if (card) { card.scrollIntoView({ behavior: "smooth", block: "nearest" }); }
    }
  });
  document.addEventListener("keydown", function (ev) {
    var stmt = ev.target.closest && ev.target.closest(".stmt[data-s]");
    if (stmt && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); focus(stmt.getAttribute("data-s"), true); }
  });
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.dataset.s !== undefined) { focus(target.dataset.s, true); }
  }
})();
