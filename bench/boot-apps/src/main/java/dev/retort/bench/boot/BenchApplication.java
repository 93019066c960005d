package dev.retort.bench.boot;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application whose start {@code dev.retort.bench.boot.BootStart} times: web, JDBC and Actuator, built
 * three times (with Retort's starter, with Flyway as Boot integrates it, with no migration tool). When the
 * application is ready it prints {@code READY uptime_ms=<JVM uptime> cpu_ms=<process CPU time>} and exits,
 * unless {@code bench.stay=true}.
 */
@SpringBootApplication
@RestController
public class BenchApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BenchApplication.class);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1_000_000;
			System.out.println("READY uptime_ms=" + uptime + " cpu_ms=" + cpu);
			System.out.flush();
			if (!Boolean.parseBoolean(event.getApplicationContext().getEnvironment().getProperty("bench.stay"))) {
				System.exit(SpringApplication.exit(event.getApplicationContext()));
			}
		});
		application.run(args);
	}

	@GetMapping("/")
	String hello() {
		return "ready";
	}
}
