package org.irfoundation.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API answers a refused start with 500 (it wraps whatever a start listener throws), so a start or
 * start-form submission of one of the product's own processes is answered here, after authentication, with 400 and
 * the reason, before the engine is asked. {@link IntakeOnlyStarts} still guards every other way in.
 */
@Component
public class IntakeOnlyRestStarts extends OncePerRequestFilter {

  /** By key ({@code key/incident-response[/tenant-id/t]/start}) or by id ({@code incident-response:3:uuid/start}). */
  static final Pattern START = Pattern.compile(
      "/engine-rest/process-definition/(?:key/([^/:]+)(?:/tenant-id/[^/]+)?|([^/:]+)(?::|%3A)[^/]*)/(?:start|submit-form)");

  private final ObjectMapper json;

  public IntakeOnlyRestStarts(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/engine-rest/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher start = START.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    String key = !start.matches() ? null : start.group(1) != null ? start.group(1) : start.group(2);
    if (key == null || !IntakeOnlyStarts.PRODUCT_ONLY.contains(key)) {
      chain.doFilter(request, response);
      return;
    }
    String reason = IntakeOnlyStarts.refusal(key, null).getMessage();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
