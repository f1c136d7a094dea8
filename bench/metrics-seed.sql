-- Seeds the figures' read model (V2__figures_read_model.sql) with a realistic year of closed cases, straight
-- into its tables, for timing the managers' summary. Not part of the test suite's data.
-- Reads its size from rcrp_bench_params (cases, first_day), which the caller creates:
--   bench/seed-metrics-year (psql, 1,000,000 cases) · MetricsQueryPlanIT (10,000 cases).
-- Shape (roughly one force's year): categories 55 % welfare, 12 % walk-out, 8 % AWOL, 12 % medical, 5 % s136,
-- 8 % other; routes 30 % police, 45 % referral, 25 % advice; a referral for each referred case (and for a few
-- police-attended ones), 80 % accepted, 12 % rejected, 8 % silent; acknowledgement and outcome times skewed,
-- some past their clocks; an escalation for every breach and rejection; re-contacts about 4 %.

INSERT INTO rcrp_report_case (case_id, logged_at, logged_day, category, source, subject_key, subject_age, recontact_of,
                              first_route, route, grade, agency, triaged, overridden, police_attended, inform_required,
                              caller_informed, closed_at)
SELECT 'bench-' || n,
       ts,
       CAST(ts AT TIME ZONE 'Europe/London' AS DATE),
       category,
       (ARRAY['PUBLIC_999', 'PUBLIC_999', 'PUBLIC_101', 'PARTNER', 'NHS111'])[1 + (n * 7) % 5],
       'person ' || (n % 300000),
       18 + (n % 70),
       CASE WHEN n % 25 = 0 THEN 'bench-' || (n - 1) END,
       route, route,
       CASE WHEN route = 'POLICE_ATTEND' THEN (CASE WHEN n % 3 = 0 THEN 'IMMEDIATE' ELSE 'PRIORITY' END) END,
       CASE WHEN route = 'REFER' THEN (ARRAY['MENTAL_HEALTH', 'MENTAL_HEALTH', 'AMBULANCE', 'SOCIAL_CARE', 'HEALTHCARE_SETTING'])[1 + n % 5] END,
       route IS NOT NULL,
       n % 20 = 0,
       COALESCE(route = 'POLICE_ATTEND', FALSE) OR category = 'S136_HANDOVER',
       COALESCE(route IN ('REFER', 'ADVICE_AND_CLOSE'), FALSE),
       COALESCE(route IN ('REFER', 'ADVICE_AND_CLOSE'), FALSE) AND n % 11 <> 0,
       ts + make_interval(mins => 20 + (n % 600))
FROM (
    SELECT n, ts, category,
           CASE WHEN category = 'S136_HANDOVER' THEN NULL
                WHEN n % 20 < 6 THEN 'POLICE_ATTEND'
                WHEN n % 20 < 15 THEN 'REFER'
                ELSE 'ADVICE_AND_CLOSE' END AS route
    FROM (
        SELECT n,
               CAST(p.first_day AS TIMESTAMP WITH TIME ZONE) + make_interval(secs => (n * (365.0 * 86400 / p.cases))) AS ts,
               CASE WHEN n % 100 < 55 THEN 'CONCERN_FOR_WELFARE'
                    WHEN n % 100 < 67 THEN 'WALKOUT'
                    WHEN n % 100 < 75 THEN 'AWOL'
                    WHEN n % 100 < 87 THEN 'MEDICAL'
                    WHEN n % 100 < 92 THEN 'S136_HANDOVER'
                    ELSE 'OTHER' END AS category
        FROM rcrp_bench_params p, generate_series(1, p.cases) AS n
    ) logged
) routed;

INSERT INTO rcrp_report_referral (referral_id, case_id, logged_day, agency, sent_at, acknowledged_at, ack_seconds, accepted,
                                  accepted_at, rejected, reject_reason, outcome, outcome_at, outcome_seconds, ack_breaches,
                                  outcome_breaches, result, ended_at)
SELECT 'bench-r-' || n, case_id, logged_day, agency, sent_at,
       CASE WHEN answer <> 'SILENT' THEN sent_at + make_interval(secs => ack) END,
       CASE WHEN answer <> 'SILENT' THEN ack END,
       answer = 'ACCEPT',
       CASE WHEN answer = 'ACCEPT' THEN sent_at + make_interval(secs => ack) END,
       answer = 'REJECT',
       CASE WHEN answer = 'REJECT' THEN (ARRAY['NOT_OUR_SERVICE', 'INSUFFICIENT_INFORMATION', 'NO_CAPACITY', 'POLICE_THRESHOLD_MET', 'OTHER'])[1 + n % 5] END,
       CASE WHEN answer = 'ACCEPT' THEN (ARRAY['CONTACT_MADE', 'ASSESSED', 'ASSESSED', 'NO_CONTACT', 'PASSED_BACK'])[1 + n % 5] END,
       CASE WHEN answer = 'ACCEPT' THEN sent_at + make_interval(secs => ack + outcome) END,
       CASE WHEN answer = 'ACCEPT' THEN outcome END,
       CASE WHEN answer = 'SILENT' OR ack > 1800 THEN 1 ELSE 0 END,
       CASE WHEN answer = 'ACCEPT' AND outcome > 14400 THEN 1 ELSE 0 END,
       CASE answer WHEN 'ACCEPT' THEN 'COMPLETED' WHEN 'REJECT' THEN 'POLICE_ATTEND' ELSE 'CLOSED' END,
       sent_at + make_interval(secs => ack + outcome)
FROM (
    SELECT CAST(substr(case_id, 7) AS BIGINT) AS n, case_id, logged_day,
           COALESCE(agency, 'MENTAL_HEALTH') AS agency,
           logged_at + interval '3 minutes' AS sent_at,
           CASE WHEN CAST(substr(case_id, 7) AS BIGINT) % 100 < 80 THEN 'ACCEPT'
                WHEN CAST(substr(case_id, 7) AS BIGINT) % 100 < 92 THEN 'REJECT'
                ELSE 'SILENT' END AS answer,
           -- skewed times: most answers within minutes, a long tail past the 30-minute clock
           60 + (CAST(substr(case_id, 7) AS BIGINT) * 37) % 1500 + ((CAST(substr(case_id, 7) AS BIGINT) % 17) * (CAST(substr(case_id, 7) AS BIGINT) % 13) * 11) AS ack,
           1800 + (CAST(substr(case_id, 7) AS BIGINT) * 53) % 16000 AS outcome
    FROM rcrp_report_case
    WHERE case_id LIKE 'bench-%' AND (first_route = 'REFER' OR (first_route = 'POLICE_ATTEND' AND CAST(substr(case_id, 7) AS BIGINT) % 10 = 0))
) referred;

INSERT INTO rcrp_report_escalation (escalation_id, case_id, referral_id, logged_day, agency, reason, raised_at, resolution, resolved_at)
SELECT 'bench-e-' || referral_id, case_id, referral_id, logged_day, agency,
       CASE WHEN rejected THEN 'REJECTED' WHEN ack_breaches > 0 THEN 'NO_RESPONSE' ELSE 'OUTCOME_OVERDUE' END,
       sent_at + interval '30 minutes',
       CASE WHEN rejected THEN 'POLICE_ATTEND' WHEN acknowledged_at IS NULL THEN 'CLOSE' ELSE 'CHASE' END,
       sent_at + interval '50 minutes'
FROM rcrp_report_referral
WHERE referral_id LIKE 'bench-r-%' AND (rejected OR ack_breaches > 0 OR outcome_breaches > 0);

INSERT INTO rcrp_report_handover (handover_id, case_id, logged_day, arrived_at, handed_over_at, handover_seconds, over_the_hour,
                                  detention_limit_reached, ended_at)
SELECT 'bench-h-' || substr(case_id, 7), case_id, logged_day, logged_at, logged_at + make_interval(secs => wait), wait,
       wait > 3600, FALSE, logged_at + make_interval(secs => wait)
FROM (
    SELECT case_id, logged_day, logged_at, 900 + (CAST(substr(case_id, 7) AS BIGINT) * 41) % 6300 AS wait
    FROM rcrp_report_case WHERE case_id LIKE 'bench-%' AND category = 'S136_HANDOVER'
) arrived;

INSERT INTO rcrp_report_escalation (escalation_id, case_id, referral_id, logged_day, agency, reason, raised_at, resolution, resolved_at)
SELECT 'bench-e-' || handover_id, case_id, NULL, logged_day, 'HOSPITAL', 'HANDOVER_OVERDUE', arrived_at + interval '1 hour', 'CHASE',
       arrived_at + interval '70 minutes'
FROM rcrp_report_handover WHERE handover_id LIKE 'bench-h-%' AND over_the_hour;

ANALYZE rcrp_report_case;
ANALYZE rcrp_report_referral;
ANALYZE rcrp_report_escalation;
ANALYZE rcrp_report_handover;
