package org.rcrp.handover.metrics;

/** The assurance figures as CSV, one figure a line ({@code figure,key,route,value}), as {@link FiguresCsv} does the summary. */
public final class AssuranceCsv {

    private AssuranceCsv() {
    }

    public static String of(AssuranceSummary summary) {
        StringBuilder csv = new StringBuilder("figure,key,route,value\r\n");
        line(csv, "period.from", "", "", summary.period().from());
        line(csv, "period.to", "", "", summary.period().to());
        line(csv, "period.zone", "", "", summary.period().zone());
        AssuranceSummary.QualityReviews reviews = summary.qualityReviews();
        line(csv, "qualityReviews.sampled", "", "", reviews.sampled());
        reviews.byReason().forEach((reason, n) -> line(csv, "qualityReviews.byReason", reason, "", n));
        line(csv, "qualityReviews.agreed", "", "", reviews.agreed());
        line(csv, "qualityReviews.disagreed", "", "", reviews.disagreed());
        line(csv, "qualityReviews.outstanding", "", "", reviews.outstanding());
        line(csv, "qualityReviews.disagreementRate", "", "", reviews.disagreementRate());
        line(csv, "qualityReviews.sampleShare", "", "", reviews.sampleShare());
        line(csv, "qualityReviews.riskWeight", "", "", reviews.riskWeight());
        summary.linkedRecords().forEach((type, n) -> line(csv, "linkedRecords", type, "", n));
        summary.demographicsByRoute().forEach((route, demographics) -> {
            line(csv, "demographics.cases", "", route, demographics.cases());
            demographics.ageBand().forEach((band, n) -> line(csv, "demographics.ageBand", band, route, n));
            demographics.sex().forEach((sex, n) -> line(csv, "demographics.sex", sex, route, n));
            demographics.ethnicity().forEach((ethnicity, n) -> line(csv, "demographics.ethnicity", ethnicity, route, n));
        });
        AssuranceSummary.HarmAfterDecision harm = summary.harmAfterNonPoliceDecision();
        line(csv, "harmAfterNonPoliceDecision.nonPoliceDecisions", "", "", harm.nonPoliceDecisions());
        line(csv, "harmAfterNonPoliceDecision.withHarm", "", "", harm.withHarm());
        line(csv, "harmAfterNonPoliceDecision.windowDays", "", "", harm.windowDays());
        line(csv, "harmAfterNonPoliceDecision.rate", "", "", harm.rate());
        AssuranceSummary.Redeployment redeployment = summary.policeRedeployment();
        line(csv, "policeRedeployment.referred", "", "", redeployment.referred());
        line(csv, "policeRedeployment.redeployed", "", "", redeployment.redeployed());
        line(csv, "policeRedeployment.sameCase", "", "", redeployment.sameCase());
        line(csv, "policeRedeployment.repeatCall", "", "", redeployment.repeatCall());
        line(csv, "policeRedeployment.window", "", "", redeployment.window());
        line(csv, "policeRedeployment.rate", "", "", redeployment.rate());
        return csv.toString();
    }

    private static void line(StringBuilder csv, String figure, String key, String route, Object value) {
        csv.append(cell(figure)).append(',').append(cell(key)).append(',').append(cell(route)).append(',')
                .append(value == null ? "" : cell(String.valueOf(value))).append("\r\n");
    }

    /** Codes recorded by people (ethnicity) are quoted when they could be read as a formula or split a cell. */
    private static String cell(String text) {
        if (text.isEmpty()) {
            return text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || "=+-@".indexOf(text.charAt(0)) >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
