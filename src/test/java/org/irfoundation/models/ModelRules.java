package org.irfoundation.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The rules every model in {@code bpmn/} and {@code dmn/} keeps (STYLE.md "Models"): valid, file name =
 * process or decision id, meaningful ids, {@code historyTimeToLive}, a diagram for every element, and no shape
 * or label drawn over another.
 * Each problem is one line that starts with the file's name.
 */
public final class ModelRules {

  /** Ids the Modeler makes up: {@code Activity_0x7f1ab}, {@code Process_1}, Signavio's {@code sid-…}. */
  static final Pattern GENERATED_ID =
      Pattern.compile("[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}|[A-Za-z]+_[0-9]+|sid-.*");

  private ModelRules() {}

  /** Every model file under the given folders: BPMN, DMN and Camunda Forms. */
  public static List<Path> modelFiles(Path... folders) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !p.toString().contains(".camunda"))
            .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$"))
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  public static List<String> check(Path file) {
    String name = file.getFileName().toString();
    List<String> problems = new ArrayList<>();
    try {
      if (name.endsWith(".bpmn")) {
        checkBpmn(file, baseName(name), problems);
      } else if (name.endsWith(".dmn")) {
        checkDmn(file, baseName(name), problems);
      }
    } catch (RuntimeException e) {
      problems.add("not a valid " + (name.endsWith(".dmn") ? "DMN" : "BPMN 2.0") + " model: " + rootMessage(e));
    }
    return problems.stream().map(p -> name + ": " + p).toList();
  }

  private static void checkBpmn(Path file, String baseName, List<String> problems) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    checkId(model.getDefinitions().getId(), "definitions", problems);
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      if (!(element instanceof Definitions)) {
        checkId(element.getId(), element.getElementType().getTypeName(), problems);
      }
    }
    List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
    if (processes.stream().noneMatch(p -> p.getId().equals(baseName))) {
      problems.add("no process with the file's name as its id ('" + baseName + "')");
    }
    for (Process process : processes) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("process '" + process.getId() + "' has no camunda:historyTimeToLive");
      }
    }
    if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
      problems.add("has no diagram (DI): open it in Camunda Modeler and save, or lay it out");
      return;
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node.getDiagramElement() == null) {
        problems.add("element '" + node.getId() + "' has no shape in the diagram (DI)");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getDiagramElement() == null) {
        problems.add("sequence flow '" + flow.getId() + "' has no edge in the diagram (DI)");
      }
    }
    checkOverlaps(model, problems);
  }

  /** A box drawn in the diagram: an element's shape, or the label of a shape or flow. */
  private record Box(String what, String elementId, Bounds bounds) {
    boolean overlaps(Box other) {
      Bounds a = bounds;
      Bounds b = other.bounds;
      return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
          && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }
  }

  /**
   * No shape or label covers another: a reader must see every element and every answer on a flow. Containers
   * (pools, lanes, subprocesses) hold their children, and a boundary event sits on its task by design.
   */
  private static void checkOverlaps(BpmnModelInstance model, List<String> problems) {
    List<Box> boxes = new ArrayList<>();
    Set<String> containers = new HashSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      if (element == null || shape.getBounds() == null) {
        continue;
      }
      if (element instanceof SubProcess || element instanceof Participant || element instanceof Lane) {
        containers.add(element.getId());
      }
      boxes.add(new Box("shape", element.getId(), shape.getBounds()));
      if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
        boxes.add(new Box("label", element.getId(), shape.getBpmnLabel().getBounds()));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null && edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
        boxes.add(new Box("label", edge.getBpmnElement().getId(), edge.getBpmnLabel().getBounds()));
      }
    }
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        Box a = boxes.get(i);
        Box b = boxes.get(j);
        if (a.elementId().equals(b.elementId()) || containers.contains(a.elementId())
            || containers.contains(b.elementId()) || boundaryOnItsHost(model, a, b) || !a.overlaps(b)) {
          continue;
        }
        problems.add("the " + a.what() + " of '" + a.elementId() + "' overlaps the " + b.what() + " of '"
            + b.elementId() + "': move one of them");
      }
    }
  }

  private static boolean boundaryOnItsHost(BpmnModelInstance model, Box a, Box b) {
    if (!a.what().equals("shape") || !b.what().equals("shape")) {
      return false;
    }
    return attachedTo(model, a.elementId(), b.elementId()) || attachedTo(model, b.elementId(), a.elementId());
  }

  private static boolean attachedTo(BpmnModelInstance model, String boundaryId, String hostId) {
    return model.getModelElementById(boundaryId) instanceof BoundaryEvent boundary
        && boundary.getAttachedTo() != null && boundary.getAttachedTo().getId().equals(hostId);
  }

  private static void checkDmn(Path file, String baseName, List<String> problems) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    for (DmnElement element : model.getModelElementsByType(DmnElement.class)) {
      checkId(element.getId(), element.getElementType().getTypeName(), problems);
    }
    List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
    if (decisions.stream().noneMatch(d -> d.getId().equals(baseName))) {
      problems.add("no decision with the file's name as its id ('" + baseName + "')");
    }
    for (Decision decision : decisions) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("decision '" + decision.getId() + "' has no camunda:historyTimeToLive");
      }
    }
    Set<String> drawn = dmnShapes(file);
    if (drawn.isEmpty()) {
      problems.add("has no diagram (DMNDI): open it in Camunda Modeler and save");
      return;
    }
    for (Decision decision : decisions) {
      if (!drawn.contains(decision.getId())) {
        problems.add("decision '" + decision.getId() + "' has no shape in the diagram (DMNDI)");
      }
    }
  }

  /** The DMN model API does not expose DMNDI, so the shapes are read from the XML. */
  private static Set<String> dmnShapes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(in);
      NodeList shapes = document.getElementsByTagNameNS("*", "DMNShape");
      Set<String> refs = new HashSet<>();
      for (int i = 0; i < shapes.getLength(); i++) {
        refs.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
      }
      return refs;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void checkId(String id, String type, List<String> problems) {
    if (id != null && GENERATED_ID.matcher(id).matches()) {
      problems.add(type + " has a Modeler-generated id '" + id + "': give it a meaningful one"
          + " (e.g. Task_ContainAccount, Gateway_BackupsIntact, Flow_Confirmed)");
    }
  }

  private static String baseName(String fileName) {
    return fileName.substring(0, fileName.lastIndexOf('.'));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
