package org.irfoundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.irfoundation.IrSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The webapps' customisation points as the 7.24 starter serves them to a logged-in browser: the product name, the
 * logo, and the line that replaces the end-of-life banner, whose page tells the same as the README.
 */
@IrSpringBootTest
class WebappBrandingTest {

  static final String SECTION = "Security hardening (Camunda 7.24 CE receives no more security fixes)";

  @Autowired TestRestTemplate rest;

  @Test
  void everyWebappServesTheProductsConfigStylesAndSupportLine() {
    HttpHeaders session = login();
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      String base = "/camunda/app/" + app;
      ResponseEntity<String> config = get(base + "/scripts/config.js", session);
      assertThat(config.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      assertThat(config.getBody()).as(app).contains("vendor: 'IR Foundation'").contains("irf-support-line.js'");
      // one stylesheet and one script for all four, in the welcome app
      assertThat(get(base + "/styles/user-styles.css", session).getBody()).as(app)
          .contains("@import url(\"../../welcome/styles/irf-branding.css\")");
    }
    assertThat(get("/camunda/app/welcome/styles/irf-branding.css", session).getBody()).contains("irf-logo.svg")
        .contains(".ce-eol-banner");
    assertThat(get("/camunda/app/welcome/scripts/irf-support-line.js", session).getBody())
        .contains("engine-support.html");
    assertThat(get("/camunda/app/tasklist/scripts/config.js", session).getBody()).contains("claimTask")
        .contains("'scripts/irf-default-sort.js'");
    // Tasklist's own default is "created": the script makes it the filters' order
    assertThat(get("/camunda/app/tasklist/scripts/irf-default-sort.js", session).getBody())
        .contains("sortBy: 'priority', sortOrder: 'desc'").contains("sortBy: 'dueDate', sortOrder: 'asc'");
    ResponseEntity<String> logo = get("/camunda/app/welcome/styles/irf-logo.svg", session);
    assertThat(logo.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(logo.getBody()).contains("<svg");
    ResponseEntity<String> support = get("/camunda/app/welcome/engine-support.html", session);
    assertThat(support.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(support.getBody()).contains("last community release").contains("Operaton").contains("Camunda 8")
        .contains(SECTION);
  }

  @Test
  void theReadmeHasTheSectionTheSupportLineNames() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("## " + SECTION).contains("last community release").contains("Operaton");
  }

  private HttpHeaders login() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies(page.getHeaders()));
    headers.add("X-XSRF-TOKEN", token);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", IrSpringBootTest.ADMIN);
    form.add("password", IrSpringBootTest.ADMIN_PASSWORD);
    ResponseEntity<Map> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers), Map.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpHeaders session = new HttpHeaders();
    String renewed = cookies(login.getHeaders());
    session.add(HttpHeaders.COOKIE, renewed.isEmpty() ? headers.getFirst(HttpHeaders.COOKIE) : renewed);
    return session;
  }

  private ResponseEntity<String> get(String path, HttpHeaders session) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class);
  }

  private static String cookies(HttpHeaders headers) {
    return String.join("; ", headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0])
        .toList());
  }
}
