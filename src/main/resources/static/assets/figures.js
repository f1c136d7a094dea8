// Draws the figures page's charts with Chart.js (the WebJar's UMD build sets window.Chart). Each canvas carries its data
// as JSON in data-chart: {labels: [words], keys: [codes], series: [{key, label, values}]}. The same numbers are in the
// tables beside the charts, so nothing depends on this script.
//
// Colours are colour-blind safe (Okabe–Ito with GOV.UK blue) and come from the CSS custom properties --rcrp-chart-*
// (rcrp.css), so dark mode has its own; police is blue and solid, referred orange, dashed and hatched: the two are
// never told apart by colour alone. The charts are drawn again when the screen switches between light and dark.
const SERIES_COLOUR = {
  police: 'police', POLICE_ATTEND: 'police',
  referred: 'referred', REFER: 'referred',
  ADVICE_AND_CLOSE: 'advice', acknowledgementBreaches: 'advice',
  breaches: 'breaches', outcomeBreaches: 'sky',
  calls: 'neutral', escalations: 'neutral', UNTRIAGED: 'neutral',
};
const SERIES_PATTERN = { referred: 'hatch', REFER: 'hatch', ADVICE_AND_CLOSE: 'dots', outcomeBreaches: 'dots',
  acknowledgementBreaches: 'hatch', escalations: 'cross' };
const SERIES_POINT = { police: 'circle', referred: 'triangle', breaches: 'rectRot', calls: 'rect' };

function colour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue('--rcrp-chart-' + name).trim() || '#505a5f';
}

/** A small repeating tile: the series' colour with lines or dots over it, so a slice or bar is known by its pattern too. */
function pattern(kind, fill) {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const pen = tile.getContext('2d');
  pen.fillStyle = fill;
  pen.fillRect(0, 0, 8, 8);
  pen.strokeStyle = colour('pattern');
  pen.fillStyle = colour('pattern');
  pen.lineWidth = 1.5;
  if (kind === 'hatch' || kind === 'cross') {
    pen.beginPath();
    pen.moveTo(0, 8); pen.lineTo(8, 0);
    pen.moveTo(-2, 2); pen.lineTo(2, -2);
    pen.moveTo(6, 10); pen.lineTo(10, 6);
    if (kind === 'cross') {
      pen.moveTo(0, 0); pen.lineTo(8, 8);
    }
    pen.stroke();
  } else if (kind === 'dots') {
    pen.beginPath();
    pen.arc(4, 4, 1.5, 0, 2 * Math.PI);
    pen.fill();
  }
  return pen.createPattern(tile, 'repeat');
}

function fillOf(key) {
  const solid = colour(SERIES_COLOUR[key] || 'neutral');
  return SERIES_PATTERN[key] ? pattern(SERIES_PATTERN[key], solid) : solid;
}

function draw() {
  if (typeof window.Chart !== 'function') {
    return;
  }
  window.Chart.defaults.color = colour('text');
  window.Chart.defaults.borderColor = colour('grid');
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    window.Chart.getChart(canvas)?.destroy();
    const data = JSON.parse(canvas.dataset.chart);
    const kind = canvas.dataset.kind || 'bar';
    const datasets = data.series.map((series) => {
      const solid = colour(SERIES_COLOUR[series.key] || 'neutral');
      if (kind === 'doughnut') {
        return { label: series.label, data: series.values, backgroundColor: data.keys.map(fillOf),
          borderColor: colour('surface'), borderWidth: 2 };
      }
      if (kind === 'line') {
        return { label: series.label, data: series.values, borderColor: solid, backgroundColor: solid,
          borderDash: series.key === 'referred' ? [6, 4] : series.key === 'breaches' ? [2, 3] : [],
          pointStyle: SERIES_POINT[series.key] || 'circle', pointRadius: 4, borderWidth: 2, fill: false, tension: 0.2 };
      }
      return { label: series.label, data: series.values, borderColor: solid, borderWidth: 1,
        backgroundColor: data.series.length > 1 ? fillOf(series.key) : data.keys.map((key) => fillOf(key)) };
    });
    new window.Chart(canvas, {
      type: kind,
      data: { labels: data.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: datasets.length > 1 || kind === 'doughnut', labels: { usePointStyle: kind === 'line' } } },
        scales: kind === 'doughnut' ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
}

draw();
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
