package io.ordo.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which pieces of a search go to the trigram index alone, and when the newest rows are walked first, given a sample. */
class SearchWordsTest {

    /**
     * 100 sampled rows: every one has "bench customer" and a phone number starting with 1555, one in ten "express",
     * and each its own numbers.
     */
    private static final List<String> SAMPLE = sample();

    private static List<String> sample() {
        var rows = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            rows.add("gen-%07d\nbench customer %d\n+1555%d\nheadphones%s"
                    .formatted(i, i * 37, i, i % 10 == 0 ? " express" : ""));
        }
        return rows;
    }

    @Test
    void trigrams_are_those_of_pg_trgm() {
        // SELECT show_trgm('Ab-12 c') in PostgreSQL 17
        assertThat(SearchWords.trigrams("Ab-12 c"))
                .containsExactlyInAnyOrder("  a", " ab", "ab ", "  1", " 12", "12 ", "  c", " c ");
    }

    @Test
    void a_pattern_piece_has_the_trigrams_that_pg_trgm_takes_from_it() {
        assertThat(SearchWords.pieces("Customer 4321-x"))
                .containsExactly(
                        new SearchWords.Piece("cus", Set.of("cus")),
                        new SearchWords.Piece("ust", Set.of("ust")),
                        new SearchWords.Piece("sto", Set.of("sto")),
                        new SearchWords.Piece("tom", Set.of("tom")),
                        new SearchWords.Piece("ome", Set.of("ome")),
                        new SearchWords.Piece("mer", Set.of("mer")),
                        new SearchWords.Piece("er ", Set.of("er ")),
                        new SearchWords.Piece(" 43", Set.of("  4", " 43")),
                        new SearchWords.Piece("432", Set.of("432")),
                        new SearchWords.Piece("321", Set.of("321")),
                        new SearchWords.Piece("21-", Set.of("21 ")),
                        new SearchWords.Piece("-x", Set.of("  x")));
        assertThat(SearchWords.pieces("a 7 b"))
                .extracting(SearchWords.Piece::text)
                .containsExactly(" 7 ", " b");
        assertThat(SearchWords.pieces("7")).as("no padding, too short").isEmpty();
    }

    @Test
    void a_piece_in_none_of_the_sampled_rows_is_enough() {
        assertThat(SearchWords.rare("Customer 4321", SAMPLE)).containsExactly("432");
        assertThat(SearchWords.rare("customer 98", SAMPLE))
                .as("a word that starts with 98")
                .containsExactly(" 98");
    }

    @Test
    void a_second_piece_is_asked_for_when_it_narrows_the_rows_for_less_than_it_costs() {
        // 200 rows: "alpha" in 10, "omega" in 10, both in one
        var sample = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            sample.add("row " + (i < 10 ? "alpha " : "") + (i >= 9 && i < 19 ? "omega" : ""));
        }
        assertThat(SearchWords.rare("alpha omega", sample)).containsExactly("alp", "ome");
        assertThat(SearchWords.rare("alpha", sample)).as("in 5 % of the rows").isEmpty();
    }

    @Test
    void a_trigram_in_most_rows_is_never_asked_for() {
        // every sampled phone number is one word that starts with 1555: "  1", " 15", "155" and "555" are everywhere
        assertThat(SearchWords.rare("customer 1555", SAMPLE)).isEmpty();
        assertThat(SearchWords.rare("customer 12", SAMPLE))
                .as("' 12' brings '  1'")
                .isEmpty();
    }

    @Test
    void a_piece_in_one_sampled_row_of_a_hundred_is_not_rare() {
        assertThat(SearchWords.rare("gen-0000042", SAMPLE)).isEmpty();
        assertThat(SearchWords.rare("bench customer", SAMPLE)).isEmpty();
        assertThat(SearchWords.rare("express", SAMPLE)).isEmpty();
    }

    @Test
    void without_statistics_nothing_is_rare() {
        assertThat(SearchWords.rare("customer 4321", List.of())).isEmpty();
    }

    @Test
    void a_q_in_one_sampled_row_of_500_walks_the_newest_rows_first_in_a_large_table() {
        // 1,000 sampled rows of 500 names: "customer 301" and its "301" in 2 of them
        var sample = new ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            sample.add("bench customer " + (i % 500));
        }
        var large = SearchWords.plan("customer 301", 20, 10_000, new SearchWords.Sampled(sample, 1_000_000));
        assertThat(large.pieces()).containsExactly("301");
        assertThat(large.walk())
                .as("a page of 21 expected within 10,500 rows; twice that walked")
                .isEqualTo(21_000);

        var small = SearchWords.plan("customer 301", 20, 10_000, new SearchWords.Sampled(sample, 10_000));
        assertThat(small).as("the index reads 20 rows").isEqualTo(new SearchWords.Plan(List.of("301"), 0));

        var far = SearchWords.plan("customer 301", 35, 10_000, new SearchWords.Sampled(sample, 1_000_000));
        assertThat(far.walk())
                .as("a page of 36 expected within 18,000 rows: walked as far as the most")
                .isEqualTo(25_000);
        var thin = SearchWords.plan("customer 301", 100, 10_000, new SearchWords.Sampled(sample, 1_000_000));
        assertThat(thin.walk())
                .as("a page of 101 expected within 50,500 rows: the index is cheaper")
                .isZero();
    }

    @Test
    void a_q_in_no_sampled_row_goes_to_the_index_and_one_in_every_row_walks_every_row() {
        assertThat(SearchWords.plan("customer 4321", 20, 10_000, new SearchWords.Sampled(SAMPLE, 1_000_000)))
                .isEqualTo(new SearchWords.Plan(List.of("432"), 0));
        assertThat(SearchWords.plan("bench customer", 20, 10_000, new SearchWords.Sampled(SAMPLE, 1_000_000)))
                .as("the index would find every row")
                .isEqualTo(new SearchWords.Plan(List.of(), SearchWords.EVERY_ROW));
        assertThat(SearchWords.plan("e", 20, 10_000, new SearchWords.Sampled(SAMPLE, 1_000_000)))
                .as("no trigram to ask the index for")
                .isEqualTo(new SearchWords.Plan(List.of(), SearchWords.EVERY_ROW));
        assertThat(SearchWords.plan("customer 4321", 20, 10_000, new SearchWords.Sampled(List.of(), 0)))
                .as("an empty table")
                .isEqualTo(new SearchWords.Plan(List.of(), 10_000));
    }

    @Test
    void a_q_in_three_rows_of_a_hundred_walks_the_newest_rows_then_asks_the_index() {
        // 200 rows, 6 of them with "express": no piece is rare (3 %), and the index finds those 6 for less than a walk
        // of all 200 costs
        var rows = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            rows.add("bench customer\nheadphones%s".formatted(i % 34 == 0 ? " express" : ""));
        }
        assertThat(SearchWords.plan("express", 20, 10_000, new SearchWords.Sampled(rows, 1_000_000)))
                .isEqualTo(new SearchWords.Plan(List.of(), 10_000));
    }

    @Test
    void the_sample_is_read_once_then_again_in_the_background_when_a_minute_old() {
        var reads = new AtomicInteger();
        // the first read: "4321" in no row (the index); later reads: in 5 of 1,000 rows (a walk first)
        var dense = new ArrayList<>(Collections.nCopies(995, "regular buyer 0"));
        dense.addAll(Collections.nCopies(5, "regular buyer 4321"));
        var waiting = new ArrayList<Runnable>();
        long[] now = {0};
        var words = new SearchWords(
                table -> new SearchWords.Sampled(
                        reads.incrementAndGet() == 1 ? Collections.nCopies(1000, "regular buyer 0") : dense,
                        1_000_000_000),
                waiting::add,
                () -> now[0]);

        assertThat(words.plan("t", "buyer 4321", 20, 100).walk())
                .as("first read, on this thread")
                .isZero();
        now[0] = TimeUnit.SECONDS.toNanos(59);
        assertThat(words.plan("t", "buyer 4321", 20, 100).walk()).isZero();
        assertThat(reads).hasValue(1);
        assertThat(waiting).isEmpty();

        now[0] = TimeUnit.SECONDS.toNanos(61);
        assertThat(words.plan("t", "buyer 4321", 20, 100).walk())
                .as("the old sample while the new is read")
                .isZero();
        assertThat(words.plan("t", "buyer 4321", 20, 100).walk()).isZero();
        assertThat(waiting).as("one refresh at a time").hasSize(1);
        assertThat(reads).hasValue(1);

        waiting.remove(0).run();
        assertThat(reads).hasValue(2);
        assertThat(words.plan("t", "buyer 4321", 20, 100).walk())
                .as("the new sample")
                .isEqualTo(8_400);
    }
}
