package org.custodia;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Custodia (执法音像记录管理系统): keeps the audio/video records of law-enforcement agencies. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class CustodiaApplication {

	public static void main(String[] args) {
		if (CustodiaCommands.isCommand(args)) {
			System.exit(CustodiaCommands.run(args));
		}
		SpringApplication.run(CustodiaApplication.class, args);
	}
}
