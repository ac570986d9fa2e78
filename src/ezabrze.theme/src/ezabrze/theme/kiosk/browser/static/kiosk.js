/* e-Zabrze infokiosk: idle countdown and full reset, Start/Wstecz, larger text and high contrast,
 * QR code buttons, and an on-screen keyboard with Polish letters. No dependencies. */
(function () {
  "use strict";

  var configElement = document.getElementById("ezabrze-kiosk-config");
  if (!configElement) { return; }
  var config = JSON.parse(configElement.textContent || "{}");
  var strings = config.strings || {};
  var html = document.documentElement;
  var PREFS_KEY = "ezabrze-kiosk-prefs";

  /* ---- the pages of one person, until the reset ------------------------------------------------------ */

  // The Navigation API names every entry of the tab's history. The keys of the entries this person opened
  // are kept in sessionStorage, which the reset clears: an entry reached with the browser's history whose key
  // is not there belongs to a previous person and is replaced by the start screen before anything shows.
  var PAGES_KEY = "ezabrze-kiosk-pages";
  var nav = window.navigation && window.navigation.currentEntry ? window.navigation : null;
  var navigationEntry = (performance.getEntriesByType && performance.getEntriesByType("navigation")[0]) || {};

  function ownPages() {
    try { return JSON.parse(sessionStorage.getItem(PAGES_KEY) || "[]"); } catch (e) { return []; }
  }

  function previousPerson() {
    return nav && ownPages().indexOf(nav.currentEntry.key) < 0;
  }

  if (navigationEntry.type === "back_forward" && previousPerson()) {
    html.classList.add("ezabrze-kiosk-leaving");
    location.replace(config.startUrl);
    return;
  }
  if (nav && previousPerson()) {
    var pages = ownPages();
    pages.push(nav.currentEntry.key);
    sessionStorage.setItem(PAGES_KEY, JSON.stringify(pages));
  }
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && previousPerson()) {
      html.classList.add("ezabrze-kiosk-leaving");
      location.replace(config.startUrl);
    }
  });

  function canGoBack() {
    if (!nav) { return history.length > 1; }
    var entries = nav.entries();
    var index = nav.currentEntry.index;
    return index > 0 && !!entries[index - 1] && ownPages().indexOf(entries[index - 1].key) >= 0;
  }

  /* ---- Start, Wstecz, larger text, high contrast ------------------------------------------------------ */

  var back = document.querySelector("[data-kiosk-back]");
  if (back) {
    if (!canGoBack()) {
      back.setAttribute("aria-disabled", "true");
    }
    back.addEventListener("click", function () {
      if (canGoBack()) { history.back(); } else { location.href = config.startUrl; }
    });
  }

  var prefs = {};
  try { prefs = JSON.parse(sessionStorage.getItem(PREFS_KEY) || "{}"); } catch (e) { prefs = {}; }
  function applyPrefs() {
    html.classList.toggle("ezabrze-kiosk-large", !!prefs.large);
    html.classList.toggle("ezabrze-kiosk-contrast", !!prefs.contrast);
    document.querySelectorAll("[data-kiosk-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", prefs[button.getAttribute("data-kiosk-toggle")] ? "true" : "false");
    });
  }
  document.querySelectorAll("[data-kiosk-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-kiosk-toggle");
      prefs[name] = !prefs[name];
      sessionStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
      applyPrefs();
    });
  });
  applyPrefs();

  /* ---- QR codes of external links and downloads ------------------------------------------------------ */

  document.querySelectorAll(".ezabrze-kiosk-qr-button").forEach(function (button) {
    button.addEventListener("click", function () {
      var box = document.getElementById(button.getAttribute("aria-controls"));
      if (!box) { return; }
      var open = box.hasAttribute("hidden");
      if (open) { box.removeAttribute("hidden"); } else { box.setAttribute("hidden", "hidden"); }
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });

  /* ---- idle countdown and reset ---------------------------------------------------------------------- */

  var idleMs = (config.idleSeconds || 90) * 1000;
  var countdownSeconds = config.countdownSeconds || 15;
  var idleTimer = null;
  var countdownTimer = null;
  var remaining = 0;
  var dialog = null;

  function clearEverything() {
    document.querySelectorAll("form").forEach(function (form) {
      try { form.reset(); } catch (e) { /* ignore */ }
    });
    document.querySelectorAll("input, textarea, select").forEach(function (field) {
      var type = (field.type || "").toLowerCase();
      if (type === "hidden" || type === "submit" || type === "button") { return; }
      if (type === "checkbox" || type === "radio") { field.checked = false; } else { field.value = ""; }
    });
    try { sessionStorage.clear(); } catch (e) { /* ignore */ }
    try { localStorage.clear(); } catch (e) { /* ignore */ }
    document.cookie.split(";").forEach(function (cookie) {
      var name = cookie.split("=")[0].trim();
      if (!name) { return; }
      var paths = ["/", location.pathname.split("/").slice(0, 2).join("/") || "/"];
      paths.forEach(function (path) {
        document.cookie = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=" + path;
      });
    });
  }

  function reset() {
    clearEverything();
    // The server expires the HttpOnly cookies and sends Clear-Site-Data, then redirects to the start.
    location.replace(config.resetUrl);
  }

  function closeDialog() {
    if (countdownTimer) { clearInterval(countdownTimer); countdownTimer = null; }
    if (dialog) { dialog.remove(); dialog = null; }
  }

  function countdownText() {
    return (strings.countdownText || "{seconds}").replace("{seconds}", String(remaining));
  }

  function showCountdown() {
    remaining = countdownSeconds;
    dialog = document.createElement("div");
    dialog.className = "ezabrze-kiosk-dialog";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "ezabrze-kiosk-dialog-title");
    dialog.setAttribute("aria-describedby", "ezabrze-kiosk-dialog-text");
    dialog.innerHTML =
      '<div class="ezabrze-kiosk-dialog-box">' +
      '<h2 id="ezabrze-kiosk-dialog-title"></h2>' +
      '<p id="ezabrze-kiosk-dialog-text" aria-live="polite"></p>' +
      '<p><button type="button" class="ezabrze-kiosk-button" data-kiosk-continue="1"></button> ' +
      '<button type="button" class="ezabrze-kiosk-button" data-kiosk-end="1"></button></p></div>';
    dialog.querySelector("h2").textContent = strings.countdownTitle || "";
    dialog.querySelector("#ezabrze-kiosk-dialog-text").textContent = countdownText();
    dialog.querySelector("[data-kiosk-continue]").textContent = strings["continue"] || "OK";
    dialog.querySelector("[data-kiosk-end]").textContent = strings.endNow || "X";
    dialog.querySelector("[data-kiosk-end]").addEventListener("click", reset);
    document.body.appendChild(dialog);
    dialog.querySelector("[data-kiosk-continue]").focus();
    countdownTimer = setInterval(function () {
      remaining -= 1;
      if (remaining <= 0) {
        closeDialog();
        reset();
        return;
      }
      var text = dialog && dialog.querySelector("#ezabrze-kiosk-dialog-text");
      if (text) { text.textContent = countdownText(); }
    }, 1000);
  }

  function activity(event) {
    if (dialog && event && event.target && event.target.closest && event.target.closest("[data-kiosk-end]")) {
      return;
    }
    closeDialog();
    if (idleTimer) { clearTimeout(idleTimer); }
    idleTimer = setTimeout(showCountdown, idleMs);
  }

  ["pointerdown", "touchstart", "keydown", "input", "wheel", "scroll"].forEach(function (name) {
    window.addEventListener(name, activity, { passive: true, capture: true });
  });
  activity();

  /* ---- on-screen keyboard (Polish letters) ----------------------------------------------------------- */

  var ROWS = [
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "/"],
    ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"],
    ["a", "s", "d", "f", "g", "h", "j", "k", "l"],
    ["z", "x", "c", "v", "b", "n", "m", ".", ",", "@"],
    ["ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"]
  ];
  var TEXT_TYPES = ["", "text", "search", "email", "tel", "url", "password", "number"];
  var keyboard = null;
  var target = null;
  var upper = false;

  function isTextField(element) {
    if (!element) { return false; }
    if (element.tagName === "TEXTAREA") { return true; }
    return element.tagName === "INPUT" && TEXT_TYPES.indexOf((element.getAttribute("type") || "").toLowerCase()) >= 0;
  }

  function insert(text) {
    if (!target) { return; }
    var value = target.value || "";
    var start = value.length;
    var end = value.length;
    try {
      if (typeof target.selectionStart === "number") { start = target.selectionStart; end = target.selectionEnd; }
    } catch (e) { /* email/number inputs have no selection */ }
    target.value = value.slice(0, start) + text + value.slice(end);
    try { target.setSelectionRange(start + text.length, start + text.length); } catch (e) { /* ignore */ }
    target.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function backspace() {
    if (!target) { return; }
    var value = target.value || "";
    var start = value.length;
    var end = value.length;
    try {
      if (typeof target.selectionStart === "number") { start = target.selectionStart; end = target.selectionEnd; }
    } catch (e) { /* ignore */ }
    if (start === end && start > 0) { start -= 1; }
    target.value = value.slice(0, start) + value.slice(end);
    try { target.setSelectionRange(start, start); } catch (e) { /* ignore */ }
    target.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function key(label, action, wide, name) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ezabrze-kiosk-key" + (wide ? " ezabrze-kiosk-key-wide" : "");
    button.textContent = label;
    if (name) { button.setAttribute("aria-label", name); }
    // The field keeps the focus (and the caret) while keys are touched.
    button.addEventListener("pointerdown", function (event) { event.preventDefault(); });
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    button.addEventListener("click", function () { action(button); if (target) { target.focus(); } });
    return button;
  }

  function relabel() {
    keyboard.querySelectorAll("[data-kiosk-letter]").forEach(function (button) {
      var letter = button.getAttribute("data-kiosk-letter");
      button.textContent = upper ? letter.toLocaleUpperCase("pl") : letter;
    });
    var shift = keyboard.querySelector("[data-kiosk-shift]");
    if (shift) { shift.setAttribute("aria-pressed", upper ? "true" : "false"); }
  }

  function buildKeyboard() {
    keyboard = document.createElement("div");
    keyboard.className = "ezabrze-kiosk-keyboard";
    keyboard.setAttribute("role", "group");
    keyboard.setAttribute("aria-label", strings.keyboard || "Keyboard");
    keyboard.hidden = true;
    ROWS.forEach(function (row) {
      var line = document.createElement("div");
      line.className = "ezabrze-kiosk-keyrow";
      row.forEach(function (letter) {
        var button = key(letter, function () {
          insert(upper ? letter.toLocaleUpperCase("pl") : letter);
        });
        button.setAttribute("data-kiosk-letter", letter);
        line.appendChild(button);
      });
      keyboard.appendChild(line);
    });
    var last = document.createElement("div");
    last.className = "ezabrze-kiosk-keyrow";
    var shift = key("⇧", function () { upper = !upper; relabel(); }, false, strings.shift);
    shift.setAttribute("data-kiosk-shift", "1");
    shift.setAttribute("aria-pressed", "false");
    last.appendChild(shift);
    last.appendChild(key(strings.space || " ", function () { insert(" "); }, true));
    last.appendChild(key("⌫", backspace, false, strings.backspace));
    last.appendChild(key(strings.enter || "OK", function () {
      if (target && target.form && target.tagName !== "TEXTAREA") {
        var form = target.form;
        hide();
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      } else {
        hide();
      }
    }, true));
    last.appendChild(key(strings.hide || "X", hide, true));
    keyboard.appendChild(last);
    document.body.appendChild(keyboard);
  }

  function show(field) {
    if (!keyboard) { buildKeyboard(); }
    target = field;
    keyboard.hidden = false;
    html.classList.add("ezabrze-kiosk-keyboard-open");
  }

  function hide() {
    if (keyboard) { keyboard.hidden = true; }
    html.classList.remove("ezabrze-kiosk-keyboard-open");
  }

  document.querySelectorAll("input, textarea").forEach(function (field) {
    if (isTextField(field)) {
      // No system keyboard pops up over the page: the kiosk's own keyboard is used.
      field.setAttribute("inputmode", "none");
      field.setAttribute("autocomplete", "off");
    }
  });
  document.addEventListener("focusin", function (event) {
    if (isTextField(event.target)) { show(event.target); }
  });
})();
