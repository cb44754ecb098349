package dev.portcullis.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Counts failed logins per key (an email, a client address) in fixed windows. Once a key reaches
 * its limit within a window, further attempts are refused until the window ends. Bounded: when
 * full it forgets expired windows first, then the oldest ones, so a flood of keys costs no memory.
 */
public final class FailedLoginLimiter {

    private record Window(Instant start, int failures) {
    }

    private final int maxFailures;
    private final Duration window;
    private final int maxKeys;
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    public FailedLoginLimiter(int maxFailures, Duration window, int maxKeys) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** Seconds to wait when {@code key} is blocked at {@code now}, else empty. */
    public synchronized OptionalLong blockedFor(String key, Instant now) {
        Window w = windows.get(key);
        if (w == null || w.failures() < maxFailures) {
            return OptionalLong.empty();
        }
        Instant end = w.start().plus(window);
        if (!now.isBefore(end)) {
            windows.remove(key);
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.between(now, end).toSeconds() + 1));
    }

    public synchronized void recordFailure(String key, Instant now) {
        Window w = windows.remove(key);
        if (w == null || !now.isBefore(w.start().plus(window))) {
            w = new Window(now, 0);
        }
        windows.put(key, new Window(w.start(), w.failures() + 1));
        if (windows.size() > maxKeys) {
            evict(now);
        }
    }

    public synchronized void clear(String key) {
        windows.remove(key);
    }

    synchronized int size() {
        return windows.size();
    }

    private void evict(Instant now) {
        windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        Iterator<Map.Entry<String, Window>> oldest = windows.entrySet().iterator();
        while (windows.size() > maxKeys && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
