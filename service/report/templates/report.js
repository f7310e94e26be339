(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function show(el) {
    var text = el.getAttribute("data-tip");
    if (!tip || !text) { return; }
    tip.textContent = text;
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    tip.style.left = Math.max(4, r.left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 4) + "px";
  }
  function hide() { if (tip) { tip.hidden = true; } }
  function markOf(target) {
    return target && target.closest ? target.closest("mark.hl") : null;
  }
  document.addEventListener("mouseover", function (ev) {
    var el = markOf(ev.target);
    if (el) { show(el); } else { hide(); }
  });
  document.addEventListener("focusin", function (ev) {
    var el = markOf(ev.target);
    if (el) { show(el); } else { hide(); }
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
  var boxes = document.querySelectorAll("input[data-layer]");
  Array.prototype.forEach.call(boxes, function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked);
    });
  });
})();
