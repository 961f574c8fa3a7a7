package org.civitas.catalog;

import org.civitas.calendar.LimitUnit;

/** What an administrator may change on an item; its code and category are its identity and stay. */
public record ItemForm(String name, String description, Urgency urgency, Integer timeLimit, LimitUnit timeUnit,
                       Responsibility responsibility, String leadUnitCode, String legalBasis) {
}
