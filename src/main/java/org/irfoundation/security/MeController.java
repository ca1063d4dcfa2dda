package org.irfoundation.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the API sees, for scripts checking their credentials. */
@RestController
public class MeController {

  public record Me(String user, List<String> groups) {}

  @GetMapping("/api/me")
  public Me me(Authentication authentication) {
    return new Me(authentication.getName(), CamundaIdentityAuthenticationProvider.groupIds(authentication));
  }
}
