package org.irfoundation.exercise;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A YAML node tree (which keeps each value's line) read as plain values, and found by a property path. */
final class YamlNodes {

  private YamlNodes() {}

  /** The node of a dotted property path inside {@code node}, or {@code node} when it is not there. */
  static Node nodeAt(Node node, String propertyPath) {
    Node at = node;
    for (String part : propertyPath.split("\\.")) {
      String key = part.replaceAll("\\[.*", "");
      if (!(at instanceof MappingNode mapping)) {
        return at;
      }
      Node next = null;
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          next = tuple.getValueNode();
        }
      }
      if (next == null) {
        return at;
      }
      at = next;
    }
    return at;
  }

  /** The YAML under {@code node} as maps, lists, strings, numbers and booleans (by the tags YAML resolved). */
  static Map<String, Object> plain(Node node) {
    return plainValue(node) instanceof Map<?, ?> map ? new LinkedHashMap<>(map.entrySet().stream().collect(
        LinkedHashMap::new, (m, e) -> m.put(String.valueOf(e.getKey()), e.getValue()), Map::putAll))
        : new LinkedHashMap<>();
  }

  static Object plainValue(Node node) {
    if (node instanceof MappingNode mapping) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        map.put(String.valueOf(plainValue(tuple.getKeyNode())), plainValue(tuple.getValueNode()));
      }
      return map;
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue().stream().map(YamlNodes::plainValue).toList();
    }
    String value = ((ScalarNode) node).getValue();
    Tag tag = node.getTag();
    if (Tag.BOOL.equals(tag)) {
      return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
    }
    if (Tag.INT.equals(tag)) {
      return Long.parseLong(value.replace("_", ""));
    }
    if (Tag.FLOAT.equals(tag)) {
      return Double.parseDouble(value);
    }
    return Tag.NULL.equals(tag) ? null : value;
  }

}
