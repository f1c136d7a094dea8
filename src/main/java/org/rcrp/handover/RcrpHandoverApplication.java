package org.rcrp.handover;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RcrpHandoverApplication {

    public static void main(String[] args) {
        SpringApplication.run(RcrpHandoverApplication.class, args);
    }
}
