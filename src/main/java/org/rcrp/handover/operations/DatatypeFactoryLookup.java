package org.rcrp.handover.operations;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory} before the engine starts. The engine asks for a new factory for every
 * timer and every job retry cycle it reads (its {@code DurationHelper}); without the property each request walks
 * every jar of the class path looking for a service file that no jar here has, and then takes this same default:
 * 5 % of the CPU of a case's lifecycle in a profile (docs/PERFORMANCE-TUNING.md). A deployment that names another
 * factory keeps it.
 */
@Component
class DatatypeFactoryLookup extends AbstractProcessEnginePlugin {

    static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
