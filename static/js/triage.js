// The home page's triage: the time left before a concern's next alert counts down while the page is
// open. The server writes the same text; without this script it is only as fresh as the page.
(function () {
  "use strict";
  function pad(number) { return number < 10 ? "0" + number : String(number); }
  function update() {
    var now = Date.now();
    document.querySelectorAll("[data-triage-deadline]").forEach(function (element) {
      var left = Math.ceil((Date.parse(element.getAttribute("data-triage-deadline")) - now) / 60000);
      if (left <= 0) {
        var holder = element.closest("[data-triage-due]");
        if (holder) holder.textContent = holder.getAttribute("data-triage-due");
        return;
      }
      element.textContent = left < 60
        ? element.getAttribute("data-minutes").replace("{minutes}", String(left))
        : element.getAttribute("data-hours").replace("{hours}", String(Math.floor(left / 60)))
            .replace("{minutes}", pad(left % 60));
    });
  }
  update();
  window.setInterval(update, 30000);
})();
