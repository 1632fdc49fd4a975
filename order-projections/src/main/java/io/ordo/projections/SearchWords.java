package io.ordo.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which words of a list search ({@code q}) are rare enough to look up in the trigram index on their own.
 * <p>
 * A trigram index answers {@code LIKE '%customer 4321%'} by intersecting the rows of every trigram of the pattern.
 * When a word is in most rows ("customer" in "Bench Customer 4321"), its trigrams each list most of the table, and
 * the intersection reads all of them: 50–100 ms at a million orders, though a few hundred rows match. Asking the
 * index for the rare words alone ({@code LIKE '%4321%'}) and checking the whole {@code q} on the rows it finds
 * gives the same rows in a few milliseconds, and never more rows than the rare words are in.
 * <p>
 * How rare a word is comes from PostgreSQL's own statistics of the column ({@code pg_stats}: the values ANALYZE
 * sampled), read at most once a minute per table. Without statistics (a new or just rebuilt table) no word counts as
 * rare, which is the plain trigram search. The choice only changes speed: any part of {@code q} is in every row that
 * contains all of it, so the answer is the same either way.
 */
final class SearchWords {

    /** A word in fewer than this share of the sampled rows is rare: under 10 of the 1,000 that ANALYZE keeps (V10). */
    static final double RARE_SHARE = 0.01;

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Function<String, List<String>> sampler;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    /** Samples from the column's statistics. */
    static SearchWords fromStatistics(JdbcClient jdbc) {
        return new SearchWords(table -> jdbc.sql("""
                        SELECT unnest(COALESCE(most_common_vals::text::text[], '{}')
                                      || COALESCE(histogram_bounds::text::text[], '{}'))
                        FROM pg_stats
                        WHERE schemaname = current_schema() AND tablename = :table AND attname = 'search_text'""")
                .param("table", table).query(String.class).list());
    }

    /** Samples from {@code sampler}: the sampled values of a table's {@code search_text}. */
    SearchWords(Function<String, List<String>> sampler) {
        this.sampler = sampler;
    }

    /** The rare words of {@code q} (lower case) in {@code table}; empty: none, search for {@code q} whole. */
    List<String> rare(String table, String q) {
        return rare(q, sample(table));
    }

    /**
     * The words of {@code q} with at least three letters or digits (a shorter one has no trigram to look up) that
     * are in fewer than {@link #RARE_SHARE} of the {@code sample}; none when there is no sample.
     */
    static List<String> rare(String q, List<String> sample) {
        var words = new ArrayList<String>();
        if (sample.isEmpty()) {
            return words;
        }
        for (String word : WORD_BREAK.split(q.toLowerCase(Locale.ROOT))) {
            if (word.length() >= 3 && !words.contains(word)
                    && sample.stream().filter(value -> value.contains(word)).count() < RARE_SHARE * sample.size()) {
                words.add(word);
            }
        }
        return words;
    }

    private List<String> sample(String table) {
        long now = System.nanoTime();
        Sample cached = samples.get(table);
        if (cached != null && now - cached.readAt < KEEP_NANOS) {
            return cached.values;
        }
        List<String> values = sampler.apply(table);
        samples.put(table, new Sample(List.copyOf(values), now));
        return values;
    }

    private record Sample(List<String> values, long readAt) {
    }
}
