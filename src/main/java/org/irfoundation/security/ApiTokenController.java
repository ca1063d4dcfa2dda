package org.irfoundation.security;

import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tokens}: API tokens for integrations, for administrators ({@code camunda-admin}) signed in with their
 * password (WebSecurityConfig). The secret is in the 201 answer only.
 */
@RestController
@RequestMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApiTokenController {

  private final ApiTokens tokens;

  public ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ApiTokens.Created> create(@RequestBody ApiTokens.CreateRequest request,
      Authentication authentication) {
    ApiTokens.Created created = tokens.create(request, authentication.getName());
    return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).body(created);
  }

  @GetMapping
  public List<ApiTokens.Listed> list() {
    return tokens.list();
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> revoke(@PathVariable String id, Authentication authentication) {
    tokens.revoke(id, authentication.getName());
    return ResponseEntity.noContent().build();
  }
}
