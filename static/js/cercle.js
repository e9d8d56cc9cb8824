// Cercle's own script: small progressive enhancements. Every page works without it.
(function () {
  "use strict";
  // A button or link with data-confirm asks before a destructive action.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
  // A form with data-confirm asks before it is submitted.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  }, true);
  // After a refused form, the error summary takes the focus, so that it is read first; after a
  // success, the notice that says what was done does.
  function focusMessage() {
    var message = document.querySelector("main .error-summary") ||
      document.querySelector("main .notice--ok[role=status]");
    if (!message) return;
    if (!message.hasAttribute("tabindex")) message.setAttribute("tabindex", "-1");
    message.focus();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusMessage);
  } else {
    focusMessage();
  }
  // A link of the error summary moves the focus to its field (the first control of a group of
  // radio buttons or checkboxes), with the field's label in view above it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".error-summary a[href^='#']");
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    var control = target.matches("input, select, textarea, button") ? target :
      (target.closest(".field") || target).querySelector("input:not([type=hidden]), select, textarea");
    if (!control) return;
    event.preventDefault();
    var details = control.closest("details");
    if (details) details.open = true;
    var field = control.closest(".field, fieldset") || control;
    field.scrollIntoView();
    control.focus({ preventScroll: true });
    history.replaceState(null, "", link.getAttribute("href"));
  });
})();
