/* Staffetta newsletter subscribe form. The script tag shown on the list's page renders the form
 * into the element with data-staffetta-newsletter (if the page has one) or right after the tag,
 * and sends it to Staffetta, which emails a confirmation link. No libraries, no cookies. */
(function () {
  "use strict";
  var config = /*STAFFETTA_CONFIG*/{};
  var script = document.currentScript;
  var uid = "stfnl" + Math.random().toString(36).slice(2, 8);
  var FIELDS = [
    { name: "email", type: "email", required: true, autocomplete: "email" },
    { name: "name", autocomplete: "name" },
    { name: "organisation", autocomplete: "organization" }
  ];

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

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs || {}) {
      if (attrs[key] !== undefined && attrs[key] !== null && attrs[key] !== false) node.setAttribute(key, attrs[key]);
    }
    if (text) node.textContent = text;
    return node;
  }

  function addStyle() {
    if (document.getElementById("staffetta-newsletter-style")) return;
    var css =
      ".stfnl-form{max-width:32rem;font:inherit;color:inherit}" +
      ".stfnl-field{margin:0 0 1rem}" +
      ".stfnl-form label{display:block;font-weight:600;margin:0 0 .3rem}" +
      ".stfnl-form input[type=text],.stfnl-form input[type=email]" +
      "{box-sizing:border-box;width:100%;padding:.5rem .6rem;border:1px solid #8a8f94;border-radius:.3rem;font:inherit;color:#212529;background:#fff}" +
      ".stfnl-form input[aria-invalid=true]{border-color:#b3261e;outline-color:#b3261e}" +
      ".stfnl-check{display:flex;gap:.5rem;align-items:flex-start}" +
      ".stfnl-check input{margin:.3rem 0 0;flex:none;width:1.1rem;height:1.1rem}" +
      ".stfnl-check label{font-weight:400}" +
      ".stfnl-error{color:#b3261e;font-size:.9em;margin:.25rem 0 0}" +
      ".stfnl-check + .stfnl-error{margin:-.6rem 0 1rem}" +
      ".stfnl-hp{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}" +
      ".stfnl-form button{padding:.6rem 1.4rem;border:0;border-radius:.3rem;background:#0b6e4f;color:#fff;font:inherit;font-weight:600;cursor:pointer}" +
      ".stfnl-form button[disabled]{opacity:.6;cursor:wait}" +
      ".stfnl-status:empty{display:none}" +
      ".stfnl-status{margin:0 0 1rem;padding:.75rem 1rem;border-radius:.3rem;background:#fbe9e7;color:#8c1d18}" +
      ".stfnl-thanks{max-width:32rem;box-sizing:border-box;padding:1rem 1.2rem;border-radius:.3rem;background:#e6f4ea;color:#0b4f2f;border:1px solid #9fd3b5}";
    var style = el("style", { id: "staffetta-newsletter-style" });
    // A website whose Content-Security-Policy allows our script by its nonce allows our styles too.
    var nonce = script && (script.nonce || script.getAttribute("nonce"));
    if (nonce) style.setAttribute("nonce", nonce);
    style.textContent = css;
    (document.head || document.documentElement).appendChild(style);
  }

  function render(host) {
    var lang = pickLanguage();
    var t = config.texts[lang];
    var form = el("form", { class: "stfnl-form", novalidate: "novalidate", lang: lang });
    var status = el("div", { class: "stfnl-status", role: "alert" });
    form.appendChild(status);
    var inputs = {};

    FIELDS.forEach(function (field) {
      var id = uid + "-" + field.name;
      var wrap = el("div", { class: "stfnl-field" });
      wrap.appendChild(el("label", { for: id }, t.labels[field.name] + (field.required ? " *" : "")));
      var input = el("input", { id: id, name: field.name, type: field.type || "text", autocomplete: field.autocomplete });
      if (field.required) {
        input.setAttribute("required", "");
        input.setAttribute("aria-required", "true");
      }
      wrap.appendChild(input);
      form.appendChild(wrap);
      inputs[field.name] = input;
    });

    var consentWrap = el("div", { class: "stfnl-field stfnl-check" });
    var consent = el("input", { id: uid + "-consent", name: "consent", type: "checkbox", value: "on", required: "", "aria-required": "true" });
    consentWrap.appendChild(consent);
    consentWrap.appendChild(el("label", { for: uid + "-consent" }, t.consent + " *"));
    if (t.privacyUrl) {
      var privacyLine = el("p", { class: "stfnl-hint stfnl-privacy" });
      privacyLine.appendChild(el("a", { href: t.privacyUrl, target: "_blank", rel: "noopener" }, t.privacy));
      consentWrap.appendChild(privacyLine);
    }
    form.appendChild(consentWrap);
    inputs.consent = consent;

    // The honeypot: off screen and out of the tab order; people never fill it, bots do.
    var trap = el("div", { class: "stfnl-hp", "aria-hidden": "true" });
    trap.appendChild(el("label", { for: uid + "-website" }, t.honeypot));
    var website = el("input", { id: uid + "-website", name: "website", type: "text", tabindex: "-1", autocomplete: "off" });
    trap.appendChild(website);
    form.appendChild(trap);

    var button = el("button", { type: "submit" }, t.send);
    form.appendChild(button);

    function clearErrors() {
      status.textContent = "";
      var old = form.querySelectorAll(".stfnl-error");
      for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
      for (var name in inputs) {
        inputs[name].removeAttribute("aria-invalid");
        inputs[name].removeAttribute("aria-describedby");
      }
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
        var message = el("p", { id: id, class: "stfnl-error" }, errors[name].join(" "));
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", id);
        var field = input.closest(".stfnl-field");
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
      var data = {
        language: lang,
        website: website.value,
        consent: consent.checked,
        landing_page: window.location.href.split("#")[0]
      };
      FIELDS.forEach(function (field) {
        data[field.name] = inputs[field.name].value;
      });
      button.disabled = true;
      button.textContent = t.sending;
      fetch(config.endpoint + "?lang=" + encodeURIComponent(lang), {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(data)
      })
        .then(function (response) {
          return response.json().then(function (body) {
            return { ok: response.ok, body: body };
          });
        })
        .then(function (result) {
          if (result.ok && result.body.ok) {
            var thanks = el("div", { class: "stfnl-thanks", role: "status", tabindex: "-1" }, result.body.message);
            form.parentNode.replaceChild(thanks, form);
            thanks.focus();
            return;
          }
          showErrors(result.body);
        })
        .catch(function () {
          if (window.console) {
            console.warn("Staffetta: the subscription could not be sent. Is " + window.location.origin + " among the list's allowed websites?");
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
    var host = document.querySelector("[data-staffetta-newsletter]:not([data-staffetta-ready])");
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
})();
