package org.rcrp.handover.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.S136Details;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.TextLimits;
import org.rcrp.handover.process.WalkoutSetting;

/** Body of POST /api/calls (README, The API in five calls). Unknown fields are ignored, as everywhere in the API. */
@Schema(name = "NewCall", description = "A call to log. The same reference again returns the existing case.")
public record NewCall(
        @NotBlank @Size(max = TextLimits.REFERENCE) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]*", message = "may hold letters, digits and . _ : / - only")
        @Schema(example = "CAD-20261125-0001") String reference,
        @NotNull Source source,
        @NotNull Category category,
        @NotBlank @Size(max = TextLimits.SUMMARY) String summary,
        @Valid Location location,
        @Valid Subject subject,
        @Valid Caller caller,
        @Valid Awol awol,
        @Valid Walkout walkout,
        @Valid FamilyContact familyContact,
        @Schema(description = "For an S136_HANDOVER call: the detention as police know it (the hour runs from arrivedAt)")
        S136Details s136) {

    /** A call without s136 details. */
    public NewCall(String reference, Source source, Category category, String summary, Location location, Subject subject,
                   Caller caller, Awol awol, Walkout walkout, FamilyContact familyContact) {
        this(reference, source, category, summary, location, subject, caller, awol, walkout, familyContact, null);
    }

    /** A call without a family contact. */
    public NewCall(String reference, Source source, Category category, String summary, Location location, Subject subject,
                   Caller caller, Awol awol, Walkout walkout, S136Details s136) {
        this(reference, source, category, summary, location, subject, caller, awol, walkout, null, s136);
    }

    /** A call without a family contact or s136 details. */
    public NewCall(String reference, Source source, Category category, String summary, Location location, Subject subject,
                   Caller caller, Awol awol, Walkout walkout) {
        this(reference, source, category, summary, location, subject, caller, awol, walkout, null, null);
    }

    /** A call without a walk-out's details. */
    public NewCall(String reference, Source source, Category category, String summary, Location location, Subject subject,
                   Caller caller, Awol awol) {
        this(reference, source, category, summary, location, subject, caller, awol, null);
    }

    public record Location(@Size(max = TextLimits.LOCATION) String description, Boolean urban) {
    }

    /**
     * The person the call is about. {@code sex} and {@code ethnicity} are optional codes as recorded (e.g. the ONS 2021
     * categories; NOT_STATED when the person would not say), kept with the call for equality reporting, never in the engine.
     */
    public record Subject(@Size(max = TextLimits.NAME) String name, @Min(0) @Max(130) Integer ageYears,
                          @Size(max = 7) List<@NotNull Agency> knownTo,
                          @Size(max = DEMOGRAPHIC_CODE) @Pattern(regexp = CODE, message = CODE_MESSAGE) String sex,
                          @Size(max = DEMOGRAPHIC_CODE) @Pattern(regexp = CODE, message = CODE_MESSAGE) String ethnicity) {

        public static final int DEMOGRAPHIC_CODE = 32;
        static final String CODE = "[A-Z][A-Z0-9_]*";
        static final String CODE_MESSAGE = "must be a code of capital letters, digits and _ (e.g. NOT_STATED)";

        public Subject(String name, Integer ageYears, List<Agency> knownTo) {
            this(name, ageYears, knownTo, null, null);
        }
    }

    public record Caller(@Size(max = TextLimits.NAME) String name,
                         @Size(max = TextLimits.PHONE) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces and + ( ) - only") String phone,
                         @Size(max = TextLimits.RELATIONSHIP) String relationship) {
    }

    /**
     * A family member or friend police may call about the person; like the caller's, never shown to a partner unless police
     * grant a partner's request for it (casefile/ContactSharing).
     */
    public record FamilyContact(@Size(max = TextLimits.NAME) String name,
                                @Size(max = TextLimits.PHONE) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces and + ( ) - only") String phone,
                                @Size(max = TextLimits.RELATIONSHIP) String relationship) {
    }

    /**
     * Required when the category is AWOL: the trust states when the power to retake expires (one that has lapsed is refused:
     * the patient is no longer liable to be retaken) and how the patient came to be absent.
     */
    public record Awol(@Size(max = TextLimits.MHA_SECTION) String mhaSection, @NotNull LocalDate retakeExpiry, Boolean partThree,
                       Boolean dangerous, Boolean particularlyVulnerable, Boolean hospitalSearched, AwolKind kind) {

        public Awol(String mhaSection, LocalDate retakeExpiry, Boolean partThree, Boolean dangerous,
                    Boolean particularlyVulnerable, Boolean hospitalSearched) {
            this(mhaSection, retakeExpiry, partThree, dangerous, particularlyVulnerable, hospitalSearched, null);
        }
    }

    /**
     * For a walk-out from a healthcare setting: which kind of setting, whether the person is detained (then it is AWOL),
     * whether the setting gave its risk assessment, how the person looks, when they were last seen (not in the future) and
     * whether the setting doubts their capacity.
     */
    public record Walkout(WalkoutSetting setting, Boolean detained, Boolean riskAssessmentGiven,
                          @Size(max = TextLimits.WALKOUT_DESCRIPTION) String description, OffsetDateTime lastSeen,
                          Boolean capacityConcern) {
    }
}
