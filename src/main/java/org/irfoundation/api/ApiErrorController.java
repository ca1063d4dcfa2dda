package org.irfoundation.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors of {@code /api} that no controller answered (415 or 405 before a handler is chosen, a request the firewall
 * rejects, a failure in a filter) get problem details like every other answer of the API; other paths keep Spring
 * Boot's error answer.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ApiErrorController extends BasicErrorController {

  public ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
  }

  @Override
  @RequestMapping
  @SuppressWarnings({"unchecked", "rawtypes"})
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri == null || !uri.toString().startsWith(request.getContextPath() + "/api/")) {
      return super.error(request);
    }
    HttpStatus status = getStatus(request);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request was refused: "
        + status.getReasonPhrase() + ".");
    return (ResponseEntity) ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
