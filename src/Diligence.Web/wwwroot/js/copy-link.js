// Copy buttons: a button with data-copy="<input id>" copies that input's value and says so in the element named by
// data-copy-status. Without script, or without the clipboard API, the button stays hidden and the readonly input is
// there to select and copy by hand.
(function () {
  "use strict";

  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    const input = document.getElementById(button.getAttribute("data-copy"));
    const status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!input || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(
        function () {
          status.textContent = "Link copied.";
        },
        function () {
          input.select();
          status.textContent = "Could not copy; the link is selected, so copy it with Ctrl+C or Cmd+C.";
        });
    });
  });
})();
