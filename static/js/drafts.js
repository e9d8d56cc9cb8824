// Nothing typed is lost: the drafts of the forms that opt in with data-draft="FORM:ID" are saved on the
// server as the person types (a pause of a second and a half), and the idle notice offers, two minutes before
// the session's idle limit, to stay signed in. Every page works without it; the words come from the server
// (the data-session attribute of this script's tag), in the user's language.
(function () {
  "use strict";
  var script = document.currentScript;
  var settings = {};
  try {
    settings = JSON.parse((script && script.getAttribute("data-session")) || "{}");
  } catch (error) {
    settings = {};
  }
  if (typeof settings.idle_seconds !== "number") return;  // signed out: no session to keep

  var kNoticeLeadSeconds = 120;
  var kSavePauseMilliseconds = 1500;
  var noticeTimer = null;
  var endTimer = null;
  var notice = null;
  var ended = false;
  var focusBefore = null;

  // The notice at the foot of the page: an alert dialog that does not block the page.
  function noticeElement() {
    if (notice) return notice;
    notice = document.createElement("div");
    notice.className = "idle-notice";
    notice.hidden = true;
    notice.setAttribute("role", "alertdialog");
    notice.setAttribute("aria-labelledby", "idle-notice-title");
    notice.setAttribute("aria-describedby", "idle-notice-text");
    var title = document.createElement("h2");
    title.id = "idle-notice-title";
    var text = document.createElement("p");
    text.id = "idle-notice-text";
    var actions = document.createElement("div");
    actions.className = "actions";
    notice.appendChild(title);
    notice.appendChild(text);
    notice.appendChild(actions);
    notice.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !ended) hideNotice();
    });
    document.body.appendChild(notice);
    return notice;
  }

  function fill(titleText, bodyText, action) {
    var element = noticeElement();
    element.querySelector("h2").textContent = titleText;
    element.querySelector("p").textContent = bodyText;
    var actions = element.querySelector(".actions");
    actions.textContent = "";
    actions.appendChild(action);
    element.hidden = false;
    return action;
  }

  function hideNotice() {
    if (!notice || notice.hidden) return;
    notice.hidden = true;
    if (focusBefore && document.contains(focusBefore)) focusBefore.focus();
    focusBefore = null;
  }

  function showIdleNotice() {
    if (ended) return;
    focusBefore = document.activeElement;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = settings.stay;
    button.addEventListener("click", keepSignedIn);
    fill(settings.idle_title, settings.idle_text, button).focus();
  }

  // The session ended (its time ran out, or the server said so): say what is kept and how to come back.
  function showEnded() {
    if (ended) return;
    ended = true;
    clearTimeout(noticeTimer);
    clearTimeout(endTimer);
    if (!notice || notice.hidden) focusBefore = document.activeElement;
    var link = document.createElement("a");
    link.className = "button";
    // Back to this very form after signing in (the path is read here, so that the page itself
    // carries nothing of its own address).
    link.href = "/login?next=" + encodeURIComponent(location.pathname + location.search);
    link.textContent = settings.sign_in_again;
    fill(settings.sign_in_again, settings.ended, link).focus();
  }

  // The session ends in `seconds` unless a request comes: the notice shows two minutes before (half the
  // time when the limit is shorter than four minutes).
  function schedule(seconds) {
    if (ended || typeof seconds !== "number") return;
    clearTimeout(noticeTimer);
    clearTimeout(endTimer);
    var lead = Math.min(kNoticeLeadSeconds, seconds / 2);
    noticeTimer = setTimeout(showIdleNotice, Math.max(0, seconds - lead) * 1000);
    endTimer = setTimeout(showEnded, seconds * 1000);
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "Accept": "application/json" },
    });
  }

  function keepSignedIn() {
    var body = new URLSearchParams();
    body.set("csrf", settings.csrf);
    post("/session/keep-alive", body).then(function (response) {
      if (!response.ok) {
        showEnded();
        return;
      }
      return response.json().then(function (answer) {
        hideNotice();
        announce(settings.stayed);
        schedule(answer.idle_seconds);
      });
    }, function () { /* offline: the notice stays, the button can be pressed again */ });
  }

  // A polite live region for what needs no focus.
  var announcer = null;
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = text;
  }

  // One form that keeps a draft.
  function keepDraft(form) {
    var key = (form.getAttribute("data-draft") || "").split(":");
    if (key.length !== 2 || !key[0] || !/^\d+$/.test(key[1])) return;
    var url = "/drafts/" + encodeURIComponent(key[0]) + "/" + key[1];
    var status = document.createElement("p");
    status.className = "draft-status";
    status.setAttribute("role", "status");
    form.appendChild(status);
    var timer = null;
    var sending = false;
    var again = false;
    var submitter = null;
    var submitting = false;
    var last = new URLSearchParams(new FormData(form)).toString();

    function save() {
      timer = null;
      if (ended) return;
      var body = new URLSearchParams(new FormData(form));
      var text = body.toString();
      if (text === last) return finish();
      if (sending) {
        again = true;
        return;
      }
      sending = true;
      post(url, body).then(function (response) {
        if (response.status === 401 || response.type === "opaqueredirect") {
          showEnded();
          return;
        }
        return response.json().then(function (answer) {
          if (response.ok) {
            last = text;
            schedule(answer.idle_seconds);
          }
          status.textContent = answer.message || settings.save_failed;
        });
      }).catch(function () {
        status.textContent = settings.save_failed;
      }).then(function () {
        sending = false;
        if (again) {
          again = false;
          save();
        } else {
          finish();
        }
      });
    }

    // A form sent while its draft was being saved goes once the save is done, so that the draft, deleted
    // when the form is stored, cannot come back after it.
    function finish() {
      if (!submitting) return;
      submitting = false;
      if (form.requestSubmit) form.requestSubmit(submitter || undefined);
      else form.submit();
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(save, kSavePauseMilliseconds);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function (event) {
      clearTimeout(timer);
      timer = null;
      if (sending) {
        event.preventDefault();
        submitting = true;
        submitter = event.submitter || null;
        again = false;
      }
    });
  }

  function start() {
    announcer = document.createElement("p");
    announcer.className = "visually-hidden";
    announcer.setAttribute("role", "status");
    document.body.appendChild(announcer);
    var forms = document.querySelectorAll("form[data-draft]");
    for (var i = 0; i < forms.length; i++) keepDraft(forms[i]);
    schedule(settings.idle_seconds);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
