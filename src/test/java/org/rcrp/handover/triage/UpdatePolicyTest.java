package org.rcrp.handover.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Phase;
import org.rcrp.handover.process.RiskAction;

/**
 * What new information does to a case in each phase (RCRP guidance: a call-back or update re-opens
 * triage at once; any risk to life gets a police response).
 */
class UpdatePolicyTest {

    /** The kind of new information an update brings. */
    enum News {
        RISK_TO_LIFE(true, false, false),
        SERIOUS_HARM(false, true, false),
        LIFE_AND_HARM(true, true, false),
        CRIME(false, false, true),
        RISK_TO_LIFE_AND_CRIME(true, false, true),
        NOTHING(false, false, false);

        final boolean riskToLife;
        final boolean seriousHarm;
        final boolean crime;

        News(boolean riskToLife, boolean seriousHarm, boolean crime) {
            this.riskToLife = riskToLife;
            this.seriousHarm = seriousHarm;
            this.crime = crime;
        }
    }

    private static final RiskAction NONE = RiskAction.NONE;
    private static final RiskAction RETRIAGE = RiskAction.RETRIAGE;
    private static final RiskAction SEND_POLICE = RiskAction.SEND_POLICE;
    /** A partner holds the referral: police are added beside it, nothing of the partner's is cancelled. */
    private static final RiskAction ADD_POLICE = RiskAction.ADD_POLICE;

    private static Arguments row(Phase phase, Grade grade, News news, RiskAction expected) {
        return Arguments.of(phase, grade, news, expected);
    }

    /** Phase × grade × news → action. Grade only matters while police are on their way (ATTEND). */
    static Stream<Arguments> table() {
        return Stream.of(
                // Triage is open: the handler assesses the new information there.
                row(Phase.TRIAGE, null, News.RISK_TO_LIFE, NONE),
                row(Phase.TRIAGE, null, News.SERIOUS_HARM, NONE),
                row(Phase.TRIAGE, null, News.LIFE_AND_HARM, NONE),
                row(Phase.TRIAGE, null, News.CRIME, NONE),
                row(Phase.TRIAGE, null, News.RISK_TO_LIFE_AND_CRIME, NONE),
                row(Phase.TRIAGE, null, News.NOTHING, NONE),

                // Police on their way at the immediate grade: nothing faster to send.
                row(Phase.ATTEND, Grade.IMMEDIATE, News.RISK_TO_LIFE, NONE),
                row(Phase.ATTEND, Grade.IMMEDIATE, News.SERIOUS_HARM, NONE),
                row(Phase.ATTEND, Grade.IMMEDIATE, News.LIFE_AND_HARM, NONE),
                row(Phase.ATTEND, Grade.IMMEDIATE, News.CRIME, NONE),
                row(Phase.ATTEND, Grade.IMMEDIATE, News.RISK_TO_LIFE_AND_CRIME, NONE),
                row(Phase.ATTEND, Grade.IMMEDIATE, News.NOTHING, NONE),

                // Police on their way at priority: risk to life or serious harm upgrades to immediate.
                row(Phase.ATTEND, Grade.PRIORITY, News.RISK_TO_LIFE, SEND_POLICE),
                row(Phase.ATTEND, Grade.PRIORITY, News.SERIOUS_HARM, SEND_POLICE),
                row(Phase.ATTEND, Grade.PRIORITY, News.LIFE_AND_HARM, SEND_POLICE),
                row(Phase.ATTEND, Grade.PRIORITY, News.CRIME, NONE),
                row(Phase.ATTEND, Grade.PRIORITY, News.RISK_TO_LIFE_AND_CRIME, SEND_POLICE),
                row(Phase.ATTEND, Grade.PRIORITY, News.NOTHING, NONE),

                // Police attending with no grade recorded: treated as not yet immediate (the safe side).
                row(Phase.ATTEND, null, News.RISK_TO_LIFE, SEND_POLICE),
                row(Phase.ATTEND, null, News.SERIOUS_HARM, SEND_POLICE),
                row(Phase.ATTEND, null, News.CRIME, NONE),
                row(Phase.ATTEND, null, News.NOTHING, NONE),

                // With a partner: risk sends police at once, a crime re-opens triage.
                row(Phase.REFER, null, News.RISK_TO_LIFE, ADD_POLICE),
                row(Phase.REFER, null, News.SERIOUS_HARM, ADD_POLICE),
                row(Phase.REFER, null, News.LIFE_AND_HARM, ADD_POLICE),
                row(Phase.REFER, null, News.CRIME, RETRIAGE),
                row(Phase.REFER, null, News.RISK_TO_LIFE_AND_CRIME, ADD_POLICE),
                row(Phase.REFER, null, News.NOTHING, NONE),
                row(Phase.REFER, Grade.IMMEDIATE, News.RISK_TO_LIFE, ADD_POLICE),

                // Advised and closing: same as a referral.
                row(Phase.ADVICE, null, News.RISK_TO_LIFE, SEND_POLICE),
                row(Phase.ADVICE, null, News.SERIOUS_HARM, SEND_POLICE),
                row(Phase.ADVICE, null, News.LIFE_AND_HARM, SEND_POLICE),
                row(Phase.ADVICE, null, News.CRIME, RETRIAGE),
                row(Phase.ADVICE, null, News.RISK_TO_LIFE_AND_CRIME, SEND_POLICE),
                row(Phase.ADVICE, null, News.NOTHING, NONE),

                // The person is with police at a place of safety (s136 handover).
                row(Phase.HANDOVER, Grade.PRIORITY, News.RISK_TO_LIFE, NONE),
                row(Phase.HANDOVER, Grade.PRIORITY, News.SERIOUS_HARM, NONE),
                row(Phase.HANDOVER, Grade.PRIORITY, News.LIFE_AND_HARM, NONE),
                row(Phase.HANDOVER, Grade.PRIORITY, News.CRIME, NONE),
                row(Phase.HANDOVER, Grade.PRIORITY, News.RISK_TO_LIFE_AND_CRIME, NONE),
                row(Phase.HANDOVER, Grade.PRIORITY, News.NOTHING, NONE),

                // Nobody could find the person and a supervisor is deciding: risk sends police at once, a crime re-opens
                // triage (the person stays marked not located, so the case still cannot close until someone finds them).
                row(Phase.NOT_LOCATED, null, News.RISK_TO_LIFE, SEND_POLICE),
                row(Phase.NOT_LOCATED, null, News.SERIOUS_HARM, SEND_POLICE),
                row(Phase.NOT_LOCATED, null, News.LIFE_AND_HARM, SEND_POLICE),
                row(Phase.NOT_LOCATED, null, News.CRIME, RETRIAGE),
                row(Phase.NOT_LOCATED, null, News.RISK_TO_LIFE_AND_CRIME, SEND_POLICE),
                row(Phase.NOT_LOCATED, null, News.NOTHING, NONE));
    }

