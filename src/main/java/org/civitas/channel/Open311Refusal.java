package org.civitas.channel;

import org.springframework.http.HttpStatus;

/** An Open311 refusal worded for the client: HTTP status, translation key and its arguments. */
final class Open311Refusal extends RuntimeException {

    final HttpStatus status;
    final String key;
    final transient Object[] args;

    Open311Refusal(HttpStatus status, String key, Object... args) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
        this.args = args;
    }
}
