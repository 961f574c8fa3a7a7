package org.civitas.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code -Dcivitas.browser.skip=true} disables every browser test (reported as skipped, before the Spring context or
 * a browser starts). Without it, a machine without Chromium fails the browser tests: they never skip on their own.
 */
public class SkipBrowserTests implements ExecutionCondition {

    static final String PROPERTY = "civitas.browser.skip";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Boolean.getBoolean(PROPERTY)
                ? ConditionEvaluationResult.disabled("browser tests skipped by -D" + PROPERTY + "=true")
                : ConditionEvaluationResult.enabled("browser tests on (-D" + PROPERTY + "=true skips them)");
    }
}
