package org.irfoundation.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every bad input to {@code /api} answers 400 with RFC 9457 problem details that name the field
 * ({@code errors: [{field, message}]}), and nothing is started or stored.
 */
@RestControllerAdvice(basePackages = "org.irfoundation")
public class ApiProblems extends ResponseEntityExceptionHandler {

  public record FieldProblem(String field, String message) {}

  /** Thrown by code that validates input itself (e.g. the elements of an alert batch). */
  public static class BadInput extends RuntimeException {
    private final transient List<FieldProblem> errors;

    public BadInput(List<FieldProblem> errors) {
      super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
      this.errors = errors;
    }

    public List<FieldProblem> errors() {
      return errors;
    }
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(BadInput.class)
  ResponseEntity<Object> badInput(BadInput e) {
    return ResponseEntity.badRequest().body(problem(e.errors()));
  }

  /** A form the multipart parser cannot read (e.g. a NUL in a file name): the caller's fault, not a 500. */
  @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<Object> unreadableForm(org.springframework.web.multipart.MultipartException e) {
    return ResponseEntity.badRequest().body(problem(List.of(new FieldProblem("(body)",
        "not a readable multipart form (a part or its header is malformed)"))));
  }

  /**
   * An Accept header that is no list of media types (the report endpoints read it). Written as is: content
   * negotiation would read the same header again and fail.
   */
  @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.http.InvalidMediaTypeException.class)
  void unreadableAccept(org.springframework.http.InvalidMediaTypeException e,
      jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
        + "\"detail\":\"Invalid request: Accept is not a list of media types\","
        + "\"errors\":[{\"field\":\"Accept\",\"message\":\"is not a list of media types\"}]}");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), message(f))).toList();
    return ResponseEntity.badRequest().body(problem(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream()
            .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(problem(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(problem(List.of(unreadable(e))));
  }

  /** Names the field of a JSON body that could not be read, with what was wrong with it. */
  public static FieldProblem unreadable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
        return new FieldProblem("(body)", tooLarge.getMessage());
      }
    }
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldProblem(path(unknown), "unknown field");
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      return new FieldProblem(path(invalid), "'" + invalid.getValue() + "' is not one of "
          + Arrays.toString(invalid.getTargetType().getEnumConstants()));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new FieldProblem(path(mapping), "wrong type or format: " + mapping.getOriginalMessage());
    }
    return new FieldProblem("(body)", "not readable as JSON"
        + (cause == null || cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage())));
  }

  /** The 400 answer for {@code errors}; for handlers of their own input errors, e.g. the evidence API's. */
  public static ProblemDetail problem(List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: "
        + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(body)" : path.toString();
  }

  private static String message(@Nullable FieldError error) {
    return error == null || error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
