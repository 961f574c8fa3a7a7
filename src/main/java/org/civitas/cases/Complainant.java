package org.civitas.cases;

public record Complainant(String name, String phone, boolean anonymous) {
}
