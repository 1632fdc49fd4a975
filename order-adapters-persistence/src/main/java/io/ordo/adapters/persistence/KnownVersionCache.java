package io.ordo.adapters.persistence;

import io.ordo.application.port.out.OrderReadModelPort;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.inspection.AggregateModel;

/**
 * The repository's cache of aggregates, trusted only as far as the read model vouches for it: a cached aggregate is
 * used for a command only when the command names the version the order's detail showed just before
 * ({@link OrderReadModelPort#KNOWN_VERSION}) and the cached aggregate is no older. Another node may have moved the order
 * since this node cached it; its detail (written in that node's command transaction) then shows the newer version,
 * and the aggregate is loaded from the event store instead. Commands that name no version always load from the store.
 * A command that fails removes its aggregate from the cache (Axon's caching repository), so a cached aggregate is
 * always one that was committed.
 */
public final class KnownVersionCache implements Cache {

    private final Cache cached;
    private final AggregateModel<?> model;

    /** {@code cached}: where the aggregates are kept; {@code model}: the aggregate's, to read a cached one's version. */
    public KnownVersionCache(Cache cached, AggregateModel<?> model) {
        this.cached = cached;
        this.model = model;
    }

    @Override
    public <K, V> V get(K key) {
        V entry = cached.get(key);
        if (entry == null) {
            return null;
        }
        Long known = knownVersion();
        if (known == null || !(entry instanceof AggregateCacheEntry<?> aggregate) || versionOf(aggregate) < known) {
            cached.remove(key);
            return null;
        }
        return entry;
    }

    private static Long knownVersion() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().getMessage().getMetaData().get(OrderReadModelPort.KNOWN_VERSION)
                        instanceof Number n
                ? n.longValue()
                : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long versionOf(AggregateCacheEntry entry) {
        Long version = entry.recreateAggregate((AggregateModel) model, null, NoSnapshotTriggerDefinition.INSTANCE)
                .version();
        return version == null ? -1 : version;
    }

    @Override
    public void put(Object key, Object value) {
        cached.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cached.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return cached.remove(key);
    }

    @Override
    public void removeAll() {
        cached.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cached.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return cached.registerCacheEntryListener(listener);
    }
}
