// Draws every <canvas data-chart="json-id"> of the page with Chart.js, from the JSON that the
// server wrote beside it (json_script): no inline script, numbers in the page's language.
"use strict";

(function () {
  if (!window.Chart) return;
  const lang = document.documentElement.lang || "it";
  const formats = {
    count: new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }),
    eur: new Intl.NumberFormat(lang, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
    eurExact: new Intl.NumberFormat(lang, { style: "currency", currency: "EUR" }),
  };
  const ROW_HEIGHT = 34; // pixels per bar group of a horizontal chart
  const LABEL_WIDTH = 16; // characters per line of a category label on a narrow screen

  // A long channel name ("Inserzioni Meta (Facebook/Instagram)") on lines of a few words, so
  // that a phone does not cut it.
  function wrap(label) {
    if (label.length <= LABEL_WIDTH || window.innerWidth >= 768) return label;
    const lines = [];
    label.split(" ").forEach((word) => {
      const last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= LABEL_WIDTH) lines[last] += " " + word;
      else lines.push(word);
    });
    return lines;
  }

  function build(spec) {
    const horizontal = Boolean(spec.horizontal);
    const valueAxis = horizontal ? "x" : "y";
    const categoryAxis = horizontal ? "y" : "x";
    const short = spec.format === "eur" ? formats.eur : formats.count;
    const exact = spec.format === "eur" ? formats.eurExact : formats.count;
    return {
      type: spec.type || "bar",
      data: {
        labels: horizontal ? spec.labels.map(wrap) : spec.labels,
        datasets: spec.datasets.map((set) => ({
          label: set.label,
          data: set.data,
          backgroundColor: set.color,
          borderColor: set.color,
          borderRadius: 3,
          maxBarThickness: horizontal ? 14 : 36,
        })),
      },
      options: {
        indexAxis: categoryAxis === "y" ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: lang,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 12, boxHeight: 12 } },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? spec.labels[items[0].dataIndex] : ""),
              label: (context) => `${context.dataset.label}: ${exact.format(context.parsed[valueAxis])}`,
            },
          },
        },
        scales: {
          [categoryAxis]: { stacked: Boolean(spec.stacked), grid: { display: false }, ticks: { autoSkip: !horizontal } },
          [valueAxis]: {
            stacked: Boolean(spec.stacked),
            beginAtZero: true,
            ticks: { precision: 0, callback: (value) => short.format(value) },
          },
        },
      },
    };
  }

  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const spec = JSON.parse(source.textContent);
    const box = canvas.parentElement;
    if (spec.horizontal && box) {
      // Room for every channel, however many there are, plus the legend and the axis.
      box.style.height = `${Math.max(160, spec.labels.length * ROW_HEIGHT * spec.datasets.length * 0.75 + 80)}px`;
    }
    new window.Chart(canvas, build(spec));
  });
})();
