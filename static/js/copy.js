// Copy buttons for the drafts. They are hidden in the page and shown here, so without
// JavaScript (or a clipboard) nobody meets a button that does nothing: the text is there to
// select. The result is said once through a polite live region.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) { return; }
  var status = document.getElementById("copy-status");
  function say(text) {
    if (status) { status.textContent = text; }
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.dataset.copy);
    if (!target) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.innerText.trim()).then(
        function () { say("Copied: ready to paste."); },
        function () { say("Could not copy: select the text and copy it yourself."); }
      );
    });
  });
})();
