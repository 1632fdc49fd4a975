package io.ordo.projections.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How to find the rows of a list search ({@code q}): which pieces of it to look up in the trigram index, and how
 * many of the newest rows to walk first (ADR 0006).
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
 * Every row the index finds is read from the table, at 2–5 µs each. When {@code q} is in a few thousand rows (one in
 * 500), that is 10–20 ms, while the newest rows in the page's order hold a page of them within a few thousand:
 * walking those in the sort index (which carries {@code search_text}, V12 and V13) costs about 0.5 µs a row. So a
 * search walks first when the walk is expected to be the cheaper, and asks the index when the walk found no full
 * page.
 * <p>
 * How many rows have a trigram, and how many contain {@code q}, comes from a sample of the table: {@value #SAMPLE_ROWS}
 * rows from random pages ({@code TABLESAMPLE SYSTEM_ROWS}), with the table's row count from {@code pg_class}. It is
 * read once per table on first use, and again in the background once it is a minute old, so no search waits for it
 * after the first. An empty table has no sample: nothing counts as rare, and the search walks the newest rows, then
 * asks the index for the whole {@code q}. The plan only changes speed: any piece of {@code q} is in every row that
 * contains all of it, and the walk's page is the index's page, so the answer is the same either way.
 */
public final class SearchWords {

    /** Pieces in fewer than this share of the sampled rows are rare. */
    static final double RARE_SHARE = 0.01;

    /**
     * What a row that the index finds costs, against one entry of a trigram's list: reading the row from the table and
     * checking it (2–5 µs) against reading a compressed row pointer from the index (10–50 ns), at a million orders.
     * Measured with the benchmark's 200 first pages at a million orders (docs/benchmarks.md): 250 spent 1.5–1.8 s of
     * PostgreSQL's time on them in two rounds, 100 spent 2.1–2.5 s.
     */
    static final double ROW_COST = 250;

    /**
     * What a row of the newest-rows walk costs in the same units: an entry of the sort index read and checked by
     * {@code strpos} (0.5–0.7 µs at a million orders), a tenth of a row read from the table.
     */
    static final double WALK_COST = 25;

    /**
     * The walk looks at this many times the rows expected to hold a page (at least as many as for a common q, at most
     * {@link #MOST_WALKED}), so that it finds a page despite the sample's error: the sample reads whole pages of the
     * table, and neighbouring rows are often alike.
     */
    static final double WALK_MARGIN = 2;

    /** At most this many rows are walked (about 15 ms at a million orders). */
    static final int MOST_WALKED = 25_000;

    /**
     * A walk without a cap: every row the filters leave is looked at, and the index is not asked afterwards. Planned
     * where no piece of {@code q} is rare and the index would find most rows anyway (such as {@code customer 0},
     * whose every piece is in most rows): a walk costs an entry of the sort index per row, the index a row of the table.
     */
    public static final int EVERY_ROW = Integer.MAX_VALUE;

    /** At most this many pieces are asked for. */
    static final int MOST_PIECES = 4;

    /** The rows sampled per table. */
    static final int SAMPLE_ROWS = 8_000;

    private static final Logger log = LoggerFactory.getLogger(SearchWords.class);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Function<String, Sampled> sampler;
    private final Executor refresher;
    private final LongSupplier nanoTime;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

    /** Samples {@link #SAMPLE_ROWS} rows of the table, refreshed in the background. */
    public static SearchWords fromTable(JdbcClient jdbc) {
        return new SearchWords(
                table -> new Sampled(
                        jdbc.sql("SELECT search_text FROM " + table + " TABLESAMPLE SYSTEM_ROWS(" + SAMPLE_ROWS + ")")
                                .query(String.class)
                                .list(),
                        jdbc.sql("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(:table)")
                                .param("table", table)
                                .query(Long.class)
                                .optional()
                                .orElse(0L)),
                Executors.newSingleThreadExecutor(runnable -> {
                    var thread = new Thread(runnable, "ordo-search-sample");
                    thread.setDaemon(true);
                    return thread;
                }),
                System::nanoTime);
    }

    /** Samples from {@code sampler}, refreshed on the calling thread. */
    public SearchWords(Function<String, Sampled> sampler) {
        this(sampler, Runnable::run, System::nanoTime);
    }

    /** Samples from {@code sampler}, refreshed by {@code refresher} once a minute of {@code nanoTime} has passed. */
    SearchWords(Function<String, Sampled> sampler, Executor refresher, LongSupplier nanoTime) {
        this.sampler = sampler;
        this.refresher = refresher;
        this.nanoTime = nanoTime;
    }

    /**
     * How to find a page of {@code limit} rows that contain {@code q} (lower case) in {@code table}. {@code newest}:
     * the rows to walk when no piece of {@code q} is rare.
     */
    public Plan plan(String table, String q, int limit, int newest) {
        return sample(table).plan(q, limit, newest);
    }

    /** The plan for {@code q} given a sample of a table's values and its row count. */
    public static Plan plan(String q, int limit, int newest, Sampled sampled) {
        return new Sample(sampled, 0).plan(q, limit, newest);
    }

    /** The rare pieces of {@code q} in the {@code sample} of a column's values (a table of as many rows). */
    static List<String> rare(String q, List<String> sample) {
        return plan(q, 20, 0, new Sampled(sample, sample.size())).pieces();
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
                pieces.add(new Piece(
                        text.substring(from - 1, from + head.length()),
                        head.length() == 1 ? Set.of("  " + head) : Set.of("  " + head.charAt(0), " " + head)));
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
        long now = nanoTime.getAsLong();
        Sample cached = samples.get(table);
        if (cached == null) {
            var sample = new Sample(sampler.apply(table), now);
            samples.put(table, sample);
            return sample;
        }
        if (now - cached.readAt >= KEEP_NANOS && refreshing.add(table)) {
            refresher.execute(() -> {
                try {
                    samples.put(table, new Sample(sampler.apply(table), nanoTime.getAsLong()));
                } catch (RuntimeException e) {
                    log.warn("The search sample of {} was not read again; the old one stays in use", table, e);
                } finally {
                    refreshing.remove(table);
                }
            });
        }
        return cached;
    }

    /** A piece of {@code q} ({@code text}, for a LIKE pattern) and the trigrams the index looks up for it. */
    record Piece(String text, Set<String> trigrams) {}

    /** Sampled values of a table's {@code search_text}, and how many rows the table has. */
    public record Sampled(List<String> values, long rows) {}

    /**
     * How to search: the {@code pieces} of {@code q} to ask the index for (none: the whole {@code q}), after a walk of
     * the {@code walk} newest rows in the page's order (0: no walk) that did not find a full page. A walk of
     * {@link #EVERY_ROW} is the whole answer: the index is not asked.
     */
    public record Plan(List<String> pieces, int walk) {}

    /** A growing list of positions, ascending as they are added. */
    private static final class Positions {

        private int[] positions = new int[4];
        private int size;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }

        int[] toArray() {
            return Arrays.copyOf(positions, size);
        }
    }

    /** For each trigram, which of the sampled values have it (their positions, ascending). */
    private static final class Sample {

        private final List<String> values;
        private final int size;
        private final double rowsPerValue;
        private final Map<String, int[]> valuesWith = new HashMap<>();
        private final long readAt;

        Sample(Sampled sampled, long readAt) {
            this.values = sampled.values().stream()
                    .map(v -> v.toLowerCase(Locale.ROOT))
                    .toList();
            this.size = values.size();
            this.rowsPerValue = size == 0 ? 0 : Math.max(1.0, (double) sampled.rows() / size);
            this.readAt = readAt;
            var lists = new HashMap<String, Positions>();
            for (int i = 0; i < size; i++) {
                for (String trigram : trigrams(values.get(i))) {
                    lists.computeIfAbsent(trigram, t -> new Positions()).add(i);
                }
            }
            lists.forEach((trigram, positions) -> valuesWith.put(trigram, positions.toArray()));
        }

        /**
         * The pieces of {@code q} to ask the index for: chosen one by one, each time the piece that lowers the cost
         * most, until none does. The cost is the rows in the lists of every trigram asked for, plus
         * {@link #ROW_COST} times the rows that have them all (each read from the table and checked). Kept, in the
         * order chosen, when those rows are fewer than {@link #RARE_SHARE} of the values. Then the walk: worth it when
         * the rows expected to hold a page, at {@link #WALK_COST} each, cost less than the index would.
         */
        Plan plan(String q, int limit, int newest) {
            if (size == 0) {
                return new Plan(List.of(), newest);
            }
            var left = new ArrayList<Piece>();
            var everyTrigram = new HashSet<String>();
            for (Piece piece : pieces(q)) {
                everyTrigram.addAll(piece.trigrams());
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
            int[] withPieces = chosen.isEmpty() ? new int[0] : valuesWithAll(trigrams);
            if (chosen.isEmpty() || withPieces.length >= RARE_SHARE * size) {
                return new Plan(List.of(), walkingEveryRowIsCheaper(everyTrigram) ? EVERY_ROW : newest);
            }
            var pieces = chosen.stream().map(Piece::text).toList();
            // a value that contains q has every trigram of its pieces: only those need a look
            long containing = Arrays.stream(withPieces)
                    .filter(i -> values.get(i).contains(q))
                    .count();
            if (containing == 0) {
                return new Plan(pieces, 0);
            }
            double rowsForAPage = (limit + 1) * (double) size / containing;
            if (WALK_COST * rowsForAPage >= cost * rowsPerValue) {
                return new Plan(pieces, 0);
            }
            return new Plan(pieces, (int)
                    Math.min(MOST_WALKED, Math.max(newest, Math.ceil(WALK_MARGIN * rowsForAPage))));
        }

        /**
         * Whether walking every row ({@link #WALK_COST} each) costs less than asking the index for the whole q, that is
         * for {@code trigrams}, all those of its pieces (their lists, and {@link #ROW_COST} for each row that has them
         * all). A q without a trigram cannot be asked for at all.
         */
        private boolean walkingEveryRowIsCheaper(Set<String> trigrams) {
            return trigrams.isEmpty() || WALK_COST * size < cost(trigrams);
        }

        private double cost(Set<String> trigrams) {
            long lists = 0;
            for (String trigram : trigrams) {
                int[] with = valuesWith.get(trigram);
                lists += with == null ? 0 : with.length;
            }
            return lists + ROW_COST * valuesWithAll(trigrams).length;
        }

        /**
         * The sampled values that have every one of {@code trigrams} (at least one): their lists intersected. Not to be
         * changed: with one trigram it is that trigram's list.
         */
        private int[] valuesWithAll(Set<String> trigrams) {
            var lists = new ArrayList<int[]>();
            for (String trigram : trigrams) {
                int[] with = valuesWith.get(trigram);
                if (with == null) {
                    return new int[0];
                }
                lists.add(with);
            }
            lists.sort(Comparator.comparingInt(list -> list.length));
            if (lists.size() == 1) {
                return lists.get(0);
            }
            int[] all = lists.get(0).clone();
            int count = all.length;
            for (int l = 1; l < lists.size() && count > 0; l++) {
                int[] other = lists.get(l);
                int kept = 0;
                for (int i = 0, j = 0; i < count && j < other.length; ) {
                    if (all[i] == other[j]) {
                        all[kept++] = all[i];
                        i++;
                        j++;
                    } else if (all[i] < other[j]) {
                        i++;
                    } else {
                        j++;
                    }
                }
                count = kept;
            }
            return Arrays.copyOf(all, count);
        }
    }
}
