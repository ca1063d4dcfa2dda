package org.irfoundation.rollout;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.irfoundation.incident.Roles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The answer key of the week-3 training ({@value #RESOURCE}): the right option of each question, the fundamentals
 * everyone answers and one module per responder role. It stays on the server: the form
 * (bpmn/forms/rollout-training.form) only asks. A key that misses a role's module, names an unknown role or repeats
 * a question id stops start-up.
 */
@Component
public class TrainingKey {

  public static final String RESOURCE = "rollout/training/answer-key.yaml";

  /** One question of the key; its answer is never part of {@code toString} (no answers in logs). */
  public record Question(String id, String answer) {
    @Override
    public String toString() {
      return "Question[" + id + "]";
    }
  }

  record Content(List<Question> fundamentals, Map<String, List<Question>> modules) {}

  private final List<Question> fundamentals;
  private final Map<String, List<Question>> modules;

  public TrainingKey() {
    this(new ClassPathResource(RESOURCE));
  }

  TrainingKey(Resource resource) {
    Content content;
    try (InputStream in = resource.getInputStream()) {
      content = new YAMLMapper().readValue(in, Content.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the training answer key " + resource.getDescription() + " cannot be read", e);
    }
    this.fundamentals = List.copyOf(content.fundamentals() == null ? List.of() : content.fundamentals());
    this.modules = Map.copyOf(content.modules() == null ? Map.of() : content.modules());
    check(resource.getDescription());
  }

  public List<Question> fundamentals() {
    return fundamentals;
  }

  /** The module of a responder role. */
  public List<Question> module(String role) {
    List<Question> module = modules.get(role);
    if (module == null) {
      throw new IllegalArgumentException("the training has no module for the role '" + role + "'");
    }
    return module;
  }

  /** What a member of {@code role} answers: the fundamentals, then the role's module. */
  public List<Question> questionsFor(String role) {
    List<Question> questions = new ArrayList<>(fundamentals);
    questions.addAll(module(role));
    return questions;
  }

  private void check(String source) {
    List<String> problems = new ArrayList<>();
    if (fundamentals.isEmpty()) {
      problems.add("no fundamentals");
    }
    Set<String> roles = new TreeSet<>();
    Roles.RESPONDER_ROLES.forEach(role -> roles.add(role.id()));
    for (String role : roles) {
      if (modules.getOrDefault(role, List.of()).isEmpty()) {
        problems.add("no module for the role " + role);
      }
    }
    new TreeSet<>(modules.keySet()).stream().filter(role -> !roles.contains(role))
        .forEach(role -> problems.add("a module for " + role + ", which is no responder role"));
    Set<String> ids = new HashSet<>();
    List<Question> all = new ArrayList<>(fundamentals);
    modules.values().forEach(all::addAll);
    for (Question question : all) {
      if (question.id() == null || !question.id().matches("[a-z0-9_]+")) {
        problems.add("question id '" + question.id() + "' is not of a-z, 0-9 and _");
      } else if (!ids.add(question.id())) {
        problems.add("question id " + question.id() + " twice");
      }
      if (question.answer() == null || question.answer().isBlank()) {
        problems.add("no answer for " + question.id());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the training answer key " + source + " is not usable: "
          + String.join("; ", problems));
    }
  }
}
