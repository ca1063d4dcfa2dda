package org.irfoundation.intake;

import org.irfoundation.incident.IncidentAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How every endpoint that shows an incident answers a caller who may not see (that much of) it: 404 as for an
 * unknown id when they may not see it at all, so ids cannot be probed; 403 when they may see less than asked.
 */
@RestControllerAdvice(basePackages = "org.irfoundation")
public class IncidentProblems {

  @ExceptionHandler(IncidentAccessException.class)
  ResponseEntity<ProblemDetail> notForYou(IncidentAccessException e) {
    HttpStatus status = e.hidden() ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
  }
}
