// On a phone the step list is one strip that scrolls sideways: bring the current step into view.
(function () {
  "use strict";
  const current = document.querySelector(".steps-nav [aria-current=page]");
  if (current) {
    current.scrollIntoView({ block: "nearest", inline: "center" });
  }
})();
