// Copy buttons of the content desk: <button data-copy="#field-id" data-copied="Copied">.
"use strict";

(function () {
  if (window.staffettaCopyButtons) return; // included by several fragments of one page
  window.staffettaCopyButtons = true;

  function fallbackCopy(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) return;
    const field = document.querySelector(button.dataset.copy);
    if (!field) return;
    const text = field.value !== undefined ? field.value : field.textContent;
    const done = () => {
      const label = button.querySelector("[data-copy-label]");
      if (!label) return;
      const original = label.textContent;
      label.textContent = button.dataset.copied || original;
      button.classList.add("btn-success");
      window.setTimeout(() => {
        label.textContent = original;
        button.classList.remove("btn-success");
      }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(field) && done());
    } else if (fallbackCopy(field)) {
      done();
    }
  });
})();
