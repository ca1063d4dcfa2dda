package org.irfoundation.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.irfoundation.evidence.EvidenceException.InvalidInput;
import org.irfoundation.evidence.EvidenceException.Problem;
import org.irfoundation.evidence.EvidenceRegistration.Metadata;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The multipart form of an upload ({@code POST …/evidence}, documented as {@link EvidenceViews.UploadForm}), read
 * and checked: its parts, the file, and the fields. Problems name the form's fields.
 */
record EvidenceUploadForm(MultipartFile file, Metadata metadata) {

  static final String FILE = "file";
  static final String DESCRIPTION = "description";
  static final String COLLECTED_BY = "collectedBy";
  static final String COLLECTED_AT = "collectedAt";
  static final String SOURCE_SYSTEM = "sourceSystem";
  static final String COLLECTION_METHOD = "collectionMethod";
  static final String ITEM = "item";
  static final Set<String> FIELDS = Set.of(DESCRIPTION, COLLECTED_BY, COLLECTED_AT, SOURCE_SYSTEM,
      COLLECTION_METHOD, ITEM);
  /** Clock skew allowed for a collection time "now" on the collector's machine. */
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  /**
   * The form of {@code request}; {@link InvalidInput} for unknown parts or more than one file (refused like unknown
   * JSON fields), then for every field that is missing or wrong.
   */
  static EvidenceUploadForm read(MultipartHttpServletRequest request) {
    List<Problem> problems = new ArrayList<>();
    request.getMultiFileMap().forEach((name, files) -> {
      if (!FILE.equals(name)) {
        problems.add(new Problem(name, "unknown field"));
      } else if (files.size() > 1) {
        problems.add(new Problem(FILE, "one file per upload"));
      }
    });
    request.getParameterMap().forEach((name, values) -> {
      if (FILE.equals(name)) {
        problems.add(new Problem(FILE, "must be a file part (with a file name)"));
      } else if (!FIELDS.contains(name)) {
        problems.add(new Problem(name, "unknown field"));
      } else if (values.length > 1) {
        problems.add(new Problem(name, "given more than once"));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    MultipartFile file = request.getFile(FILE);
    return new EvidenceUploadForm(file, metadata(file, request, problems));
  }

  private static Metadata metadata(MultipartFile file, MultipartHttpServletRequest request, List<Problem> problems) {
    String fileName = null;
    if (file == null) {
      problems.add(new Problem(FILE, "is required"));
    } else {
      fileName = file.getOriginalFilename();
      String nameProblem = EvidenceInput.fileNameProblem(fileName);
      if (nameProblem != null) {
        problems.add(new Problem(FILE, nameProblem));
      } else if (file.isEmpty()) {
        problems.add(new Problem(FILE, "is empty"));
      }
    }
    String description = text(request, DESCRIPTION, 2000, true, problems);
    String collectedBy = text(request, COLLECTED_BY, 200, false, problems);
    String sourceSystem = text(request, SOURCE_SYSTEM, 200, false, problems);
    String method = text(request, COLLECTION_METHOD, 200, false, problems);
    String item = text(request, ITEM, 100, false, problems);
    ZonedDateTime collectedAt = null;
    String at = text(request, COLLECTED_AT, 100, true, problems);
    if (at != null) {
      try {
        collectedAt = ZonedDateTime.parse(at, DateTimeFormatter.ISO_ZONED_DATE_TIME);
        if (collectedAt.toInstant().isAfter(Instant.now().plus(FUTURE_TOLERANCE))) {
          problems.add(new Problem(COLLECTED_AT, "is in the future"));
        }
      } catch (DateTimeParseException e) {
        problems.add(new Problem(COLLECTED_AT,
            "must be ISO-8601 with an offset or zone, e.g. 2026-11-28T09:12:00+01:00[Europe/Berlin]"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return new Metadata(fileName, EvidenceInput.clip(file.getContentType(), 200), description, collectedBy,
        collectedAt, sourceSystem, method, item);
  }

  private static String text(MultipartHttpServletRequest request, String field, int max, boolean required,
      List<Problem> problems) {
    return EvidenceInput.text(request.getParameter(field), field, max, required, problems);
  }
}
