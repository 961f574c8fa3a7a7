package org.civitas.base.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridArrayUpdater;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import java.util.List;

/**
 * A grid whose rows go to the browser as Jackson trees. Vaadin's grid builds each row as an elemental JSON object and
 * sends a page of them through {@code $connector.set}; Vaadin 24.9 turns such an argument into Jackson by writing it
 * out with elemental's {@code stringify} and parsing the text again. That writer compiles a regular expression for
 * every key of every row and makes a string of every character: with 500 sessions scrolling their inboxes it was 40 %
 * of the server's samples (docs/benchmarks.md). Here the rows are copied into Jackson nodes directly, to the same
 * tree Vaadin's conversion gives ({@code RowGridTest} compares them).
 *
 * @param <T> the row type
 */
public class RowGrid<T> extends Grid<T> {

    /** A grid with Vaadin's default page size (50). */
    public RowGrid() {
        super(50, RowQueue::new, new DataCommunicatorBuilder<T, GridArrayUpdater>() {
        });
    }

    /** The grid's update queue, but a page of rows is one Jackson array. */
    static final class RowQueue extends UpdateQueue {

        RowQueue(GridArrayUpdater.UpdateQueueData data, int size) {
            super(data, size);
        }

        @Override
        public void set(int start, List<JsonValue> items) {
            enqueue("$connector.set", start, rows(items));
        }
    }

    /** The rows as one Jackson array. */
    static ArrayNode rows(List<JsonValue> items) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode(items.size());
        for (JsonValue item : items) {
            rows.add(jackson(item));
        }
        return rows;
    }

    /**
     * One elemental value as Jackson, as elemental writes it and Jackson reads it back: a whole number below ten
     * million is an int ({@code 12.0} is written {@code 12}), other numbers doubles, NaN and infinities null.
     */
    static JsonNode jackson(JsonValue value) {
        return switch (value.getType()) {
            case OBJECT -> {
                JsonObject object = (JsonObject) value;
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                for (String key : object.keys()) {
                    node.set(key, jackson(object.get(key)));
                }
                yield node;
            }
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                ArrayNode node = JsonNodeFactory.instance.arrayNode(array.length());
                for (int i = 0; i < array.length(); i++) {
                    node.add(jackson(array.get(i)));
                }
                yield node;
            }
            case STRING -> TextNode.valueOf(value.asString());
            case NUMBER -> number(value.asNumber());
            case BOOLEAN -> BooleanNode.valueOf(value.asBoolean());
            case NULL -> NullNode.getInstance();
        };
    }

    private static JsonNode number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return NullNode.getInstance();
        }
        // String.valueOf(double) ends in ".0" for whole numbers below 10^7, which elemental then writes as integers
        return d == Math.rint(d) && Math.abs(d) < 1e7 ? IntNode.valueOf((int) d) : DoubleNode.valueOf(d);
    }
}
