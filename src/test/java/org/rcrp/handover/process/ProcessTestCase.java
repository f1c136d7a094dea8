package org.rcrp.handover.process;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every plain-engine process test needs: the engine's clock stopped at {@link #NOW}, the real
 * beans registered, a {@link CaseDriver}. Each subclass registers its own coverage extension (the
 * coverage is asserted per class) and hands over its engine.
 */
abstract class ProcessTestCase {

    protected static final Date NOW = new Date(1_795_000_000_000L);

    protected ProcessTestBeans beans;
    protected CaseDriver cases;

    protected abstract ProcessEngine processEngine();

    @BeforeEach
    void stopTheClockAndRegisterBeans() {
        BpmnAwareTests.init(processEngine());
        ClockUtil.setCurrentTime(NOW);
        beans = ProcessTestBeans.register();
        cases = new CaseDriver(processEngine());
    }

    @AfterEach
    void resetTheClockAndBeans() {
        ClockUtil.reset();
        ProcessTestBeans.reset();
    }

    protected static Date inFromNow(Duration duration) {
        return new Date(NOW.getTime() + duration.toMillis());
    }
}