    @ParameterizedTest(name = "{0} (grade {1}) + {2} -> {3}")
    @MethodSource("table")
    void newInformationDoesWhatThePhaseAllows(Phase phase, Grade grade, News news, RiskAction expected) {
        assertThat(UpdatePolicy.decide(phase, grade, news.riskToLife, news.seriousHarm, news.crime)).isEqualTo(expected);
    }

    @Test
    void theTableCoversEveryPhaseWithEveryKindOfNews() {
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        table().forEach(arguments -> phases.add((Phase) arguments.get()[0]));
        assertThat(phases).containsExactlyInAnyOrder(Phase.values());
        for (Phase phase : Phase.values()) {
            Set<News> news = EnumSet.noneOf(News.class);
            table().filter(arguments -> arguments.get()[0] == phase).forEach(arguments -> news.add((News) arguments.get()[2]));
            assertThat(news).as("news covered in %s", phase).containsExactlyInAnyOrder(News.values());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Phase.class)
    void nothingNewNeverInterruptsTheWorkInHand(Phase phase) {
        for (Grade grade : new Grade[] {null, Grade.IMMEDIATE, Grade.PRIORITY}) {
            assertThat(UpdatePolicy.decide(phase, grade, false, false, false)).isEqualTo(RiskAction.NONE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Phase.class, names = {"REFER", "ADVICE"})
    void riskToLifeAlwaysBringsPoliceWhenPoliceAreNotInvolved(Phase phase) {
        RiskAction expected = phase == Phase.REFER ? RiskAction.ADD_POLICE : RiskAction.SEND_POLICE;
        for (Grade grade : new Grade[] {null, Grade.IMMEDIATE, Grade.PRIORITY}) {
            assertThat(UpdatePolicy.decide(phase, grade, true, false, false)).isEqualTo(expected);
            assertThat(UpdatePolicy.decide(phase, grade, false, true, false)).isEqualTo(expected);
        }
    }
}
