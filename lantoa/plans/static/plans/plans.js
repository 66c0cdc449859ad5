// Plans editor: warn before leaving with unsaved header changes (htmx saves items on its own).
(function () {
  "use strict";
  var form = document.getElementById("plan-header");
  if (!form) { return; }
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();
