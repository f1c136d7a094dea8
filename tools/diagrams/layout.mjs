// Gives every model in bpmn/ its diagram: shapes for the flow nodes and edges for the sequence flows, laid out left to
// right by bpmn-auto-layout. A sub-process is drawn collapsed in its parent, with its inside on a diagram of its own
// (Cockpit and the Modeler drill down into it). Only <bpmndi:BPMNDiagram> elements are written: the hand-written process
// XML and its comments stay as they are. A model that has a diagram keeps it (it may have been tidied by hand) unless
// --again is given.
//
//   node layout.mjs            lay out the models without a diagram
//   node layout.mjs --again    lay out every model afresh
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const models = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bpmn');
const again = process.argv.includes('--again');
const DIAGRAMS = /\s*<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/;
const ONE_DIAGRAM = /<bpmndi:BPMNDiagram[\s\S]*?<\/bpmndi:BPMNDiagram>/;
const NAMESPACES = 'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
    + 'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"';
const moddle = new BpmnModdle();

for (const file of readdirSync(models).filter((name) => name.endsWith('.bpmn')).sort()) {
  const path = join(models, file);
  const model = readFileSync(path, 'utf8');
  if (DIAGRAMS.test(model) && !again) {
    console.log(`${file}: has its diagram, kept`);
    continue;
  }
  const withoutDiagram = model.replace(DIAGRAMS, '');
  const { rootElement } = await moddle.fromXML(withoutDiagram);
  const containers = containerOf(rootElement);
  const diagrams = [];
  for (const process of rootElement.rootElements.filter((element) => element.$type === 'bpmn:Process')) {
    diagrams.push(diagramOf(await layoutProcess(withoutDiagram), process.id, containers));
  }
  for (const subProcess of subProcesses(rootElement)) {
    diagrams.push(diagramOf(await layoutProcess(await asProcess(subProcess)), subProcess.id, containers));
  }
  const end = withoutDiagram.lastIndexOf('</bpmn:definitions>');
  writeFileSync(path, withoutDiagram.slice(0, end).trimEnd() + '\n'
      + diagrams.map((diagram) => '  ' + diagram).join('\n') + '\n' + withoutDiagram.slice(end));
  console.log(`${file}: laid out (${diagrams.length} diagram${diagrams.length > 1 ? 's' : ''})`);
}

/**
 * The laid-out diagram of one process or sub-process, declaring its own namespaces (the hand-written <definitions> does
 * not), with only the shapes and edges of what it holds directly: what a sub-process holds is on the sub-process's own.
 */
function diagramOf(laidOut, container, containers) {
  return laidOut.match(ONE_DIAGRAM)[0].trim()
      .replace(/^<bpmndi:BPMNDiagram /, `<bpmndi:BPMNDiagram ${NAMESPACES} `)
      .replace(/\n\s*<bpmndi:(BPMNShape|BPMNEdge) [^>]*bpmnElement="([^"]+)"[\s\S]*?<\/bpmndi:\1>/g,
          (element, kind, id) => (containers.get(id) === container ? element : ''));
}

/** The id of the process or sub-process that holds each flow element directly. */
function containerOf(definitions) {
  const containers = new Map();
  const visit = (container) => {
    for (const element of container.flowElements || []) {
      containers.set(element.id, container.id);
      visit(element);
    }
  };
  definitions.rootElements.filter((element) => element.$type === 'bpmn:Process').forEach(visit);
  return containers;
}

/** Every sub-process in the model, at any depth (event sub-processes too). */
function subProcesses(definitions) {
  const found = [];
  const visit = (container) => {
    for (const element of container.flowElements || []) {
      if (element.$type === 'bpmn:SubProcess') {
        found.push(element);
        visit(element);
      }
    }
  };
  definitions.rootElements.filter((element) => element.$type === 'bpmn:Process').forEach(visit);
  return found;
}

/** A sub-process's inside as a process of the same id, so its diagram's plane belongs to the sub-process. */
async function asProcess(subProcess) {
  const process = moddle.create('bpmn:Process', { id: subProcess.id, isExecutable: false });
  process.flowElements = subProcess.flowElements || [];
  const definitions = moddle.create('bpmn:Definitions', { id: 'layout', targetNamespace: 'https://rcrp.org/layout' });
  definitions.rootElements = [process];
  definitions.$attrs['xmlns:camunda'] = 'http://camunda.org/schema/1.0/bpmn';
  const { xml } = await moddle.toXML(definitions);
  return xml;
}
