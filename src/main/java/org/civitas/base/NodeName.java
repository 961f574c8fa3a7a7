package org.civitas.base;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This app node's name in logs, metrics and the job records: {@code civitas.node.route} (CIVITAS_NODE, the name nginx
 * routes sessions by, docs/deploy.md), else the host name.
 */
public final class NodeName {

    private NodeName() {
    }

    public static String of(String route) {
        if (route != null && !route.isBlank()) {
            return route.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }
}
