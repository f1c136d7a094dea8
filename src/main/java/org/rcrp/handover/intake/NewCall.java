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
import java.util.List;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.TextLimits;

/** Body of POST /api/calls (CONTRACT.md). Unknown fields are ignored, as everywhere in the API. */
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
        @Valid Awol awol) {

    public record Location(@Size(max = TextLimits.LOCATION) String description, Boolean urban) {
    }

    public record Subject(@Size(max = TextLimits.NAME) String name, @Min(0) @Max(130) Integer ageYears,
                          @Size(max = 7) List<@NotNull Agency> knownTo) {
    }

    public record Caller(@Size(max = TextLimits.NAME) String name,
                         @Size(max = TextLimits.PHONE) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces and + ( ) - only") String phone,
                         @Size(max = TextLimits.RELATIONSHIP) String relationship) {
    }

    /** Required when the category is AWOL: the trust states when the power to retake expires. */
    public record Awol(@Size(max = TextLimits.MHA_SECTION) String mhaSection, @NotNull LocalDate retakeExpiry, Boolean partThree,
                       Boolean dangerous, Boolean particularlyVulnerable, Boolean hospitalSearched) {
    }
}
