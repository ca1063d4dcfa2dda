package org.irfoundation.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forms a calling playbook step may give {@code evidenceItems} in. */
class EvidenceItemsTest {

  final ObjectMapper json = new ObjectMapper();

  @Test
  void namesSeparatedBySemicolonsAreAllRequired() {
    assertThat(EvidenceCollectionDelegates.items("Credential report; Sign-in and API logs ;", json))
        .extracting(i -> i.name() + "/" + i.required())
        .containsExactly("Credential report/true", "Sign-in and API logs/true");
  }

  @Test
  void jsonItemsMayBeOptional() {
    assertThat(EvidenceCollectionDelegates.items(
        "[{\"name\": \"Memory image\", \"required\": false}, \"Disk image\"]", json))
        .extracting(i -> i.name() + "/" + i.required())
        .containsExactly("Memory image/false", "Disk image/true");
    assertThat(EvidenceCollectionDelegates.items(List.of("Ransom note"), json)).hasSize(1);
  }

  @Test
  void emptyOrDuplicateListsAreRefused() {
    assertThatThrownBy(() -> EvidenceCollectionDelegates.items(" ; ", json)).hasMessageContaining("non-empty");
    assertThatThrownBy(() -> EvidenceCollectionDelegates.items("Logs;logs", json)).hasMessageContaining("twice");
  }
}
