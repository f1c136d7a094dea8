package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rcrp.handover.operations.EngineClock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The default clocks (docs/domain.md, Timescales) as the models read them. */
class SlaPolicyTest {

    private final SlaPolicy defaults = new SlaPolicy(SlaProperties.defaults(), EngineClock.INSTANCE);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** SlaProperties with every clock at its default except the ones given. */
    private static SlaProperties with(Duration reminder, Duration acknowledgement, Map<Agency, Duration> outcomeByAgency) {
        return new SlaProperties(null, null, null, null, reminder, acknowledgement, null, outcomeByAgency,
                null, null, null, null, null, null);
    }

    // ---------------------------------------------------------------------------------------------
    // Defaults
    // ---------------------------------------------------------------------------------------------

    @Test
    void defaultClocksAreThoseOfTheDomain() {
        assertThat(defaults.triage()).isEqualTo("PT10M");
        assertThat(defaults.attendance("IMMEDIATE", true)).isEqualTo("PT15M");
        assertThat(defaults.attendance("IMMEDIATE", false)).isEqualTo("PT20M");
        assertThat(defaults.attendance("PRIORITY", true)).isEqualTo("PT1H");
        assertThat(defaults.partnerReminder()).isEqualTo("PT20M");
        assertThat(defaults.partnerAcknowledgement()).isEqualTo("PT30M");
        assertThat(defaults.partnerOutcome(null)).isEqualTo("PT4H");
        assertThat(defaults.supervisorReview()).isEqualTo("PT1H");
        assertThat(defaults.callerInformed()).isEqualTo("PT30M");
        assertThat(defaults.handover()).isEqualTo("PT1H");
        assertThat(defaults.detentionLimit()).isEqualTo("PT24H");
        assertThat(defaults.missingPersonAssessment()).isEqualTo("PT1H");
        assertThat(defaults.triageDuration(Source.PUBLIC_999)).isEqualTo(Duration.ofMinutes(2));
    }

    // ---------------------------------------------------------------------------------------------
    // Triage: a 999 call has its own, shorter clock
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PUBLIC_999, PT2M", "PUBLIC_101, PT10M", "PARTNER, PT10M", "NHS111, PT10M"})
    void a999CallHasTheShorterTriageClockEveryOtherCallTheUsualOne(Source source, String clock) {
        assertThat(defaults.triageDuration(source)).isEqualTo(Duration.parse(clock));
    }

