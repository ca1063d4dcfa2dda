package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.irfoundation.IrSpringBootTest;
import org.irfoundation.incident.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Verified credentials and groups are reused, and forgotten the moment a password, user or membership changes
 * through the engine: the app's Java calls, the engine REST API and Admin alike.
 */
@IrSpringBootTest
class CredentialCacheTest {

  static final String PASSWORD = "Secret-pw-2026";
  static final String NEW_PASSWORD = "Changed-pw-2027";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired CredentialCache cache;

  @Test
  void aChangedPasswordAnswers401AtOnceAndTheNewOneWorks() {
    createUser("cache-user1", Roles.LEGAL);
    assertThat(me("cache-user1", PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me("cache-user1", PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK); // from the cache
    assertThat(cache.size()).isPositive();

    User user = identityService.createUserQuery().userId("cache-user1").singleResult();
    user.setPassword(NEW_PASSWORD);
    identityService.saveUser(user);

    assertThat(me("cache-user1", PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(me("cache-user1", NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aPasswordChangedThroughTheEngineRestApiAnswers401AtOnce() {
    createUser("cache-user2", Roles.LEGAL);
    assertThat(me("cache-user2", PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> changed = rest.withBasicAuth(IrSpringBootTest.ADMIN, IrSpringBootTest.ADMIN_PASSWORD)
        .exchange("/engine-rest/user/cache-user2/credentials", HttpMethod.PUT, new HttpEntity<>(Map.of(
            "password", NEW_PASSWORD, "authenticatedUserPassword", IrSpringBootTest.ADMIN_PASSWORD), headers),
            String.class);
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(me("cache-user2", PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(me("cache-user2", NEW_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRemovedMembershipOrDeletedUserIsSeenAtOnce() {
    createUser("cache-user3", Roles.LEGAL);
    identityService.createMembership("cache-user3", Roles.COMMUNICATIONS);
    assertThat(groups("cache-user3")).contains(Roles.LEGAL, Roles.COMMUNICATIONS);

    identityService.deleteMembership("cache-user3", Roles.COMMUNICATIONS);
    assertThat(groups("cache-user3")).containsExactly(Roles.LEGAL);

    identityService.deleteUser("cache-user3");
    assertThat(me("cache-user3", PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIsNeverCached() {
    createUser("cache-user4", Roles.LEGAL);
    long before = cache.size();
    assertThat(me("cache-user4", "Wrong-pw-2026").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(cache.size()).isEqualTo(before);
  }

  private List<String> groups(String user) {
    ResponseEntity<Map> me = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/me", Map.class);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    return (List<String>) me.getBody().get("groups");
  }

  private ResponseEntity<String> me(String user, String password) {
    return rest.withBasicAuth(user, password).getForEntity("/api/me", String.class);
  }

  private void createUser(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }
}
