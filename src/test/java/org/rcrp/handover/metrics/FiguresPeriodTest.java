package org.rcrp.handover.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;

/** The period a summary covers, and the CSV's cells. */
class FiguresPeriodTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    @Test
    void bothDaysAreIncluded() {
        assertThat(FiguresPeriod.parse("2026-11-01", "2026-11-30", TODAY, 366))
                .isEqualTo(new FiguresPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(FiguresPeriod.parse("2026-11-30", "2026-11-30", TODAY, 366).from()).isEqualTo("2026-11-30");
    }

    @Test
    void withoutDatesItIsTheLastThirtyDays() {
        assertThat(FiguresPeriod.parse(null, "", TODAY, 366))
                .isEqualTo(new FiguresPeriod(LocalDate.parse("2026-11-04"), TODAY));
        assertThat(FiguresPeriod.parse("2026-01-01", null, TODAY, 366).to()).isEqualTo("2026-01-30");
        assertThat(FiguresPeriod.parse(null, "2026-01-30", TODAY, 366).from()).isEqualTo("2026-01-01");
    }

    @Test
    void badInputNamesItsField() {
        assertErrors(() -> FiguresPeriod.parse("01/11/2026", "2026-11-30", TODAY, 366), new FieldError("from", "must be a date like 2026-11-30"));
        assertErrors(() -> FiguresPeriod.parse("2026-11-01", "2026-11-31", TODAY, 366), new FieldError("to", "must be a date like 2026-11-30"));
        assertErrors(() -> FiguresPeriod.parse("2026-12-01", "2026-11-30", TODAY, 366),
                new FieldError("from", "must be on or before to (2026-11-30)"));
        assertErrors(() -> FiguresPeriod.parse("2025-01-01", "2026-01-02", TODAY, 366),
                new FieldError("to", "the period may cover at most 366 days"));
        assertThat(FiguresPeriod.parse("2025-01-01", "2025-12-31", TODAY, 365).to()).isEqualTo("2025-12-31");
    }

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertThat(FiguresCsv.cell("plain")).isEqualTo("plain");
        assertThat(FiguresCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(FiguresCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(FiguresCsv.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(FiguresCsv.cell("-12.5")).isEqualTo("-12.5");
    }

    private static void assertErrors(Runnable parse, FieldError... errors) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> assertThat(invalid.errors()).containsExactly(errors));
    }
}
