// Draws the figures page's charts with Chart.js (the WebJar's UMD build sets window.Chart). Each canvas
// carries its data as JSON in data-chart: {labels: [...], series: {name: [numbers]}}. The same numbers
// are in the tables beside the charts, so nothing depends on this script.
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#f47738', '#4c2c92', '#505a5f'];

for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  if (typeof window.Chart !== 'function') {
    break;
  }
  const data = JSON.parse(canvas.dataset.chart);
  const kind = canvas.dataset.kind || 'bar';
  const datasets = Object.entries(data.series).map(([label, values], index) => ({
    label,
    data: values,
    backgroundColor: kind === 'doughnut' ? COLOURS : COLOURS[index % COLOURS.length],
    borderColor: kind === 'doughnut' ? '#ffffff' : COLOURS[index % COLOURS.length],
    fill: false,
    tension: 0.2,
  }));
  new window.Chart(canvas, {
    type: kind,
    data: { labels: data.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: datasets.length > 1 || kind === 'doughnut' } },
      scales: kind === 'doughnut' ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
}
