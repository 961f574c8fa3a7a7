package org.civitas.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "category")
class Category {

    @Id
    private String code;
    private String name;
    private int sortOrder;

    protected Category() {
    }

    CategoryView toView() {
        return new CategoryView(code, name, sortOrder);
    }

    String getCode() { return code; }
    String getName() { return name; }
}
