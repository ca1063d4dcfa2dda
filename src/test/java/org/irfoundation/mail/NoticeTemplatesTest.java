package org.irfoundation.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.irfoundation.templates.CommunicationTemplates;
import org.irfoundation.templates.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The notices rendered from {@code templates/notices/*.mustache}, word for word, for an incident with every fact
 * known and for one that has no SLAs, groups, ticket or war room yet. The expected texts in
 * {@code src/test/resources/notice-expected/} are what the notices said before they moved into templates.
 */
class NoticeTemplatesTest {

  static final Path EXPECTED = Path.of("src/test/resources/notice-expected");

  static final NoticeKind.Facts FULL = new NoticeKind.Facts("INC-2026-0042", "Root key used from TOR", "P1", "PT1H",
      "ir-lead,ir-analyst,legal", "PT15M", "PT30M", "IRF-7", "WR-7");
  static final NoticeKind.Facts SPARSE = new NoticeKind.Facts("INC-2026-0042", "Root key used from TOR", "P3", null,
      null, null, null, null, null);

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void everyKindSaysWhatItSaidBefore(NoticeKind kind) throws IOException {
    assertThat(text(kind.render(FULL))).isEqualTo(expected(kind, "full"));
    assertThat(text(kind.render(SPARSE))).isEqualTo(expected(kind, "sparse"));
  }

  @Test
  void everyKindHasItsTemplateAndNoTemplateIsLeftOver() throws IOException {
    NoticeKind.requireTemplates();
    try (var files = Files.list(Path.of("src/main/resources/templates/notices"))) {
      assertThat(files.map(f -> "notices/" + f.getFileName().toString().replace(".mustache", ""))
          .filter(name -> !name.equals("notices/frame")))
          .containsExactlyInAnyOrderElementsOf(Arrays.stream(NoticeKind.values()).map(NoticeKind::template).toList());
    }
  }

  @Test
  void aMissingTemplateFailsNamingItsFile() {
    assertThatThrownBy(() -> new CommunicationTemplates().require("notices/no-such-kind"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("/templates/notices/no-such-kind.mustache");
  }

  private static String text(RenderedMessage message) {
    return "Subject: " + message.subject() + "\n" + message.body();
  }

  private static String expected(NoticeKind kind, String facts) throws IOException {
    String name = kind.template().substring("notices/".length()) + "-" + facts + ".txt";
    return Files.readString(EXPECTED.resolve(name), StandardCharsets.UTF_8);
  }
}
