package org.irfoundation.response;

import java.time.LocalDate;

/** One line of a review's lessons, checked ({@link LessonLines}): what it becomes as an {@link Improvement}. */
public record Lesson(int line, String text, String changesKind, String changesRef, String owner, LocalDate due) {}