    @Test
    void aCaseWithoutASourceHasTheUsualTriageClock() {
        assertThat(defaults.triageDuration(null)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void the999TriageClockIsConfiguredByItsOwnProperty() throws Exception {
        List<PropertySource<?>> sources = new java.util.ArrayList<>();
        sources.add(new org.springframework.core.env.SystemEnvironmentPropertySource(
                org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("RCRP_SLA_TRIAGE999", "PT90S")));
        sources.addAll(new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml")));

        SlaPolicy bound = new SlaPolicy(new Binder(ConfigurationPropertySources.from(sources))
                .bind("rcrp.sla", SlaProperties.class).get(), EngineClock.INSTANCE);

        assertThat(bound.triageDuration(Source.PUBLIC_999)).isEqualTo(Duration.ofSeconds(90));
        assertThat(bound.triageDuration(Source.PUBLIC_101)).isEqualTo(Duration.ofMinutes(10));
        assertThat(new Binder(ConfigurationPropertySources.from(new org.springframework.core.env.MapPropertySource("test",
                Map.of("rcrp.sla.triage-999", "PT1M")))).bind("rcrp.sla", SlaProperties.class).get().triage999())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void defaultPropertiesHaveNoPerAgencyOutcomeClocks() {
        assertThat(SlaProperties.defaults().partnerOutcomeByAgency()).isEmpty();
    }

    @Test
    void theDefaultsAreWrittenOnceInSlaPropertiesNotAgainInApplicationYaml() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml"));
        assertThat(new Binder(ConfigurationPropertySources.from(yaml)).bind("rcrp.sla", SlaProperties.class).isBound())
                .as("rcrp.sla in application.yaml").isFalse();
    }

    @Test
    void environmentVariablesOverrideAnyClockAsTheContractPromises() throws Exception {
        List<PropertySource<?>> sources = new java.util.ArrayList<>();
        sources.add(new org.springframework.core.env.SystemEnvironmentPropertySource(
                org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "RCRP_SLA_PARTNERACKNOWLEDGEMENT", "PT10S",
                "RCRP_SLA_PARTNERREMINDER", "PT5S",
                "RCRP_SLA_ATTENDANCEIMMEDIATEURBAN", "PT12M",
                "RCRP_SLA_PARTNEROUTCOMEBYAGENCY_AMBULANCE", "PT2H")));
        sources.addAll(new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml")));

        SlaPolicy bound = new SlaPolicy(new Binder(ConfigurationPropertySources.from(sources))
                .bind("rcrp.sla", SlaProperties.class).get(), EngineClock.INSTANCE);

        assertThat(bound.partnerAcknowledgement()).isEqualTo("PT10S");
        assertThat(bound.partnerReminder()).isEqualTo("PT5S");
        assertThat(bound.attendance("IMMEDIATE", true)).isEqualTo("PT12M");
        assertThat(bound.partnerOutcome("AMBULANCE")).isEqualTo("PT2H");
        assertThat(bound.partnerOutcome("MENTAL_HEALTH")).isEqualTo("PT4H");
    }

    // ---------------------------------------------------------------------------------------------
    // Attendance
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "grade {0}, urban {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "IMMEDIATE, true,  PT15M",
            "IMMEDIATE, false, PT20M",
            "IMMEDIATE, null,  PT15M",
            "PRIORITY,  true,  PT1H",
            "PRIORITY,  false, PT1H",
            "PRIORITY,  null,  PT1H",
            "null,      true,  PT15M",
            "null,      false, PT20M",
            "null,      null,  PT15M",
    })
    void attendanceClockByGradeAndLocation(String grade, Boolean urban, String expected) {
        assertThat(defaults.attendance(grade, urban)).isEqualTo(expected);
    }

    @Test
    void anUnknownLocationGetsTheShorterUrbanClock() {
        assertThat(defaults.attendance("IMMEDIATE", null)).isEqualTo("PT15M");
    }

    @Test
    void aMissingGradeGetsTheImmediateClock() {
        assertThat(defaults.attendance(null, true)).isEqualTo("PT15M");
        assertThat(defaults.attendance(null, false)).isEqualTo("PT20M");
    }

    @Test
    void attendanceAcceptsTheGradeEnumAsWellAsItsName() {
        assertThat(defaults.attendance(Grade.PRIORITY, Boolean.FALSE)).isEqualTo("PT1H");
    }

    // ---------------------------------------------------------------------------------------------
    // Partner outcome per agency
    // ---------------------------------------------------------------------------------------------

    @Test
    void anAgencyWithItsOwnOutcomeClockGetsIt() {
        SlaPolicy policy = new SlaPolicy(with(null, null, Map.of(Agency.SOCIAL_CARE, Duration.ofHours(24))), EngineClock.INSTANCE);
        assertThat(policy.partnerOutcome("SOCIAL_CARE")).isEqualTo("PT24H");
        assertThat(policy.partnerOutcome(Agency.SOCIAL_CARE)).isEqualTo("PT24H");
    }

    @Test
    void otherAgenciesKeepTheGeneralOutcomeClock() {
        SlaPolicy policy = new SlaPolicy(with(null, null, Map.of(Agency.SOCIAL_CARE, Duration.ofHours(24))), EngineClock.INSTANCE);
        assertThat(policy.partnerOutcome("MENTAL_HEALTH")).isEqualTo("PT4H");
        assertThat(policy.partnerOutcome(null)).isEqualTo("PT4H");
    }

    // ---------------------------------------------------------------------------------------------
    // Due dates follow engine time
    // ---------------------------------------------------------------------------------------------

    @Test
    void dueDatesCountFromTheEngineClock() {
        Date now = new Date(1_795_000_000_000L);
        ClockUtil.setCurrentTime(now);
        assertThat(defaults.due("PT30M")).isEqualTo(new Date(now.getTime() + Duration.ofMinutes(30).toMillis()));
        assertThat(defaults.due(defaults.detentionLimit())).isEqualTo(new Date(now.getTime() + Duration.ofHours(24).toMillis()));
    }

    @Test
    void dueDatesMoveWithTheEngineClock() {
        Date now = new Date(1_795_000_000_000L);
        ClockUtil.setCurrentTime(now);
        Date first = defaults.due("PT1H");
        ClockUtil.setCurrentTime(new Date(now.getTime() + Duration.ofMinutes(10).toMillis()));
        assertThat(defaults.due("PT1H")).isEqualTo(new Date(first.getTime() + Duration.ofMinutes(10).toMillis()));
    }

    // ---------------------------------------------------------------------------------------------
    // Properties refuse clocks that make no sense
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT0S", "-PT1M", "PT-1H"})
    void everyClockMustBePositive(String value) {
        Duration bad = Duration.parse(value);
        for (int position = 0; position < 12; position++) {
            if (position == 7) {
                continue; // partnerOutcomeByAgency is a map, checked below
            }
            Object[] arguments = new Object[12];
            arguments[position] = bad;
            int clock = position;
            assertThatThrownBy(() -> newProperties(arguments))
                    .as("clock #%d = %s", clock, value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be positive");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT0S", "-PT1M"})
    void aPerAgencyOutcomeClockMustBePositive(String value) {
        Map<Agency, Duration> byAgency = Map.of(Agency.AMBULANCE, Duration.parse(value));
        assertThatThrownBy(() -> with(null, null, byAgency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void theReminderMustComeBeforeTheAcknowledgementDeadline() {
        assertThatThrownBy(() -> with(Duration.ofMinutes(30), Duration.ofMinutes(30), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partner-reminder");
        assertThatThrownBy(() -> with(Duration.ofMinutes(40), Duration.ofMinutes(30), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shorteningOnlyTheAcknowledgementBelowTheDefaultReminderIsRefused() {
        assertThatThrownBy(() -> with(null, Duration.ofMinutes(10), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partner-acknowledgement");
    }

    @Test
    void aReminderJustBeforeTheDeadlineIsAccepted() {
        SlaProperties sla = with(Duration.ofMinutes(29), Duration.ofMinutes(30), null);
        assertThat(sla.partnerReminder()).isEqualTo(Duration.ofMinutes(29));
        assertThat(sla.partnerAcknowledgement()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void shortClocksForTestsAreAccepted() {
        SlaPolicy policy = new SlaPolicy(with(Duration.ofSeconds(5), Duration.ofSeconds(10), null), EngineClock.INSTANCE);
        assertThat(policy.partnerReminder()).isEqualTo("PT5S");
        assertThat(policy.partnerAcknowledgement()).isEqualTo("PT10S");
    }

    @Test
    void thePerAgencyMapIsACopy() {
        HashMap<Agency, Duration> byAgency = new HashMap<>(Map.of(Agency.AMBULANCE, Duration.ofHours(2)));
        SlaProperties sla = with(null, null, byAgency);
        byAgency.put(Agency.AMBULANCE, Duration.ofHours(9));
        assertThat(sla.partnerOutcomeByAgency()).containsEntry(Agency.AMBULANCE, Duration.ofHours(2));
    }

    @SuppressWarnings("unchecked")
    private static SlaProperties newProperties(Object[] a) {
        return new SlaProperties((Duration) a[0], (Duration) a[1], (Duration) a[2], (Duration) a[3], (Duration) a[4],
                (Duration) a[5], (Duration) a[6], (Map<Agency, Duration>) a[7], (Duration) a[8], (Duration) a[9],
                (Duration) a[10], (Duration) a[11], a.length > 12 ? (Duration) a[12] : null, a.length > 13 ? (Duration) a[13] : null);
    }
}
