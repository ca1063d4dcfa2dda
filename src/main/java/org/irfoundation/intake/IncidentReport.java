package org.irfoundation.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.irfoundation.incident.DataScope;

/**
 * {@code POST /api/incidents}: an incident as a person or a detection tool reports it. Impact follows
 * NIST SP 800-61r2; missing impact and indicator fields mean NONE / REGULAR / false / 0. {@code restricted}: an
 * insider, HR or legal matter, seen only by the people the IR lead names (and the IR lead).
 */
public record IncidentReport(
    @NotBlank @Size(max = 200) String title,
    @Size(max = 10_000) String description,
    @NotNull Category category,
    Domain domain,
    @NotNull @PastOrPresent Instant detectedAt,
    @PastOrPresent Instant awareAt,
    @Size(max = 200) String reporter,
    @Size(max = 100) String source,
    @Size(min = 1, max = 200) String externalRef,
    @Valid Impact impact,
    @Valid Indicators indicators,
    @Valid DataSubjects dataSubjects,
    @Size(max = 1000) List<@NotBlank @Size(max = 500) String> affectedAssets,
    @Size(max = 1000) List<@NotBlank @Size(max = 500) String> affectedUsers,
    Boolean restricted) {

  public IncidentReport {
    impact = impact == null ? Impact.NONE : impact;
    indicators = indicators == null ? Indicators.NONE : indicators;
    affectedAssets = affectedAssets == null ? List.of() : affectedAssets;
    affectedUsers = affectedUsers == null ? List.of() : affectedUsers;
    restricted = Boolean.TRUE.equals(restricted);
  }

  public enum Category { COMPROMISED_ACCOUNT, MALWARE, RANSOMWARE, DATA_BREACH, UNKNOWN }

  /** The AWS incident domains. */
  public enum Domain { SERVICE, INFRASTRUCTURE, APPLICATION }

  public enum FunctionalImpact { NONE, LOW, MEDIUM, HIGH }

  public enum InformationImpact { NONE, PRIVACY, PROPRIETARY, INTEGRITY }

  public enum Recoverability { REGULAR, SUPPLEMENTED, EXTENDED, NOT_RECOVERABLE }

  public record Impact(FunctionalImpact functional, InformationImpact information, Recoverability recoverability) {
    public static final Impact NONE = new Impact(null, null, null);

    public Impact {
      functional = functional == null ? FunctionalImpact.NONE : functional;
      information = information == null ? InformationImpact.NONE : information;
      recoverability = recoverability == null ? Recoverability.REGULAR : recoverability;
    }
  }

  /** Triage indicators (AWS triage guide); each one may raise the severity. */
  public record Indicators(Boolean actorActive, Boolean exfiltration, Boolean privilegedAccount, Boolean rootAccount,
      @PositiveOrZero @jakarta.validation.constraints.Max(10_000_000) Integer accountsAffected,
      Boolean productionAffected, Boolean encryptionObserved, Boolean personalData, Boolean credentialsPublic,
      Boolean persistenceFound, Boolean lateralMovement) {

    public static final Indicators NONE =
        new Indicators(null, null, null, null, null, null, null, null, null, null, null);

    public Indicators {
      actorActive = Boolean.TRUE.equals(actorActive);
      exfiltration = Boolean.TRUE.equals(exfiltration);
      privilegedAccount = Boolean.TRUE.equals(privilegedAccount);
      rootAccount = Boolean.TRUE.equals(rootAccount);
      accountsAffected = accountsAffected == null ? 0 : accountsAffected;
      productionAffected = Boolean.TRUE.equals(productionAffected);
      encryptionObserved = Boolean.TRUE.equals(encryptionObserved);
      personalData = Boolean.TRUE.equals(personalData);
      credentialsPublic = Boolean.TRUE.equals(credentialsPublic);
      persistenceFound = Boolean.TRUE.equals(persistenceFound);
      lateralMovement = Boolean.TRUE.equals(lateralMovement);
    }

    /** Everything either side observed: an alert can only add to what is known. */
    public Indicators union(Indicators other) {
      return new Indicators(actorActive || other.actorActive, exfiltration || other.exfiltration,
          privilegedAccount || other.privilegedAccount, rootAccount || other.rootAccount,
          Math.max(accountsAffected, other.accountsAffected), productionAffected || other.productionAffected,
          encryptionObserved || other.encryptionObserved, personalData || other.personalData,
          credentialsPublic || other.credentialsPublic, persistenceFound || other.persistenceFound,
          lateralMovement || other.lateralMovement);
    }
  }

  /**
   * Whose data: how many people, where they live ({@code residents}: counts per jurisdiction, {@code "EU"} for the
   * EU/EEA, {@code "US-CA"} for a US state; {@code jurisdictions} when only the places are known), and the kinds of
   * data ({@code PII}, {@code PHI} health data, {@code PAN} card numbers...).
   */
  public record DataSubjects(
      @PositiveOrZero Long count,
      @Size(max = 300) List<@NotBlank @Size(max = 20) String> jurisdictions,
      @Size(max = 50) List<@NotBlank @Size(max = 40) String> dataTypes,
      @Size(max = 300) Map<@Pattern(regexp = "EU|[A-Z]{2}(-[A-Z0-9]{1,3})?",
          message = "must be EU, a country code (DE) or a subdivision (US-CA)") String,
          @NotNull @PositiveOrZero Long> residents) {

    /** "EU" or a member state of the EU/EEA (GDPR applies to all of them). */
    static final Set<String> EEA = Set.of("EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
        "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    /** What the obligations table reads of it. */
    public DataScope scope(boolean personalData) {
      Map<String, Long> byPlace = residents == null ? Map.of() : residents;
      List<String> places = jurisdictions == null ? List.of() : jurisdictions;
      List<String> kinds = dataTypes == null ? List.of() : dataTypes.stream().map(k -> k.toUpperCase(Locale.ROOT)).toList();
      long eu = byPlace.entrySet().stream().filter(e -> EEA.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
      if (eu == 0 && places.stream().anyMatch(EEA::contains)) {
        eu = 1; // residents named without a count: at least one
      }
      long california = byPlace.getOrDefault("US-CA", places.contains("US-CA") ? 1L : 0L);
      long oneState = byPlace.entrySet().stream().filter(e -> e.getKey().startsWith("US-"))
          .mapToLong(Map.Entry::getValue).max().orElse(california);
      long people = count != null ? count : byPlace.values().stream().mapToLong(Long::longValue).sum();
      return new DataScope(personalData, eu, california, oneState, people,
          kinds.contains("PHI") || kinds.contains("HEALTH"), kinds.contains("PAN") || kinds.contains("CARD"));
    }
  }
}
