package org.irfoundation.evidence;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.irfoundation.evidence.EvidenceProperties.S3;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the evidence store and sizes file uploads from {@code irf.evidence.*}. */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

  /** {@code /actuator/health/evidence}: the contributor's name comes from its bean's. */
  public static final String HEALTH = "evidence";

  /** Room for the form fields next to the file (description, collectedBy, …). */
  static final long FORM_FIELDS_ALLOWANCE = 1024 * 1024;

  /**
   * The app's multipart limits follow {@code irf.evidence.max-file-size} (replacing
   * {@code spring.servlet.multipart.max-file-size}/{@code max-request-size}): every part goes to disk at once
   * (threshold 0), into the evidence spool folder rather than a possibly memory-backed /tmp.
   */
  @Bean
  MultipartConfigElement multipartConfigElement(EvidenceProperties evidence) {
    try {
      Files.createDirectories(evidence.spoolDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the evidence spool folder " + evidence.spoolDir(), e);
    }
    long maxFile = evidence.maxFileSize().toBytes();
    return new MultipartConfigElement(evidence.spoolDir().toString(), maxFile,
        maxFile + FORM_FIELDS_ALLOWANCE, 0);
  }

  @Bean
  EvidenceStore evidenceStore(EvidenceProperties evidence) {
    if (evidence.store() == EvidenceProperties.StoreType.S3) {
      S3 config = evidence.s3();
      S3EvidenceStore store = new S3EvidenceStore(s3Client(config), config.bucket(), config.prefix(),
          config.objectLock(), evidence.spoolDir(), Clock.systemUTC());
      store.checkBucket();
      return store;
    }
    return new FilesystemEvidenceStore(evidence.filesystem().root());
  }

  /** Whether the evidence store takes files: the store's own check. */
  @Bean
  HealthIndicator evidenceHealthIndicator(EvidenceStore store) {
    return store::health;
  }

  /** A blocking S3 client (Apache HTTP 5, no Netty) for the configured bucket and endpoint. */
  static S3Client s3Client(S3 config) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(Apache5HttpClient.builder())
        .region(Region.of(config.region()))
        .forcePathStyle(config.pathStyle())
        // the store sends its own SHA-256 (computed while spooling); no second checksum in a trailer
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(config.accessKeyId() == null || config.accessKeyId().isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())));
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    return builder.build();
  }
}
