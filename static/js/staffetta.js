// Staffetta's own behaviour, kept out of the templates so that no inline script is needed.
"use strict";

// <form data-confirm="Question?"> or <button type="submit" data-confirm="Question?">: ask before
// submitting a destructive action.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = event.submitter?.dataset.confirm || (form instanceof HTMLFormElement && form.dataset.confirm);
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// <div class="progress-bar" data-progress="42">: the bar's width, set through the CSS object model
// because the Content-Security-Policy refuses style="" attributes. Also on content htmx swaps in.
function applyProgress(root) {
  const bars = root.querySelectorAll ? root.querySelectorAll("[data-progress]") : [];
  const all = root.matches && root.matches("[data-progress]") ? [root, ...bars] : bars;
  for (const bar of all) {
    const value = Number.parseFloat(String(bar.dataset.progress).replace(",", "."));
    bar.style.width = `${Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0}%`;
  }
}
if (window.htmx) {
  window.htmx.onLoad(applyProgress);
} else {
  applyProgress(document);
}
