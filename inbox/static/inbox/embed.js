/* Staffetta website form. The script tag shown on the channels page of the inbox renders the
 * form into the element with data-staffetta-form (if the page has one) or right after the tag,
 * and sends it to Staffetta. No libraries, no cookies. */
(function () {
  "use strict";
  var config = /*STAFFETTA_CONFIG*/{};
  var script = document.currentScript;
  if (!script) {
    var all = document.querySelectorAll("script[src]");
    for (var s = 0; s < all.length; s++) {
      if (all[s].src.indexOf(config.endpoint.replace(/submit\/$/, "embed.js")) === 0 && !all[s].dataset.staffettaDone) {
        script = all[s];
        break;
      }
    }
  }
  if (script) script.dataset.staffettaDone = "1";
  var uid = "stf" + Math.random().toString(36).slice(2, 8);
  var FIELDS = [
    { name: "name", required: true, autocomplete: "name" },
    { name: "email", type: "email", required: true, autocomplete: "email" },
    { name: "organisation", autocomplete: "organization" },
    { name: "phone", type: "tel", autocomplete: "tel" },
    { name: "subject" },
    { name: "message", multiline: true, required: true }
  ];
  var UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

  function pickLanguage() {
    var wanted = [
      script && script.getAttribute("data-lang"),
      document.documentElement.getAttribute("lang"),
      navigator.language
    ];
    for (var i = 0; i < wanted.length; i++) {
      var code = (wanted[i] || "").slice(0, 2).toLowerCase();
      if (config.texts[code]) return code;
    }
    return config.texts[config.defaultLanguage] ? config.defaultLanguage : Object.keys(config.texts)[0];
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return uid + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs || {}) {
      if (attrs[key] !== undefined && attrs[key] !== null && attrs[key] !== false) node.setAttribute(key, attrs[key]);
    }
    if (text) node.textContent = text;
    return node;
  }

  function addStyle() {
    if (document.getElementById("staffetta-form-style")) return;
    var css =
      ".stf-form{max-width:40rem;font:inherit;color:inherit}" +
      ".stf-field{margin:0 0 1rem}" +
      ".stf-form label{display:block;font-weight:600;margin:0 0 .3rem}" +
      ".stf-form input[type=text],.stf-form input[type=email],.stf-form input[type=tel],.stf-form textarea" +
      "{box-sizing:border-box;width:100%;padding:.5rem .6rem;border:1px solid #8a8f94;border-radius:.3rem;font:inherit;color:#212529;background:#fff}" +
      ".stf-form textarea{min-height:8rem;resize:vertical}" +
      ".stf-form input[type=file]{box-sizing:border-box;width:100%;font:inherit}" +
      ".stf-hint{font-size:.9em;opacity:.8;margin:.25rem 0 0}" +
      ".stf-form input[aria-invalid=true],.stf-form textarea[aria-invalid=true]{border-color:#b3261e;outline-color:#b3261e}" +
      ".stf-check{display:flex;gap:.5rem;align-items:flex-start}" +
      ".stf-check input{margin:.3rem 0 0;flex:none;width:1.1rem;height:1.1rem}" +
      ".stf-check label{font-weight:400}" +
      ".stf-error{color:#b3261e;font-size:.9em;margin:.25rem 0 0}" +
      ".stf-check + .stf-error{margin:-.6rem 0 1rem}" +
      ".stf-hp{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}" +
      ".stf-form button{padding:.6rem 1.4rem;border:0;border-radius:.3rem;background:#0b6e4f;color:#fff;font:inherit;font-weight:600;cursor:pointer}" +
      ".stf-form button[disabled]{opacity:.6;cursor:wait}" +
      ".stf-status:empty{display:none}" +
      ".stf-status{margin:0 0 1rem;padding:.75rem 1rem;border-radius:.3rem;background:#fbe9e7;color:#8c1d18}" +
      ".stf-thanks{max-width:40rem;box-sizing:border-box;padding:1rem 1.2rem;border-radius:.3rem;background:#e6f4ea;color:#0b4f2f;border:1px solid #9fd3b5}";
    var style = el("style", { id: "staffetta-form-style" });
    // A website whose Content-Security-Policy allows our script by its nonce allows our styles too.
    var nonce = script && (script.nonce || script.getAttribute("nonce"));
    if (nonce) style.setAttribute("nonce", nonce);
    style.textContent = css;
    (document.head || document.documentElement).appendChild(style);
  }

  function render(host) {
    var lang = pickLanguage();
    var t = config.texts[lang];
    var form = el("form", { class: "stf-form", novalidate: "novalidate", lang: lang });
    var status = el("div", { class: "stf-status", role: "alert" });
    form.appendChild(status);
    var inputs = {};

    FIELDS.forEach(function (field) {
      var id = uid + "-" + field.name;
      var wrap = el("div", { class: "stf-field" });
      var label = el("label", { for: id }, t.labels[field.name] + (field.required ? " *" : ""));
      var input = field.multiline
        ? el("textarea", { id: id, name: field.name, rows: "6" })
        : el("input", { id: id, name: field.name, type: field.type || "text", autocomplete: field.autocomplete });
      if (field.required) {
        input.setAttribute("required", "");
        input.setAttribute("aria-required", "true");
      }
      wrap.appendChild(label);
      wrap.appendChild(input);
      form.appendChild(wrap);
      inputs[field.name] = input;
    });

    // Optional files (drawings, PDFs): sent as multipart/form-data only when some are chosen.
    var filesId = uid + "-attachments";
    var filesWrap = el("div", { class: "stf-field" });
    filesWrap.appendChild(el("label", { for: filesId }, t.labels.attachments));
    var files = el("input", {
      id: filesId,
      name: "attachments",
      type: "file",
      multiple: "",
      accept: config.accept,
      "aria-describedby": filesId + "-hint"
    });
    filesWrap.appendChild(files);
    filesWrap.appendChild(el("p", { id: filesId + "-hint", class: "stf-hint" }, t.attachmentsHint));
    form.appendChild(filesWrap);
    inputs.attachments = files;

    var consentWrap = el("div", { class: "stf-field stf-check" });
    var consent = el("input", { id: uid + "-consent", name: "consent", type: "checkbox", value: "on", required: "", "aria-required": "true" });
    consentWrap.appendChild(consent);
    consentWrap.appendChild(el("label", { for: uid + "-consent" }, t.consent + " *"));
    if (t.privacyUrl) {
      var privacy = el("a", { href: t.privacyUrl, target: "_blank", rel: "noopener" }, t.privacy);
      var privacyLine = el("p", { class: "stf-hint stf-privacy" });
      privacyLine.appendChild(privacy);
      consentWrap.appendChild(privacyLine);
    }
    form.appendChild(consentWrap);
    inputs.consent = consent;

    // The honeypot: off screen and out of the tab order; people never fill it, bots do.
    var trap = el("div", { class: "stf-hp", "aria-hidden": "true" });
    trap.appendChild(el("label", { for: uid + "-website" }, t.honeypot));
    var website = el("input", { id: uid + "-website", name: "website", type: "text", tabindex: "-1", autocomplete: "off" });
    trap.appendChild(website);
    form.appendChild(trap);

    var button = el("button", { type: "submit" }, t.send);
    form.appendChild(button);
    var key = newKey();

    function clearErrors() {
      status.textContent = "";
      var old = form.querySelectorAll(".stf-error");
      for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
      for (var name in inputs) {
        inputs[name].removeAttribute("aria-invalid");
        inputs[name].removeAttribute("aria-describedby");
      }
      files.setAttribute("aria-describedby", filesId + "-hint");
    }

    // The server checks again; this only spares the visitor a long upload that would be refused.
    function fileErrors() {
      var chosen = files.files || [];
      var problems = [];
      if (chosen.length > config.maxFiles) problems.push(t.tooManyFiles);
      for (var i = 0; i < chosen.length; i++) {
        if (chosen[i].size > config.maxBytes) problems.push(t.fileTooLarge.replace("{name}", chosen[i].name));
      }
      return problems.length ? { attachments: problems } : null;
    }

    function showErrors(body) {
      var errors = (body && body.errors) || {};
      var first = null;
      var general = [];
      for (var name in errors) {
        var input = inputs[name];
        if (!input) {
          general = general.concat(errors[name]);
          continue;
        }
        var id = input.id + "-error";
        var message = el("p", { id: id, class: "stf-error" }, errors[name].join(" "));
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", id);
        var field = input.closest(".stf-field");
        (name === "consent" ? field.parentNode.insertBefore(message, field.nextSibling) : field.appendChild(message));
        first = first || input;
      }
      status.textContent = [(body && body.message) || t.failed].concat(general).join(" ");
      if (first) {
        first.focus();
      } else {
        status.setAttribute("tabindex", "-1");
        status.focus();
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors();
      var data = { language: lang, idempotency_key: key, website: website.value, consent: consent.checked };
      FIELDS.forEach(function (field) {
        data[field.name] = inputs[field.name].value;
      });
      var params = new URLSearchParams(window.location.search);
      data.landing_page = window.location.href.split("#")[0];
      data.referrer = document.referrer || "";
      UTM.forEach(function (name) {
        if (params.get(name)) data[name] = params.get(name);
      });
      var tooBig = fileErrors();
      if (tooBig) {
        showErrors({ message: t.fix, errors: tooBig });
        return;
      }
      var request = { method: "POST", mode: "cors", credentials: "omit" };
      if (files.files && files.files.length) {
        // With files: form data (the browser sets the multipart boundary itself).
        var body = new FormData();
        for (var field in data) {
          if (field === "consent") {
            if (data.consent) body.append("consent", "on");
          } else {
            body.append(field, data[field]);
          }
        }
        for (var f = 0; f < files.files.length; f++) body.append("attachments", files.files[f]);
        request.headers = { Accept: "application/json" };
        request.body = body;
      } else {
        request.headers = { "Content-Type": "application/json", Accept: "application/json" };
        request.body = JSON.stringify(data);
      }
      button.disabled = true;
      button.textContent = t.sending;
      fetch(config.endpoint + "?lang=" + encodeURIComponent(lang), request)
        .then(function (response) {
          return response.json().then(function (body) {
            return { ok: response.ok, body: body };
          });
        })
        .then(function (result) {
          if (result.ok && result.body.ok) {
            var thanks = el("div", { class: "stf-thanks", role: "status", tabindex: "-1" }, result.body.message);
            form.parentNode.replaceChild(thanks, form);
            thanks.focus();
            return;
          }
          showErrors(result.body);
        })
        .catch(function () {
          if (window.console) {
            console.warn("Staffetta: the form could not be sent. Is " + window.location.origin + " among the channel's allowed websites?");
          }
          showErrors({ message: t.failed });
        })
        .then(function () {
          button.disabled = false;
          button.textContent = t.send;
        });
    });

    host.appendChild(form);
  }

  function start() {
    addStyle();
    var host = document.querySelector("[data-staffetta-form]:not([data-staffetta-ready])");
    if (!host) {
      host = el("div");
      if (script && script.parentNode && script.parentNode !== document.head) {
        script.parentNode.insertBefore(host, script.nextSibling);
      } else {
        document.body.appendChild(host);
      }
    }
    host.setAttribute("data-staffetta-ready", "1");
    render(host);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  // The company's live chat, when switched on: its own script draws the bubble.
  if (config.chat) {
    var chat = el("script", { src: config.chat, async: "" });
    (document.head || document.documentElement).appendChild(chat);
  }
})();
