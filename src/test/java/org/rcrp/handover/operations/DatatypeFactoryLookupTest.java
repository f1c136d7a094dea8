package org.rcrp.handover.operations;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatatypeFactoryLookupTest {

    private String before;

    @BeforeEach
    void rememberProperty() {
        before = System.getProperty(DatatypeFactoryLookup.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(DatatypeFactoryLookup.PROPERTY);
        } else {
            System.setProperty(DatatypeFactoryLookup.PROPERTY, before);
        }
    }

    @Test
    void namesTheFactoryTheClassPathScanWouldHaveFound() throws Exception {
        System.clearProperty(DatatypeFactoryLookup.PROPERTY);
        Class<?> scanned = DatatypeFactory.newInstance().getClass();

        new DatatypeFactoryLookup().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DatatypeFactoryLookup.PROPERTY)).isEqualTo(scanned.getName());
        assertThat(DatatypeFactory.newInstance()).isInstanceOf(scanned);
    }

    @Test
    void keepsAFactoryTheDeploymentNamed() {
        System.setProperty(DatatypeFactoryLookup.PROPERTY, "org.example.TheirFactory");

        new DatatypeFactoryLookup().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DatatypeFactoryLookup.PROPERTY)).isEqualTo("org.example.TheirFactory");
    }
}
