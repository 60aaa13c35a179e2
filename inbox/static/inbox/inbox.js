// The inbox's keyboard shortcuts and the "select all" box of the bulk actions.
// Every shortcut presses a real link or button of the page (marked data-shortcut="key") or
// focuses a field (data-shortcut-target="key"), so the page works the same without it.
// The help dialog (inbox/_shortcuts.html) lists them; keep the two in step.
"use strict";

(() => {
  const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true']";
  const SEQUENCE_MS = 1500; // "g" then "i" within this time
  const LAST_OPENED = "staffetta.inbox.last-opened";

  const rowLinks = () => Array.from(document.querySelectorAll("[data-row-link]"));
  const onRow = () => rowLinks().includes(document.activeElement);
  let gPressedAt = 0;

  function focusRow(link) {
    link.focus({ preventScroll: true });
    link.closest(".inbox-row")?.scrollIntoView({ block: "nearest" });
  }

  function moveRow(step) {
    const links = rowLinks();
    if (!links.length) return false;
    const current = links.indexOf(document.activeElement);
    const next = current === -1 ? 0 : Math.min(Math.max(current + step, 0), links.length - 1);
    focusRow(links[next]);
    return true;
  }

  function openRow() {
    const links = rowLinks();
    const link = onRow() ? document.activeElement : links[0];
    if (!link) return false;
    link.click();
    return true;
  }

  // "x": tick or untick the selected row for the bulk actions.
  function toggleRow() {
    if (!onRow()) return false;
    const box = document.activeElement.closest(".inbox-row")?.querySelector("input[name='bulk-ids']");
    if (!box) return false;
    box.click();
    return true;
  }

  // Opened from the keyboard, the help gives the focus back where it was (a row) when it closes.
  function showHelp() {
    const dialog = document.getElementById("shortcuts-help");
    if (!dialog || !window.bootstrap) return false;
    const before = document.activeElement;
    dialog.addEventListener("hidden.bs.modal", () => before?.focus?.({ preventScroll: true }), { once: true });
    window.bootstrap.Modal.getOrCreateInstance(dialog).show();
    return true;
  }

  function press(key) {
    const target = document.querySelector(`[data-shortcut-target="${key}"]`);
    if (target) {
      target.focus({ preventScroll: true });
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

  // "g i": back to the inbox — the list this conversation was opened from, or the inbox itself.
  function goToInbox() {
    if (press("u")) return true;
    const url = document.getElementById("shortcuts-help")?.dataset.inboxUrl;
    if (!url) return false;
    window.location.assign(url);
    return true;
  }

  function shortcut(event) {
    const key = event.key;
    if (gPressedAt && Date.now() - gPressedAt < SEQUENCE_MS) {
      gPressedAt = 0;
      return key === "i" && goToInbox();
    }
    gPressedAt = 0;
    const list = rowLinks().length > 0;
    switch (key) {
      case "?":
        return showHelp();
      case "g":
        gPressedAt = Date.now();
        return true;
      case "ArrowDown":
      case "ArrowUp":
        // Arrows move in the list only from a row (or from nowhere): elsewhere they scroll the page.
        if (!list || !(onRow() || document.activeElement === document.body)) return false;
        return moveRow(key === "ArrowDown" ? 1 : -1);
      case "j":
      case "k":
        // In the list: the next or previous row; in a conversation: the next or previous conversation.
        return list ? moveRow(key === "j" ? 1 : -1) : press(key);
      case "o":
        return list ? openRow() : false;
      case "x":
        return toggleRow();
      case "/": {
        const search = document.querySelector("input[type=search]");
        search?.focus();
        return Boolean(search);
      }
      default:
        return key.length === 1 && /[a-z]/.test(key) && press(key);
    }
  }

  // Escape inside an open panel (more filters, more actions) folds it and goes back to its button.
  function closePanel(from) {
    const panel = from instanceof Element && from.closest(".collapse.show");
    if (!panel || !window.bootstrap) return false;
    window.bootstrap.Collapse.getOrCreateInstance(panel, { toggle: false }).hide();
    document.querySelector(`[data-bs-toggle="collapse"][aria-controls="${panel.id}"]`)?.focus();
    return true;
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey) return;
    const typing = event.target instanceof Element && event.target.closest(TYPING);
    // Ctrl+Enter (or Cmd+Enter) in a text box sends its form, as its button would.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && typing?.matches("textarea") && typing.form) {
      event.preventDefault();
      typing.form.requestSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    if (document.querySelector(".modal.show")) return; // Bootstrap closes the dialog on Escape
    if (event.key === "Escape" && closePanel(event.target)) {
      event.preventDefault();
      return;
    }
    if (typing) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    if (shortcut(event)) event.preventDefault();
  });

  // Coming back to the list: the conversation just left is the selected row again.
  const header = document.getElementById("conversation-header");
  try {
    if (header) {
      window.sessionStorage.setItem(LAST_OPENED, window.location.pathname);
    } else {
      const last = window.sessionStorage.getItem(LAST_OPENED);
      const link = last && rowLinks().find((row) => new URL(row.href).pathname === last);
      if (link && document.referrer && new URL(document.referrer).pathname === last) focusRow(link);
    }
  } catch {
    // No session storage (private mode, blocked cookies): the list simply starts at the top.
  }

  // "All on this page": check or uncheck every row of the bulk form.
  document.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.matches("[data-select-all]")) return;
    document.querySelectorAll("input[name='bulk-ids']").forEach((row) => {
      row.checked = box.checked;
    });
  });
})();
