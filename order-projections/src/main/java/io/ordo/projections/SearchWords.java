package io.ordo.projections;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which parts of a list search ({@code q}) are rare enough to look up in the trigram index on their own.
 * <p>
 * A trigram index answers {@code LIKE '%customer 4321%'} by intersecting the rows of every trigram of the pattern.
 * When a trigram is in most rows ("cus" of "Bench Customer 4321", or "  1" of every phone number that starts with
 * 1), its list of rows is long, and reading it costs 5–20 ms at a million orders, though a few hundred rows match.
 * Asking the index only for pieces of {@code q} that narrow the rows for less than they cost ({@code LIKE '%432%'},
 * {@code LIKE '% 43%'}: a word that starts with 43), and checking the whole {@code q} on the rows it finds, gives the
 * same rows in a few milliseconds, and never more rows than the pieces are in.
 * <p>
 * pg_trgm takes the words of a text (letters and digits), pads each with two spaces before and one after, and
 * keeps every three characters of that. In a {@code LIKE} pattern a word is padded only where the pattern shows its
 * start or end (a space, a hyphen), not next to a {@code %}. So the pieces of {@code q} that can be asked for are:
 * any three characters inside a word, a word's last two characters with the character after them, and a word's
 * first one or two characters with the character before them.
 * <p>
 * How many rows have a trigram comes from PostgreSQL's own statistics of the column ({@code pg_stats}: the values
 * ANALYZE sampled), read at most once a minute per table. Without statistics (a new or just rebuilt table) nothing
 * counts as rare: the search walks the newest rows, then asks the index for the whole {@code q}. The choice only changes speed: any piece of {@code q} is in
 * every row that contains all of it, so the answer is the same either way.
 */
final class SearchWords {

    /** Pieces in fewer than this share of the sampled rows are rare: under 10 of the 1,000 that ANALYZE keeps (V10). */
    static final double RARE_SHARE = 0.01;

    /**
     * What a row that the index finds costs, against one entry of a trigram's list: reading the row from the table and
     * checking it (2–3 µs) against reading a compressed row pointer from the index (10–50 ns), at a million orders.
     * Measured with the benchmark's 200 first pages at a million orders (docs/benchmarks.md): 250 spent 1.5–1.8 s of
     * PostgreSQL's time on them in two rounds, 100 spent 2.1–2.5 s.
     */
    static final double ROW_COST = 250;

    /** At most this many pieces are asked for. */
    static final int MOST_PIECES = 4;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
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

    /** The rare pieces of {@code q} in {@code table}, as they stand in {@code q} (lower case); empty: none. */
    List<String> rare(String table, String q) {
        return sample(table).rare(q);
    }

    /** The rare pieces of {@code q} in the {@code sample} of a column's values; none when there is no sample. */
    static List<String> rare(String q, List<String> sample) {
        return new Sample(sample, 0).rare(q);
    }

    /** The pieces of {@code q} that the trigram index can be asked for, each with the trigrams it asks for. */
    static List<Piece> pieces(String q) {
        String text = q.toLowerCase(Locale.ROOT);
        var pieces = new ArrayList<Piece>();
        var words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            int from = words.start();
            int to = words.end();
            boolean starts = from > 0;
            boolean ends = to < text.length();
            if (starts && word.length() == 1 && ends) {
                pieces.add(new Piece(text.substring(from - 1, to + 1), Set.of("  " + word, " " + word + " ")));
            } else if (starts) {
                String head = word.substring(0, Math.min(2, word.length()));
                pieces.add(new Piece(text.substring(from - 1, from + head.length()), head.length() == 1
                        ? Set.of("  " + head) : Set.of("  " + head.charAt(0), " " + head)));
            }
            for (int i = 0; i + 3 <= word.length(); i++) {
                pieces.add(new Piece(word.substring(i, i + 3), Set.of(word.substring(i, i + 3))));
            }
            if (ends && word.length() >= 2) {
                pieces.add(new Piece(text.substring(to - 2, to + 1), Set.of(word.substring(word.length() - 2) + " ")));
            }
        }
        return pieces;
    }

    /** pg_trgm's trigrams of {@code value}: its words, lower case, padded with two spaces before and one after. */
    static Set<String> trigrams(String value) {
        var trigrams = new HashSet<String>();
        var words = WORD.matcher(value.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String padded = "  " + words.group() + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                trigrams.add(padded.substring(i, i + 3));
            }
        }
        return trigrams;
    }

    private Sample sample(String table) {
        long now = System.nanoTime();
        Sample cached = samples.get(table);
        if (cached != null && now - cached.readAt < KEEP_NANOS) {
            return cached;
        }
        var sample = new Sample(sampler.apply(table), now);
        samples.put(table, sample);
        return sample;
    }

    /** A piece of {@code q} ({@code text}, for a LIKE pattern) and the trigrams the index looks up for it. */
    record Piece(String text, Set<String> trigrams) {
    }

    /** For each trigram, which of the sampled values have it. */
    private static final class Sample {

        private final int size;
        private final Map<String, BitSet> valuesWith = new HashMap<>();
        private final long readAt;

        Sample(List<String> values, long readAt) {
            this.size = values.size();
            this.readAt = readAt;
            for (int i = 0; i < size; i++) {
                for (String trigram : trigrams(values.get(i))) {
                    valuesWith.computeIfAbsent(trigram, t -> new BitSet(size)).set(i);
                }
            }
        }

        /**
         * The pieces of {@code q} to ask the index for: chosen one by one, each time the piece that lowers the cost
         * most, until none does. The cost is the rows in the lists of every trigram asked for, plus
         * {@link #ROW_COST} times the rows that have them all (each read from the table and checked). Kept, in the
         * order chosen, when those rows are fewer than {@link #RARE_SHARE} of the values.
         */
        List<String> rare(String q) {
            if (size == 0) {
                return List.of();
            }
            var left = new ArrayList<Piece>();
            for (Piece piece : pieces(q)) {
                if (left.stream().noneMatch(p -> p.text().equals(piece.text()))) {
                    left.add(piece);
                }
            }
            var chosen = new ArrayList<Piece>();
            var trigrams = new HashSet<String>();
            double cost = ROW_COST * size;
            while (chosen.size() < MOST_PIECES) {
                Piece best = null;
                for (Piece piece : left) {
                    var more = new HashSet<>(trigrams);
                    more.addAll(piece.trigrams());
                    double with = cost(more);
                    if (with < cost) {
                        cost = with;
                        best = piece;
                    }
                }
                if (best == null) {
                    break;
                }
                chosen.add(best);
                left.remove(best);
                trigrams.addAll(best.trigrams());
            }
            return !chosen.isEmpty() && valuesWithAll(trigrams) < RARE_SHARE * size
                    ? chosen.stream().map(Piece::text).toList() : List.of();
        }

        private double cost(Set<String> trigrams) {
            long lists = 0;
            for (String trigram : trigrams) {
                BitSet with = valuesWith.get(trigram);
                lists += with == null ? 0 : with.cardinality();
            }
            return lists + ROW_COST * valuesWithAll(trigrams);
        }

        private long valuesWithAll(Set<String> trigrams) {
            var all = new BitSet(size);
            all.set(0, size);
            for (String trigram : trigrams) {
                BitSet with = valuesWith.get(trigram);
                if (with == null) {
                    return 0;
                }
                all.and(with);
            }
            return all.cardinality();
        }
    }
}
