package dev.vigil.findings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Security findings from CI scanners and the pass/fail gate. */
@SpringBootApplication
public class FindingsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FindingsServiceApplication.class, args);
    }
}
