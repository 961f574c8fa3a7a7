package org.civitas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action code the code publishes is one the audit log knows (so it has a label in both languages and appears in
 * the auditor's list of actions): a new action without a label fails here rather than showing as a code.
 */
class AuditActionsTest {

    /** An audit call up to the end of its statement: the codes are the upper-case literals in it. */
    static final Pattern CALL = Pattern.compile(
            "(?:AuditEvent\\.(?:of|change)\\(|new AuditEvent\\(|\\baudit\\(|\\bsetActive\\()([^;]*);");
    /** Codes kept in constants, e.g. {@code static final String LOCKED = "TRACKING_LOCKED"}. */
    static final Pattern CONSTANT = Pattern.compile("static final String \\w+ = \"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");

    @Test
    void every_published_action_is_known() throws IOException {
        Set<String> published = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                if (!source.contains("AuditEvent")) {
                    continue;
                }
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    Matcher code = CODE.matcher(call.group(1));
                    while (code.find()) {
                        published.add(code.group(1));
                    }
                }
                Matcher constant = CONSTANT.matcher(source);
                while (constant.find()) {
                    published.add(constant.group(1));
                }
            }
        }
        assertThat(published).as("found by the scan").contains("LOGIN_FAILED", "USER_UPDATED", "UNIT_DEACTIVATED",
                "TRACKING_LOCKED", "CHANNEL_CREATED", "AUDIT_LOG_EXPORTED");
        assertThat(AuditTexts.ACTIONS).containsAll(published);
    }
}
