/* Staffetta live chat. One script tag (or the website form's snippet, when the company has a
 * chat switched on) adds a chat bubble to any page of an allowed website. No libraries, no
 * cookies: the chat's signed token lives in this site's localStorage. Everything is drawn in a
 * shadow root, so the host page's styles and ours never touch. */
(function () {
  "use strict";
  var config = /*STAFFETTA_CHAT_CONFIG*/{};
  var registry = (window.StaffettaChat = window.StaffettaChat || {});
  if (registry[config.key]) return; // the chat and the form snippet may both load this script
  registry[config.key] = true;

  var script = document.currentScript;
  var STORE = "staffetta-chat:" + config.key;
  var POLL = config.poll;

  function pickLanguage() {
    var wanted = [script && script.getAttribute("data-lang")]
      .concat(navigator.languages || [navigator.language])
      .concat([document.documentElement.getAttribute("lang")]);
    for (var i = 0; i < wanted.length; i++) {
      var code = (wanted[i] || "").slice(0, 2).toLowerCase();
      if (config.texts[code]) return code;
    }
    return config.texts[config.defaultLanguage] ? config.defaultLanguage : Object.keys(config.texts)[0];
  }

  var lang = pickLanguage();
  var t = config.texts[lang];
  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    zone = "";
  }

  function readStore() {
    try {
      return JSON.parse(window.localStorage.getItem(STORE) || "{}") || {};
    } catch (e) {
      return {};
    }
  }

  function writeStore() {
    try {
      if (state.token) {
        window.localStorage.setItem(STORE, JSON.stringify({ token: state.token, readTeam: state.readTeam }));
      } else {
        window.localStorage.removeItem(STORE);
      }
    } catch (e) {
      /* storage refused (private mode): the chat lasts as long as the page */
    }
  }

  var saved = readStore();
  var state = {
    token: saved.token || null,
    readTeam: saved.readTeam || 0, // the last answer shown in the open panel
    reportedSeen: 0,
    cursor: 0, // the last message id a poll returned
    byId: {},
    email: "",
    open: false,
    sending: false,
    interval: POLL.open,
    timer: null,
    pendingKey: null,
    pendingText: null,
    helloText: "",
    emailText: ""
  };

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs || {}) {
      if (attrs[key] !== undefined && attrs[key] !== null && attrs[key] !== false) node.setAttribute(key, attrs[key]);
    }
    if (text) node.textContent = text;
    return node;
  }

  var CSS =
    ":host{all:initial}" +
    "*{box-sizing:border-box}" +
    ".stc{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#1d2125}" +
    ".stc-bubble{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:60px;height:60px;border-radius:50%;border:0;" +
    "background:#0b6e4f;color:#fff;cursor:pointer;box-shadow:0 6px 18px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;padding:0}" +
    ".stc-bubble:hover{background:#095c42}" +
    ".stc-bubble:focus-visible,.stc button:focus-visible,.stc textarea:focus-visible,.stc input:focus-visible{outline:3px solid #f2b705;outline-offset:2px}" +
    ".stc-bubble svg{width:28px;height:28px;fill:currentColor}" +
    ".stc-icon-close,.stc-open .stc-icon-chat{display:none}.stc-open .stc-icon-close{display:block}" +
    ".stc-badge{position:absolute;top:-2px;right:-2px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#b3261e;color:#fff;font-size:12px;font-weight:700;line-height:22px;text-align:center}" +
    ".stc-panel{position:fixed;right:20px;bottom:92px;z-index:2147483000;width:370px;max-width:calc(100vw - 24px);height:560px;max-height:calc(100vh - 112px);" +
    "display:flex;flex-direction:column;background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden}" +
    ".stc-panel[hidden],.stc [hidden]{display:none!important}" +
    ".stc-head{display:flex;align-items:center;gap:8px;padding:12px 14px;background:#0b6e4f;color:#fff}" +
    ".stc-head h2{flex:1;margin:0;font-size:16px;font-weight:600;line-height:1.3;overflow-wrap:anywhere}" +
    ".stc-close{border:0;background:transparent;color:#fff;width:36px;height:36px;border-radius:8px;cursor:pointer;font-size:24px;line-height:1;padding:0}" +
    ".stc-close:hover{background:rgba(255,255,255,.15)}" +
    ".stc-notice{margin:0;padding:10px 14px;background:#eef6f2;color:#0b4f2f;font-size:14px;border-bottom:1px solid #d6e9df}" +
    ".stc-notice:empty{display:none}" +
    ".stc-log{flex:1;overflow-y:auto;margin:0;padding:12px 14px;list-style:none;display:flex;flex-direction:column;gap:8px;background:#fafbfc}" +
    ".stc-empty{color:#5c636a;font-size:14px;text-align:center;margin:auto 0}" +
    ".stc-msg{max-width:85%;padding:8px 11px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}" +
    ".stc-msg.visitor{align-self:flex-end;background:#0b6e4f;color:#fff;border-bottom-right-radius:4px}" +
    ".stc-msg.team{align-self:flex-start;background:#e9ecef;color:#1d2125;border-bottom-left-radius:4px}" +
    ".stc-meta{display:block;font-size:12px;opacity:.8;margin-top:2px;white-space:normal}" +
    ".stc-files{margin:6px 0 0;padding:0;list-style:none;white-space:normal}" +
    ".stc-files a{color:inherit;font-weight:600}" +
    ".stc-email{padding:10px 14px;border-top:1px solid #e3e6e8;background:#fff}" +
    ".stc-email label,.stc-vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
    ".stc-email p{margin:0 0 6px;font-size:13px;color:#3d4349}" +
    ".stc-row{display:flex;gap:6px}" +
    ".stc input,.stc textarea{flex:1;min-width:0;font:inherit;color:#1d2125;background:#fff;border:1px solid #8a8f94;border-radius:8px;padding:8px 10px}" +
    ".stc textarea{resize:none;height:64px;max-height:140px}" +
    ".stc [aria-invalid=true]{border-color:#b3261e}" +
    ".stc-btn{border:0;border-radius:8px;background:#0b6e4f;color:#fff;font:inherit;font-weight:600;padding:0 14px;cursor:pointer;min-height:40px}" +
    ".stc-btn.light{background:#fff;color:#0b6e4f;border:1px solid #0b6e4f}" +
    ".stc-btn[disabled]{opacity:.6;cursor:wait}" +
    ".stc-compose{padding:10px 14px 8px;border-top:1px solid #e3e6e8;background:#fff}" +
    ".stc-error{margin:6px 0 0;color:#b3261e;font-size:13px}" +
    ".stc-error:empty{display:none}" +
    ".stc-count{margin:4px 0 0;font-size:12px;color:#5c636a;text-align:right}" +
    ".stc-privacy{margin:6px 0 0;font-size:11.5px;color:#5c636a}" +
    "@media (max-width:480px){.stc-panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}" +
    ".stc-open .stc-bubble{display:none}}";

  var ICON =
    '<svg class="stc-icon-chat" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 3C6.5 3 2 6.6 2 11c0 2.4 1.3 4.6 3.4 6.1L4.6 21l4.2-2.3c1 .2 2.1.3 3.2.3 5.5 0 10-3.6 10-8s-4.5-8-10-8z"/></svg>' +
    '<svg class="stc-icon-close" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z"/></svg>';

  var root, bubble, badge, panel, notice, log, emptyNote, emailForm, emailInput, emailButton, emailError;
  var compose, textarea, sendButton, composeError, counter;

  // A page's Content-Security-Policy may refuse a <style> element without its nonce (Staffetta's
  // own hosted chat page does): a constructed stylesheet is not subject to it; the fallback for
  // older browsers carries the nonce of the script tag that loaded us, when it has one.
  function addStyles(shadow, isShadowRoot) {
    if (isShadowRoot && "adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        shadow.adoptedStyleSheets = [sheet];
        return;
      } catch (error) {
        // fall back to a <style> element below
      }
    }
    var style = el("style");
    var nonce = script && (script.nonce || script.getAttribute("nonce"));
    if (nonce) style.setAttribute("nonce", nonce);
    style.textContent = CSS;
    shadow.appendChild(style);
  }

  function build() {
    var host = el("div", { "data-staffetta-chat": "" });
    document.body.appendChild(host);
    var shadow = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    addStyles(shadow, shadow !== host);
    root = el("div", { class: "stc", lang: lang });
    shadow.appendChild(root);

    bubble = el("button", { type: "button", class: "stc-bubble", "aria-expanded": "false", "aria-controls": "stc-panel", "aria-label": t.open });
    bubble.innerHTML = ICON;
    badge = el("span", { class: "stc-badge", hidden: "" });
    bubble.appendChild(badge);
    root.appendChild(bubble);

    panel = el("section", { id: "stc-panel", class: "stc-panel", role: "dialog", "aria-labelledby": "stc-title", hidden: "" });
    var head = el("div", { class: "stc-head" });
    head.appendChild(el("h2", { id: "stc-title" }, t.title));
    var close = el("button", { type: "button", class: "stc-close", "aria-label": t.close }, "×");
    head.appendChild(close);
    panel.appendChild(head);

    notice = el("p", { class: "stc-notice", role: "status" });
    panel.appendChild(notice);

    log = el("ol", { class: "stc-log", role: "log", "aria-live": "polite", "aria-label": t.title });
    emptyNote = el("li", { class: "stc-empty" }, t.empty);
    log.appendChild(emptyNote);
    panel.appendChild(log);

    emailForm = el("form", { class: "stc-email", novalidate: "", hidden: "" });
    emailForm.appendChild(el("p", { id: "stc-email-hint" }, t.emailHint));
    emailForm.appendChild(el("label", { for: "stc-email" }, t.emailLabel));
    var emailRow = el("div", { class: "stc-row" });
    emailInput = el("input", {
      id: "stc-email",
      type: "email",
      name: "email",
      autocomplete: "email",
      inputmode: "email",
      placeholder: t.emailLabel,
      "aria-describedby": "stc-email-hint"
    });
    emailButton = el("button", { type: "submit", class: "stc-btn light" }, t.emailSave);
    emailRow.appendChild(emailInput);
    emailRow.appendChild(emailButton);
    emailForm.appendChild(emailRow);
    emailError = el("p", { id: "stc-email-error", class: "stc-error", role: "alert" });
    emailForm.appendChild(emailError);
    panel.appendChild(emailForm);

    compose = el("form", { class: "stc-compose", novalidate: "" });
    compose.appendChild(el("label", { for: "stc-message", class: "stc-vh" }, t.messageLabel));
    var row = el("div", { class: "stc-row" });
    textarea = el("textarea", { id: "stc-message", name: "message", rows: "2", placeholder: t.placeholder });
    sendButton = el("button", { type: "submit", class: "stc-btn" }, t.send);
    row.appendChild(textarea);
    row.appendChild(sendButton);
    compose.appendChild(row);
    counter = el("p", { class: "stc-count", "aria-live": "polite", hidden: "" });
    compose.appendChild(counter);
    composeError = el("p", { id: "stc-message-error", class: "stc-error", role: "alert" });
    compose.appendChild(composeError);
    var privacyLine = el("p", { class: "stc-privacy" }, t.privacy + " ");
    if (t.privacyUrl) privacyLine.appendChild(el("a", { href: t.privacyUrl, target: "_blank", rel: "noopener" }, t.privacyLink));
    compose.appendChild(privacyLine);
    panel.appendChild(compose);
    root.appendChild(panel);

    bubble.addEventListener("click", function () {
      setOpen(!state.open, true);
    });
    close.addEventListener("click", function () {
      setOpen(false, true);
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") setOpen(false, true);
    });
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendLine();
      }
    });
    textarea.addEventListener("input", updateCounter);
    compose.addEventListener("submit", function (event) {
      event.preventDefault();
      sendLine();
    });
    emailForm.addEventListener("submit", function (event) {
      event.preventDefault();
      saveEmail();
    });
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && state.token) schedule(0);
    });
  }

  function updateCounter() {
    var length = textarea.value.length;
    if (length > config.maxLength * 0.8) {
      counter.hidden = false;
      counter.textContent = length + " / " + config.maxLength;
    } else {
      counter.hidden = true;
    }
  }

  // `byPerson`: opened or closed by a click or a key, so the focus follows; not on page load.
  function setOpen(open, byPerson) {
    state.open = open;
    panel.hidden = !open;
    bubble.setAttribute("aria-expanded", open ? "true" : "false");
    bubble.setAttribute("aria-label", open ? t.close : t.open);
    root.classList.toggle("stc-open", open);
    try {
      window.sessionStorage.setItem(STORE + ":open", open ? "1" : "");
    } catch (e) {
      /* not kept across pages */
    }
    if (open) {
      hello();
      markRead();
      if (byPerson) textarea.focus();
      state.interval = POLL.open;
      if (state.token) schedule(0);
      scrollDown();
    } else if (byPerson) {
      bubble.focus();
    }
  }

  function url(path, query) {
    return config.base + path + "?lang=" + encodeURIComponent(lang) + (query || "");
  }

  function call(method, path, body, query) {
    var headers = { Accept: "application/json" };
    if (state.token) headers.Authorization = "Bearer " + state.token;
    var request = { method: method, mode: "cors", credentials: "omit", headers: headers };
    if (body) {
      headers["Content-Type"] = "application/json";
      request.body = JSON.stringify(body);
    }
    return fetch(url(path, query), request).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          return { status: response.status, ok: response.ok, body: data || {}, retryAfter: parseInt(response.headers.get("Retry-After"), 10) || 0 };
        });
    });
  }

  function hello() {
    call("GET", "hello/", null, "&tz=" + encodeURIComponent(zone)).then(
      function (result) {
        if (!result.ok) return;
        state.helloText = result.body.message || "";
        state.email = result.body.email || state.email;
        showEmailForm(result.body.ask_email && !state.email);
        showNotice();
      },
      function () {
        state.helloText = t.offline;
        showNotice();
        if (window.console) {
          console.warn("Staffetta: the chat cannot be reached. Is " + window.location.origin + " among the chat's allowed websites?");
        }
      }
    );
  }

  // When the answer comes, then what happens to the address left: both stay in view.
  function showNotice() {
    notice.textContent = [state.helloText, state.emailText].filter(Boolean).join(" ");
  }

  function showEmailForm(show) {
    emailForm.hidden = !show;
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function timeOf(iso) {
    try {
      return new Date(iso).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
    } catch (e) {
      return "";
    }
  }

  function render(message) {
    var item = el("li", { class: "stc-msg " + (message.from === "team" ? "team" : "visitor"), "data-id": String(message.id) });
    item.appendChild(document.createTextNode(message.text));
    if (message.files && message.files.length) {
      var files = el("ul", { class: "stc-files" });
      message.files.forEach(function (file) {
        var li = el("li");
        var link = el("a", { href: file.url, rel: "noopener", target: "_blank", download: file.name }, "📎 " + file.name);
        li.appendChild(link);
        files.appendChild(li);
      });
      item.appendChild(files);
    }
    var who = message.from === "team" ? message.author : t.you;
    item.appendChild(el("span", { class: "stc-meta" }, who + " · " + timeOf(message.at)));
    return item;
  }

  // Adds the messages not shown yet, in id order; answers how many answers of the team are new.
  function addMessages(messages) {
    var newTeam = 0;
    (messages || []).forEach(function (message) {
      if (state.byId[message.id]) return;
      state.byId[message.id] = message;
      if (emptyNote.parentNode) emptyNote.parentNode.removeChild(emptyNote);
      var node = render(message);
      var after = null;
      var items = log.children;
      for (var i = items.length - 1; i >= 0; i--) {
        if (parseInt(items[i].getAttribute("data-id"), 10) < message.id) {
          after = items[i];
          break;
        }
      }
      log.insertBefore(node, after ? after.nextSibling : log.firstChild);
      if (message.from === "team") newTeam += 1;
    });
    if (newTeam) scrollDown();
    return newTeam;
  }

  function lastTeamId() {
    var last = 0;
    for (var id in state.byId) {
      if (state.byId[id].from === "team" && Number(id) > last) last = Number(id);
    }
    return last;
  }

  function unreadCount() {
    var count = 0;
    for (var id in state.byId) {
      if (state.byId[id].from === "team" && Number(id) > state.readTeam) count += 1;
    }
    return count;
  }

  function markRead() {
    if (state.open && !document.hidden) {
      state.readTeam = Math.max(state.readTeam, lastTeamId());
      writeStore();
    }
    var unread = unreadCount();
    badge.hidden = !unread;
    badge.textContent = unread ? String(unread) : "";
    bubble.setAttribute("aria-label", state.open ? t.close : unread ? t.open + " — " + t.unread.replace("{count}", unread) : t.open);
  }

  function schedule(delay) {
    clearTimeout(state.timer);
    if (!state.token) return;
    if (delay === undefined) {
      delay = document.hidden ? POLL.hidden : state.open ? state.interval : POLL.closed;
    }
    state.timer = setTimeout(poll, delay);
  }

  function poll() {
    if (!state.token) return;
    var seen = state.open && !document.hidden ? lastTeamId() : 0;
    var report = seen > state.reportedSeen ? seen : 0;
    call("GET", "messages/", null, "&after=" + state.cursor + (report ? "&seen=" + report : "")).then(
      function (result) {
        if (result.status === 429) {
          schedule(Math.max(result.retryAfter * 1000, POLL.max));
          return;
        }
        if (result.status === 403 || result.status === 404) {
          forget();
          return;
        }
        if (result.ok) {
          if (report) state.reportedSeen = report;
          var messages = result.body.messages || [];
          messages.forEach(function (message) {
            state.cursor = Math.max(state.cursor, message.id);
          });
          state.email = result.body.email || state.email;
          var newTeam = addMessages(messages);
          // Quick while something is happening, slower and slower while nothing is.
          state.interval = newTeam ? POLL.open : Math.min(Math.round(state.interval * 1.5), POLL.max);
          markRead();
          if (newTeam && state.open) {
            schedule(POLL.open); // report them as read soon
            return;
          }
        }
        schedule();
      },
      function () {
        schedule(POLL.max);
      }
    );
  }

  function forget() {
    state.token = null;
    state.cursor = 0;
    state.reportedSeen = 0;
    state.readTeam = 0;
    state.byId = {};
    state.email = "";
    state.emailText = "";
    writeStore();
    clearTimeout(state.timer);
    while (log.firstChild) log.removeChild(log.firstChild);
    log.appendChild(emptyNote);
    showNotice();
    markRead();
  }

  function showProblem(target, input, message) {
    target.textContent = message || "";
    if (input) {
      if (message) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", target.id);
      } else {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
    }
  }

  function sendLine() {
    if (state.sending) return;
    var text = textarea.value.trim();
    showProblem(composeError, textarea, "");
    showProblem(emailError, emailInput, "");
    emailInput.setAttribute("aria-describedby", "stc-email-hint");
    if (!text) {
      showProblem(composeError, textarea, t.emptyMessage);
      textarea.focus();
      return;
    }
    if (text.length > config.maxLength) {
      showProblem(composeError, textarea, t.tooLong);
      textarea.focus();
      return;
    }
    // The same text sent again after a failure keeps its key: the server stores it once.
    if (state.pendingText !== text) {
      state.pendingText = text;
      state.pendingKey = newKey();
    }
    var starting = !state.token;
    var again = false;
    var body = { message: text, client_key: state.pendingKey.replace(/[^A-Za-z0-9_-]/g, "") };
    if (starting) {
      var params = new URLSearchParams(window.location.search);
      body.language = lang;
      body.timezone = zone;
      body.landing_page = window.location.href.split("#")[0];
      body.referrer = document.referrer || "";
      ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"].forEach(function (name) {
        if (params.get(name)) body[name] = params.get(name);
      });
      if (!emailForm.hidden && emailInput.value.trim()) body.email = emailInput.value.trim();
    }
    state.sending = true;
    sendButton.disabled = true;
    sendButton.textContent = t.sending;
    call("POST", starting ? "start/" : "send/", body)
      .then(
        function (result) {
          if (result.status === 403 && result.body.code === "session") {
            // The chat has ended (or its token expired): a new one starts with the same text.
            forget();
            again = true;
            return;
          }
          if (!result.ok) {
            var errors = result.body.errors || {};
            if (errors.email) {
              showProblem(emailError, emailInput, errors.email.join(" "));
              emailInput.focus();
            }
            var other = errors.message ? errors.message.join(" ") : errors.email ? "" : result.body.message || t.failed;
            if (other) showProblem(composeError, textarea, other);
            return;
          }
          if (starting) {
            state.token = result.body.token;
            state.email = result.body.email || "";
            writeStore();
            if (state.email) {
              showEmailForm(false);
              state.emailText = t.emailSaved.replace("{email}", state.email);
              showNotice();
            }
          }
          state.pendingText = null;
          state.pendingKey = null;
          if (textarea.value.trim() === text) textarea.value = "";
          updateCounter();
          addMessages(result.body.messages);
          scrollDown();
          state.interval = POLL.open;
          schedule(POLL.open);
        },
        function () {
          showProblem(composeError, textarea, t.failed);
        }
      )
      .then(function () {
        state.sending = false;
        sendButton.disabled = false;
        sendButton.textContent = t.send;
        if (again) sendLine();
      });
  }

  function saveEmail() {
    var value = emailInput.value.trim();
    showProblem(emailError, emailInput, "");
    emailInput.setAttribute("aria-describedby", "stc-email-hint");
    if (!value) {
      showProblem(emailError, emailInput, t.emailMissing);
      emailInput.focus();
      return;
    }
    if (!state.token) {
      // No chat yet: the address goes with the first message (and is checked then).
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
        showProblem(emailError, emailInput, t.emailInvalid);
        emailInput.focus();
        return;
      }
      state.emailText = t.emailWithFirst;
      showNotice();
      textarea.focus();
      return;
    }
    emailButton.disabled = true;
    call("POST", "email/", { email: value })
      .then(
        function (result) {
          if (!result.ok) {
            var errors = result.body.errors || {};
            showProblem(emailError, emailInput, (errors.email || [result.body.message || t.failed]).join(" "));
            emailInput.focus();
            return;
          }
          state.email = result.body.email;
          showEmailForm(false);
          state.emailText = result.body.message;
          showNotice();
        },
        function () {
          showProblem(emailError, emailInput, t.failed);
        }
      )
      .then(function () {
        emailButton.disabled = false;
      });
  }

  function start() {
    build();
    var openNow = (script && script.getAttribute("data-open") === "1") || false;
    try {
      openNow = openNow || window.sessionStorage.getItem(STORE + ":open") === "1";
    } catch (e) {
      /* stays closed */
    }
    if (state.token) schedule(0);
    if (openNow) setOpen(true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
