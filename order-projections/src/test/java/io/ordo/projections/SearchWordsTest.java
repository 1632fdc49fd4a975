package io.ordo.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which words of a search go to the trigram index alone, given a sample of the column like ANALYZE's. */
class SearchWordsTest {

    /** 100 sampled rows: every one has "bench customer", one in ten "express", and each its own numbers. */
    private static final List<String> SAMPLE = sample();

    private static List<String> sample() {
        var rows = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            rows.add("gen-%07d\nbench customer %d\n+1555%d\nheadphones%s".formatted(i, i * 37, i, i % 10 == 0 ? " express" : ""));
        }
        return rows;
    }

    @Test
    void words_in_none_of_the_sampled_rows_are_rare() {
        assertThat(SearchWords.rare("Customer 4321", SAMPLE)).containsExactly("4321");
        assertThat(SearchWords.rare("bench customer 4321 NORTH", SAMPLE)).containsExactly("4321", "north");
        assertThat(SearchWords.rare("express 4321", SAMPLE)).containsExactly("4321");
        assertThat(SearchWords.rare("4321", SAMPLE)).containsExactly("4321");
    }

    @Test
    void a_word_in_one_sampled_row_of_a_hundred_is_not_rare() {
        assertThat(SearchWords.rare("gen-0000042", SAMPLE)).isEmpty();
        assertThat(SearchWords.rare("bench customer", SAMPLE)).isEmpty();
    }

    @Test
    void words_too_short_for_a_trigram_are_never_asked_for_alone() {
        assertThat(SearchWords.rare("customer 12", SAMPLE)).isEmpty();
        assertThat(SearchWords.rare("customer 12 4321 4321", SAMPLE)).containsExactly("4321");
    }

    @Test
    void without_statistics_no_word_is_rare() {
        assertThat(SearchWords.rare("customer 4321", List.of())).isEmpty();
    }
}
