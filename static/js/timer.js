// A countdown against the agreed length, for use during a call. Screen readers hear only the
// two signals (halfway, one minute left) through a polite live region, never every second.
(function () {
  "use strict";
  document.querySelectorAll(".timer").forEach(function (box) {
    var total = parseInt(box.dataset.minutes, 10) * 60;
    var left = total - (parseInt(box.dataset.elapsed || "0", 10));
    var display = box.querySelector(".timer-display");
    var signal = box.querySelector(".timer-signal");
    var handle = null;
    var said = {};
    function show() {
      var sign = left < 0 ? "-" : "";
      var abs = Math.abs(left);
      display.textContent = sign + Math.floor(abs / 60) + ":" + String(abs % 60).padStart(2, "0");
      if (left <= total / 2 && !said.half) { said.half = true; signal.textContent = "Halfway through the time you asked for."; }
      if (left <= 60 && !said.last) { said.last = true; signal.textContent = "One minute left: time for your closing question."; }
      if (left <= 0 && !said.over) { said.over = true; signal.textContent = "Time is up: thank them and offer to let them go."; }
    }
    var start = box.querySelector(".timer-start");
    var stop = box.querySelector(".timer-stop");
    if (start) {
      start.addEventListener("click", function () {
        if (handle) { return; }
        handle = window.setInterval(function () { left -= 1; show(); }, 1000);
      });
    }
    if (stop) {
      stop.addEventListener("click", function () {
        window.clearInterval(handle);
        handle = null;
      });
    }
    show();
    if (box.dataset.autostart) {
      handle = window.setInterval(function () { left -= 1; show(); }, 1000);
    }
  });
})();
