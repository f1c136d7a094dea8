package org.rcrp.handover.demo;

import org.springframework.stereotype.Component;

/** Not yet written: logs nothing. */
@Component
public class DemoShiftRunner {

    public int seed() {
        return 0;
    }
}
