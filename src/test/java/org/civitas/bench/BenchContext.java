package org.civitas.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Spring context of the bench classes that share the bench JVM. Every one of them uses this one configuration,
 * so a run starts a single Civitas (a class with other annotations would start a second one beside it, with its own
 * connection pool). A real server on a random port: the intake measures post to it over HTTP.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@interface BenchContext {
}
