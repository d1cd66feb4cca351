package io.swiftresponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SwiftResponseApplication {
    public static void main(String[] args) {
        SpringApplication.run(SwiftResponseApplication.class, args);
    }
}
