// Buttons marked data-print-page print the page (the recovery codes have a print layout).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print-page]")) {
    window.print();
  }
});
