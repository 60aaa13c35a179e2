// Staffetta's own behaviour, kept out of the templates so that no inline script is needed.
"use strict";

// <form data-confirm="Question?">: ask before submitting a destructive action.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
