package org.civitas.classify;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civitas.catalog.ItemView;
import org.springframework.stereotype.Component;

/**
 * The classification itself, without a role check: {@link ClassifierService#classify} checks the caller, the
 * channels' intake ({@link ChannelClassifier}) has checked its own caller before.
 */
@Component
class Suggester {

    private final ModelTrainer trainer;

    Suggester(ModelTrainer trainer) {
        this.trainer = trainer;
    }

    Classification classify(String text, String address) {
        ModelTrainer.Loaded loaded = trainer.current();
        Map<String, ItemView> items = trainer.items().stream()
                .collect(Collectors.toMap(ItemView::code, Function.identity()));
        List<Suggestion> top = loaded.model().score(text, Set.copyOf(items.keySet()), ClassifierService.TOP).stream()
                .map(s -> {
                    ItemView i = items.get(s.label());
                    return new Suggestion(i.code(), i.name(), i.urgency(), Math.round(s.score() * 1000) / 1000.0,
                            s.words());
                })
                .toList();
        return new Classification(top, loaded.places().find(address, text), EmergencyWords.in(text),
                loaded.info().version());
    }
}
