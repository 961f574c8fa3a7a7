package org.civitas.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar civitas.jar --civitas.audit.verify=true --server.port=0}: seals what is
 * pending, checks the audit chain, prints the outcome and exits with 0 (intact) or 3 (broken). For operators and
 * for monitoring; the auditor has the same check as a button in the audit log.
 */
@Component
@ConditionalOnProperty("civitas.audit.verify")
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditChain chain;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditChain chain, ApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        chain.seal();
        AuditChain.Verification v = chain.check();
        System.out.printf("audit chain: %s, %d rows checked, %d unsealed%n", v.intact() ? "INTACT" : "BROKEN",
                v.rowsChecked(), v.unsealed());
        v.problems().forEach(p -> System.out.println("  " + p));
        int code = v.intact() ? 0 : 3;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
