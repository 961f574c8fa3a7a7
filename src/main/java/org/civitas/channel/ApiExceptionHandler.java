package org.civitas.channel;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.civitas.base.RuleViolation;
import org.civitas.channel.Open311Document.Format;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The channel APIs' refusals, in one place: a rule broken, a denied call or a conflicting write becomes the answer
 * docs/api.md documents, the native {@code {"errors":[…]}} or Open311's error list (XML for {@code .xml}, in the
 * client's language). {@link IdempotencyKeys} keeps the same answer for a replay.
 */
@RestControllerAdvice(assignableTypes = {IntakeApi.class, Open311Api.class})
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Json json;

    ApiExceptionHandler(Json json) {
        this.json = json;
    }

    @ExceptionHandler({RuleViolation.class, Open311Refusal.class, AccessDeniedException.class,
            DataAccessException.class})
    ResponseEntity<String> refused(RuntimeException e, HttpServletRequest request) {
        return answer(e, request);
    }

    /** The answer to {@code e} in the current request, or null when it is no refusal (a server error). */
    ResponseEntity<String> answer(RuntimeException e) {
        return answer(e, ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
    }

    private ResponseEntity<String> answer(RuntimeException e, HttpServletRequest request) {
        String path = request.getRequestURI() == null ? "" : request.getRequestURI();
        return path.contains("/open311/") ? open311(e, request) : intake(e);
    }

    private ResponseEntity<String> intake(RuntimeException e) {
        if (e instanceof RuleViolation v) {
            return json.answer(ApiErrors.status(v), ApiErrors.body(v));
        }
        if (e instanceof AccessDeniedException) {
            return json.answer(HttpStatus.FORBIDDEN, ApiErrors.body(null, "api.error.forbidden"));
        }
        if (e instanceof DataAccessException) {
            log.info("Conflicting intake: {}", e.getMessage());
            return json.answer(HttpStatus.CONFLICT, ApiErrors.body(null, "api.error.conflict"));
        }
        return null;
    }

    private ResponseEntity<String> open311(RuntimeException e, HttpServletRequest request) {
        Open311Refusal refusal;
        if (e instanceof Open311Refusal r) {
            refusal = r;
        } else if (e instanceof RuleViolation v) {
            refusal = new Open311Refusal(HttpStatus.BAD_REQUEST, v.key(), v.args());
        } else if (e instanceof AccessDeniedException) {
            // as the security chain words a denied call
            refusal = new Open311Refusal(HttpStatus.FORBIDDEN, "api.error.forbidden");
        } else if (e instanceof DataAccessException) {
            log.info("Conflicting Open311 request: {}", e.getMessage());
            refusal = new Open311Refusal(HttpStatus.CONFLICT, "api.error.conflict");
        } else {
            return null;
        }
        return Open311Document.errors(refusal.status, ApiErrors.text(refusal.key,
                        Open311Document.locale(request.getHeader("Accept-Language")), refusal.args))
                .respond(refusal.status, format(request), json);
    }

    /** The {@code {format}} of the path the request matched: JSON when it has none or an unknown one. */
    private static Format format(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("format") instanceof String suffix ? Format.of(suffix) : null;
    }
}
