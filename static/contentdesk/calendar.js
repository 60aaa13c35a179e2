// The content calendar: drag an item to another day (HTML5 drag and drop, posted with htmx),
// or move it with the keyboard through the "move" dialog. Events are delegated to the
// calendar, so the days that htmx redraws need no new listeners.
"use strict";

(() => {
  const calendar = document.querySelector("[data-calendar]");
  const toast = document.getElementById("cal-toast");
  if (!calendar || !toast) {
    return;
  }
  let dragged = null;
  let moving = null;
  let toastTimer = null;

  const dayOf = (element) => (element instanceof Element ? element.closest("[data-day]") : null);

  function showToast(text, kind) {
    window.clearTimeout(toastTimer);
    const alert = document.createElement("div");
    alert.className = `alert alert-${kind} alert-dismissible mb-0 shadow`;
    alert.setAttribute("role", kind === "danger" ? "alert" : "status");
    alert.textContent = text;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close";
    close.dataset.toastClose = "";
    close.setAttribute("aria-label", toast.dataset.msgClose);
    alert.append(close);
    toast.replaceChildren(alert);
    hideLater(kind === "danger" ? 12000 : 6000);
  }

  function hideLater(delay) {
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => toast.replaceChildren(), delay);
  }

  toast.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-toast-close]")) {
      toast.replaceChildren();
    }
  });

  function clearTargets() {
    calendar.querySelectorAll(".is-drop-target").forEach((el) => el.classList.remove("is-drop-target"));
  }

  calendar.addEventListener("dragstart", (event) => {
    const chip = event.target instanceof Element ? event.target.closest("[data-reschedule-url]") : null;
    if (!chip) {
      return;
    }
    dragged = chip;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", chip.dataset.itemId);
    // Marked after the browser has taken its picture of the chip, so the picture is not faded.
    window.requestAnimationFrame(() => chip.classList.add("is-dragging"));
  });

  calendar.addEventListener("dragend", () => {
    if (dragged) {
      dragged.classList.remove("is-dragging");
    }
    dragged = null;
    clearTargets();
  });

  calendar.addEventListener("dragover", (event) => {
    const day = dayOf(event.target);
    if (!dragged || !day) {
      return;
    }
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = "move";
    if (!day.classList.contains("is-drop-target")) {
      clearTargets();
      day.classList.add("is-drop-target");
    }
  });

  calendar.addEventListener("dragleave", (event) => {
    const day = dayOf(event.target);
    if (day && !day.contains(event.relatedTarget)) {
      day.classList.remove("is-drop-target");
    }
  });

  calendar.addEventListener("drop", (event) => {
    const day = dayOf(event.target);
    if (!dragged || !day) {
      return;
    }
    event.preventDefault();
    clearTargets();
    const chip = dragged;
    dragged = null;
    chip.classList.remove("is-dragging");
    if (dayOf(chip) === day) {
      return;
    }
    moving = chip;
    chip.classList.add("is-moving");
    // The page's address carries the month and the filters: the redrawn days match the page.
    htmx.ajax("POST", chip.dataset.rescheduleUrl + window.location.search, {
      target: `#${day.id}`,
      swap: "outerHTML",
      values: { day: day.dataset.day, view: calendar.dataset.view },
      headers: { "X-CSRFToken": calendar.dataset.csrf },
    });
  });

  function settle() {
    if (moving) {
      moving.classList.remove("is-moving");
      moving = null;
    }
  }

  document.body.addEventListener("htmx:afterSwap", settle);
  document.body.addEventListener("htmx:oobAfterSwap", (event) => {
    if (event.detail.target === toast) {
      hideLater(6000);
    }
  });

  document.body.addEventListener("htmx:responseError", (event) => {
    settle();
    const xhr = event.detail.xhr;
    let message = toast.dataset.msgError;
    try {
      message = JSON.parse(xhr.responseText).error || message;
    } catch {
      if (xhr.status === 403) {
        message = toast.dataset.msgForbidden;
      } else if (xhr.status === 404) {
        message = toast.dataset.msgMissing;
      }
    }
    showToast(message, "danger");
  });

  document.body.addEventListener("htmx:sendError", () => {
    settle();
    showToast(toast.dataset.msgOffline, "danger");
  });

  // The keyboard's way: the move button opens one shared dialog with a date field; the form
  // posts normally and the page comes back with a message.
  const dialog = document.getElementById("cal-move-dialog");
  if (!dialog) {
    return;
  }
  const form = dialog.querySelector("[data-move-form]");
  let opener = null;

  calendar.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-move-open]") : null;
    if (!button) {
      return;
    }
    const chip = button.closest("[data-reschedule-url]");
    opener = button;
    form.action = chip.dataset.rescheduleUrl;
    form.elements.day.value = dayOf(chip).dataset.day;
    dialog.querySelector("[data-move-subject]").textContent = chip.dataset.title;
    dialog.showModal();
    form.elements.day.focus();
  });

  dialog.querySelector("[data-move-cancel]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    if (opener) {
      opener.focus();
    }
  });
})();
