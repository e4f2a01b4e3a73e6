package dk.kk.itassessment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The IT-acquisition assessment service: intake → registry look-up → Drools policy → stored, explained decision. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ItAssessmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(ItAssessmentApplication.class, args);
    }
}
