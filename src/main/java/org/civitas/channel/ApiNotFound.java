package org.civitas.channel;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A path under {@code /api/} or {@code /open311/} that no endpoint serves: 404 in the API's own format. Without it
 * the request falls through to Vaadin, which answers 200 with the application's page. The most specific mapping
 * wins, so this answers only what nothing else does (a wrong method on a known path included).
 */
@Hidden
@RestController
class ApiNotFound {

    private final Json json;

    ApiNotFound(Json json) {
        this.json = json;
    }

    @RequestMapping("/api/**")
    ResponseEntity<String> api() {
        return json.answer(HttpStatus.NOT_FOUND, ApiErrors.body(null, "api.error.notFound"));
    }

    @RequestMapping("/open311/**")
    ResponseEntity<String> open311(HttpServletRequest request,
                                   @RequestHeader(name = "Accept-Language", required = false) String language) {
        Open311Document.Format format = request.getRequestURI().endsWith(".xml") ? Open311Document.Format.XML
                : Open311Document.Format.JSON;
        return Open311Document.errors(HttpStatus.NOT_FOUND, ApiErrors.text("api.error.notFound",
                Open311Document.locale(language))).respond(HttpStatus.NOT_FOUND, format, json);
    }
}
