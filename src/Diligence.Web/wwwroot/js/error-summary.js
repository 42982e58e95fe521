// The error summary (Pages/Shared/_ErrorSummary.cshtml) works without this script; with it, focus moves to the summary
// when the page loads, and each of its links focuses the control it names (the chosen or first choice of a group)
// with the field's question in view.
(function () {
  "use strict";

  const summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }

  function controlIn(target) {
    if (target.matches("input, select, textarea, button")) {
      return target;
    }
    const first = target.querySelector("input:not([type=hidden]):not([disabled]), select, textarea");
    if (first && first.type === "radio") {
      return target.querySelector("input[type=radio][name='" + CSS.escape(first.name) + "']:checked") || first;
    }
    return first;
  }

  summary.focus();
  summary.addEventListener("click", event => {
    const link = event.target.closest("a[href^='#']");
    const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    const control = target && controlIn(target);
    if (!control) {
      return;
    }
    event.preventDefault();
    (target.closest("fieldset") || target).scrollIntoView({ block: "start" });
    control.focus({ preventScroll: true });
  });
})();
