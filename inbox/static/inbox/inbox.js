// The inbox's keyboard shortcuts and the "select all" box of the bulk actions.
// Every shortcut presses a real link or button of the page (marked data-shortcut="key") or
// focuses a field (data-shortcut-target="key"), so the page works the same without it.
"use strict";

(() => {
  const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true']";

  const rowLinks = () => Array.from(document.querySelectorAll("[data-row-link]"));

  function moveRow(step) {
    const links = rowLinks();
    if (!links.length) return;
    const current = links.indexOf(document.activeElement);
    const next = current === -1 ? 0 : Math.min(Math.max(current + step, 0), links.length - 1);
    links[next].focus();
    links[next].closest(".inbox-row")?.scrollIntoView({ block: "nearest" });
  }

  function showHelp() {
    const dialog = document.getElementById("shortcuts-help");
    if (dialog && window.bootstrap) window.bootstrap.Modal.getOrCreateInstance(dialog).show();
  }

  function press(key) {
    const target = document.querySelector(`[data-shortcut-target="${key}"]`);
    if (target) {
      target.focus();
      target.scrollIntoView({ block: "center" });
      return true;
    }
    const control = document.querySelector(`[data-shortcut="${key}"]`);
    if (control) {
      control.click();
      return true;
    }
    return false;
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const typing = event.target instanceof Element && event.target.closest(TYPING);
    if (typing) {
      if (event.key === "Escape" && !document.querySelector(".modal.show")) event.target.blur();
      return;
    }
    if (document.querySelector(".modal.show")) return;
    let handled = true;
    switch (event.key) {
      case "?":
        showHelp();
        break;
      case "j":
        moveRow(1);
        break;
      case "k":
        moveRow(-1);
        break;
      case "/":
        handled = Boolean(document.querySelector("input[type=search]"));
        document.querySelector("input[type=search]")?.focus();
        break;
      default:
        handled = event.key.length === 1 && /[a-z]/.test(event.key) && press(event.key);
    }
    if (handled) event.preventDefault();
  });

  // "All on this page": check or uncheck every row of the bulk form.
  document.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.matches("[data-select-all]")) return;
    document.querySelectorAll("input[name='bulk-ids']").forEach((row) => {
      row.checked = box.checked;
    });
  });
})();
