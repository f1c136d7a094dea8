// Renders every model in bpmn/ to docs/diagrams/<model>.svg with bpmn-js in headless Chromium (Debian's chromium),
// from the diagram data the models carry: the pictures are the models, never drawn by hand.
//
//   node render.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const models = join(here, '..', '..', 'bpmn');
const pictures = join(here, '..', '..', 'docs', 'diagrams');
const viewer = join(here, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const browser = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(pictures, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'rcrp-diagrams-'));

try {
  for (const file of readdirSync(models).filter((name) => name.endsWith('.bpmn')).sort()) {
    const model = readFileSync(join(models, file), 'utf8');
    const planes = [null, ...[...model.matchAll(/<bpmndi:BPMNPlane [^>]*bpmnElement="([^"]+)"/g)].slice(1).map((m) => m[1])];
    for (const plane of planes) {
      const name = file.replace(/\.bpmn$/, '') + (plane ? '--' + plane : '') + '.svg';
      writeFileSync(join(pictures, name), render(model, plane, join(scratch, name + '.html')));
      console.log(`docs/diagrams/${name}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The model's main diagram, or the inside of one collapsed sub-process, as SVG. */
function render(model, plane, page) {
  writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="file://${viewer}"></script></head><body><div id="canvas" style="width:2400px;height:1600px"></div>
<script type="application/xml" id="model">${model.replace(/<\?xml[^>]*\?>/, '').replace(/<\/script/g, '<\\/script')}</script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(document.getElementById('model').textContent)
    .then(() => {
      const plane = ${JSON.stringify(plane)};
      if (plane) {
        const canvas = viewer.get('canvas');
        canvas.setRootElement(canvas.findRoot(plane + '_plane'));
      }
      return viewer.saveSVG();
    })
    .then(({ svg }) => { const out = document.createElement('textarea'); out.id = 'svg'; out.textContent = svg; document.body.append(out); })
    .catch((failed) => { document.body.append('RENDER FAILED: ' + failed.message); });
</script></body></html>`);
  const dom = execFileSync(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files',
    '--virtual-time-budget=10000', '--dump-dom', 'file://' + page], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'] });
  const svg = dom.match(/<textarea id="svg">([\s\S]*?)<\/textarea>/);
  if (!svg) {
    throw new Error(`${page}: not rendered (${(dom.match(/RENDER FAILED: [^<]*/) || ['no output'])[0]})`);
  }
  return unescaped(svg[1]).trim() + '\n';
}

/** The SVG as bpmn-js wrote it, from the text of the page's textarea. */
function unescaped(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
      .replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
}
