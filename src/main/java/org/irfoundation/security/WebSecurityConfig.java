package org.irfoundation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The APIs ({@code /api}, {@code /engine-rest}, {@code /actuator}) take HTTP Basic or an API
 * token ({@code Authorization: Bearer}) on every request, stateless, with the user handed on to Camunda's
 * authorization checks; failed sign-ins are throttled per source address. The webapps keep
 * their own session login and CSRF protection; only their first-run setup endpoint is closed for good.
 */
@Configuration
public class WebSecurityConfig {

  /**
   * Admin's first-run setup creates an administrator whenever camunda-admin has no direct member
   * (CVE-2026-77226 in 7.24.0). The first administrator is created at start-up here, so it is never needed.
   */
  static final String WEBAPP_SETUP = "/camunda/api/admin/setup/**";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper objectMapper,
      SourceThrottle throttle, ApiTokens tokens) throws Exception {
    ProblemResponses problems = new ProblemResponses(objectMapper);
    // path patterns on the whole request path: /engine-rest is Jersey's servlet, not the DispatcherServlet
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/actuator/health"), path("/actuator/health/liveness"),
                path("/actuator/health/readiness"))
            .permitAll()
            // tokens never reach this (no scope names it): managing credentials takes a person's sign-in
            .requestMatchers(path("/api/tokens/**")).hasAuthority(
                CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM)
            .authenticationEntryPoint(problems.unauthorized()))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(problems.unauthorized())
            .accessDeniedHandler(problems.forbidden()))
        // no cookies or sessions on the APIs, so there is nothing for a cross-site request to ride on
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // the throttle before any password is checked; tokens (Authorization: Bearer) before HTTP Basic
        .addFilterBefore(new SourceThrottleFilter(throttle, problems), LogoutFilter.class)
        .addFilterBefore(new BearerTokenFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
        .addFilterAfter(new CamundaAuthenticationContextFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http, ObjectMapper objectMapper, SourceThrottle throttle)
      throws Exception {
    ProblemResponses problems = new ProblemResponses(objectMapper);
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers(path(WEBAPP_SETUP)).denyAll()
            // Tasklist, Cockpit and Admin authenticate themselves (session login) and check authorizations
            .anyRequest().permitAll())
        .exceptionHandling(ex -> ex.accessDeniedHandler(problems.forbidden())
            .authenticationEntryPoint((request, response, e) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "This request is not allowed.")))
        // the webapps send and check their own CSRF token (Camunda's CsrfPreventionFilter)
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        // the webapps' login form checks passwords too: the same throttle by source
        .addFilterBefore(new SourceThrottleFilter(throttle, problems), LogoutFilter.class)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable);
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
